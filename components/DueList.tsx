import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { excuseCategoryLabels } from '../model/excuses';
import { suggestExcuseCategory } from '../scoring/excuses';
import { dueWords } from '../scoring/format';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

/** An open milestone on the roster, as the deadlines list shows it. */
type DueItem = {
  id: string;
  title: string;
  engagement: string;
  contractor: string;
  dueAt: number;
};

type DueAnswer = 'delivered' | 'not-yet';

type Props = {
  items: DueItem[];
  onAnswer: (milestoneId: string, answer: DueAnswer) => Promise<void>;
  onExcuse: (
    milestoneId: string,
    text: string,
    category: ReturnType<typeof suggestExcuseCategory>,
  ) => Promise<void>;
  /** The milestone a reminder was about: shown first in view, its first answer focused. */
  focus?: string;
  now?: () => number;
};

/**
 * Milestones due or overdue across the roster, each with the answers a reminder offers: delivered (on
 * time on the due day; late after it), not yet, or the excuse they gave (pasted, Enter).
 */
export function DueList({ items, onAnswer, onExcuse, focus, now = Date.now }: Props) {
  const { act, pending, error } = useAction((work: () => Promise<void>) => work(), 'Not recorded');
  const [excusing, setExcusing] = useState<string | null>(null);
  const [text, setText] = useState('');
  const focused = useRef<HTMLLIElement>(null);
  const excuse = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => excuse.current?.focus(), [excusing]);
  useEffect(() => {
    focused.current?.scrollIntoView({ block: 'center' });
    focused.current?.querySelector('button')?.focus();
  }, [focus]);
  if (items.length === 0) return <p class="muted">Nothing is due: every open milestone is on schedule.</p>;
  return (
    <div class="stack">
      <ul class="plain" aria-label="Due and overdue">
        {items.map((d) => {
          const words = dueWords(d.dueAt, now());
          return (
            <li
              key={d.id}
              ref={d.id === focus ? focused : undefined}
              class="card stack"
              data-testid="due"
              data-milestone={d.id}
            >
              <span>
                <strong>{d.title}</strong> from <strong>{d.contractor}</strong>{' '}
                <span class={words.endsWith('overdue') ? 'error' : 'muted'}>· {words}</span>
                <br />
                <span class="muted">{d.engagement}</span>
              </span>
              <div class="row">
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => void act(() => onAnswer(d.id, 'delivered'))}
                >
                  {words === 'due today' ? 'Delivered on time' : 'Delivered today'}
                </button>
                {(words === 'due today' || words.endsWith('overdue')) && (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => void act(() => onAnswer(d.id, 'not-yet'))}
                  >
                    Not yet
                  </button>
                )}
                <button type="button" aria-expanded={excusing === d.id} onClick={() => setExcusing(d.id)}>
                  Excuse…
                </button>
              </div>
              {excusing === d.id && (
                <form
                  class="stack"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const words = text.trim();
                    if (!words) return;
                    void act(() => onExcuse(d.id, words, suggestExcuseCategory(words))).then((ok) => {
                      if (!ok) return;
                      setExcusing(null);
                      setText('');
                    });
                  }}
                >
                  <textarea
                    aria-label="What did they say?"
                    placeholder="What did they say? (Enter records)"
                    ref={excuse}
                    value={text}
                    onInput={(e) => setText(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') setExcusing(null);
                      if (e.key !== 'Enter' || e.shiftKey) return;
                      e.preventDefault();
                      e.currentTarget.form?.requestSubmit();
                    }}
                  />
                  <div class="row">
                    <button type="submit" class="primary" disabled={pending}>
                      Record the excuse
                    </button>
                    {text.trim() && (
                      <span class="muted">
                        as {excuseCategoryLabels[suggestExcuseCategory(text)]} (suggested from the words)
                      </span>
                    )}
                  </div>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <ErrorText message={error} />
    </div>
  );
}
