import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Capture } from '../model/capture';
import { type DueMilestone, QuickCapture } from './QuickCapture';

// Each capture, counted in the user's actions (a click, a typed or pasted value, a key): what it records,
// that focus is where the next action needs it, that it can be undone, and that a refused capture keeps
// what was typed.

afterEach(cleanup);
const NOW = Date.UTC(2026, 10, 27, 12);
const now = () => NOW;

function setUp(options: { milestones?: DueMilestone[]; refuse?: string } = {}) {
  const recorded: Capture[] = [];
  const onRecord = vi.fn(async (input: Capture) => {
    if (options.refuse) throw new Error(options.refuse);
    recorded.push(input);
    return { eventId: `event-${recorded.length}` };
  });
  const onUndo = vi.fn(async () => {});
  render(<QuickCapture onRecord={onRecord} onUndo={onUndo} milestones={options.milestones} now={now} />);
  return { recorded, onRecord, onUndo };
}
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
/** What the user types or pastes goes where the focus is. */
const typeHere = (value: string) => fireEvent.input(document.activeElement as Element, { target: { value } });
const enter = () => {
  const field = document.activeElement as HTMLElement;
  if (field.tagName === 'TEXTAREA') fireEvent.keyDown(field, { key: 'Enter' });
  else fireEvent.submit(field.closest('form') as HTMLFormElement); // Enter in a field submits its form
};

describe('quick capture', () => {
  it('records "delivered 3 days late" in three actions: Late, 3, Enter — dated now', async () => {
    const { recorded } = setUp();
    click('Late'); // 1
    expect(document.activeElement).toBe(screen.getByLabelText('Days late'));
    typeHere('3'); // 2
    enter(); // 3
    await screen.findByText('Recorded: Delivered 3 days late.');
    expect(recorded).toEqual([{ kind: 'late', at: NOW, daysLate: 3, text: undefined }]);
  });

  it('records an excuse in three actions — Excuse, paste, Enter — with its category suggested', async () => {
    const { recorded } = setUp();
    click('Excuse'); // 1
    typeHere('Sorry, the internet was down all day'); // 2: pasted
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('connectivity');
    enter(); // 3
    await screen.findByText('Recorded: Excuse: internet / power / equipment.');
    expect(recorded).toEqual([
      {
        kind: 'excuse',
        at: NOW,
        text: 'Sorry, the internet was down all day',
        category: 'connectivity',
        milestoneId: undefined,
      },
    ]);
  });

  it('records on time in two actions (On time, Enter) and a missed deadline, quality, praise or note in three', async () => {
    const { recorded } = setUp();
    click('On time');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Record' }));
    enter();
    await screen.findByText('Recorded: Delivered on time.');
    for (const [kind, value] of [
      ['Missed', '2'],
      ['Quality', 'The export is blurry'],
      ['Praise', 'Lovely colours'],
      ['Note', 'Prefers Slack'],
    ] as const) {
      click(kind);
      typeHere(value);
      enter();
      await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    }
    expect(recorded.map((r) => r.kind)).toEqual(['on-time', 'missed', 'quality', 'praise', 'note']);
  });

  it('keeps focus in the capture after recording, on the button that started it', async () => {
    setUp();
    click('Late');
    typeHere('2');
    enter();
    await screen.findByText(/^Recorded:/);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Late' }));
  });

  it('dates a capture on another day when the user changes it', async () => {
    const { recorded } = setUp();
    click('Praise');
    typeHere('Great handover');
    fireEvent.input(screen.getByLabelText('When'), { target: { value: '2026-11-20' } });
    fireEvent.submit(screen.getByRole('form'));
    await screen.findByText(/^Recorded:/);
    expect(new Date(recorded[0]?.kind === 'praise' ? recorded[0].at : 0).getDate()).toBe(20);
  });

  it('undoes what it just recorded', async () => {
    const { onUndo } = setUp();
    click('Note');
    typeHere('Call on Monday');
    enter();
    await screen.findByText('Recorded: Note.');
    click('Undo');
    await screen.findByText('Undone: Note.');
    expect(onUndo).toHaveBeenCalledWith('event-1');
  });

  it('offers to record a note that reads like a delay as one, in one click', async () => {
    const { recorded } = setUp();
    click('Note');
    typeHere('delivered the spec 3 days late');
    click('Record it as a late delivery');
    await screen.findByText('Recorded: Delivered 3 days late.');
    expect(recorded).toEqual([
      { kind: 'late', at: NOW, daysLate: 3, text: 'delivered the spec 3 days late' },
    ]);
  });

  it('asks for the days when a note says late without saying how late', async () => {
    const { recorded } = setUp();
    click('Note');
    typeHere('delivered late again');
    click('Record it as a late delivery');
    expect(document.activeElement).toBe(screen.getByLabelText('Days late'));
    typeHere('4');
    enter();
    await screen.findByText('Recorded: Delivered 4 days late.');
    expect(recorded).toEqual([{ kind: 'late', at: NOW, daysLate: 4, text: 'delivered late again' }]);
  });

  it('refuses days late that are not a whole number, recording nothing', async () => {
    const { onRecord } = setUp();
    click('Missed');
    typeHere('1.5');
    enter();
    await screen.findByText('Days late: a whole number, 1 or more.');
    expect(onRecord).not.toHaveBeenCalled();
  });

  it('keeps the text when the capture is refused', async () => {
    setUp({ refuse: 'the database is read-only' });
    click('Excuse');
    typeHere('My cat ate the files');
    enter();
    await screen.findByText('Not recorded: the database is read-only');
    expect((screen.getByLabelText('What did they say?') as HTMLTextAreaElement).value).toBe(
      'My cat ate the files',
    );
  });

  it('closes an open form with Escape, keeping focus on its button', () => {
    setUp();
    click('Quality');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Quality' }));
  });

  it('shows open milestones with "due in" words and one-click outcomes', async () => {
    const DAY = 86_400_000;
    const milestones = [
      { id: '01JH0000000000000000000001', title: 'Logo v2', engagement: 'Brand', dueAt: NOW - 4 * DAY },
      { id: '01JH0000000000000000000002', title: 'Website', engagement: 'Brand', dueAt: NOW + 2 * DAY },
    ];
    const { recorded } = setUp({ milestones });
    const rows = screen.getAllByTestId('open-milestone').map((r) => r.textContent);
    expect(rows[0]).toContain('Logo v2 4 days overdue');
    expect(rows[1]).toContain('Website due in 2 days');
    fireEvent.click(screen.getAllByRole('button', { name: 'Delivered today' })[0] as HTMLElement);
    await screen.findByText('Recorded: "Logo v2" delivered.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Excuse…' })[1] as HTMLElement);
    screen.getByText('For "Website" (Brand)');
    typeHere('Almost done, just final touches');
    enter();
    await screen.findByText('Recorded: Excuse: "almost done".');
    expect(recorded).toEqual([
      { kind: 'milestone-delivered', milestoneId: milestones[0]?.id },
      expect.objectContaining({ kind: 'excuse', category: 'almost-done', milestoneId: milestones[1]?.id }),
    ]);
  });
});

describe('quick capture, what is typed and not recorded', () => {
  it('is told as it changes, and forgotten once recorded', async () => {
    const drafts: unknown[] = [];
    const onRecord = vi.fn(async () => ({ eventId: 'event-1' }));
    render(
      <QuickCapture onRecord={onRecord} onUndo={async () => {}} now={now} onDraft={(d) => drafts.push(d)} />,
    );
    click('Note');
    typeHere('Asked for the logo files twice');
    await waitFor(() =>
      expect(drafts.at(-1)).toEqual({
        kind: 'note',
        text: 'Asked for the logo files twice',
        days: '',
        day: '2026-11-27',
        category: undefined,
        milestoneId: undefined,
      }),
    );
    enter();
    await screen.findByText('Recorded: Note.');
    await waitFor(() => expect(drafts.at(-1)).toBeNull());
  });

  it('comes back in the form, said so, without taking the focus; it can be recorded or dropped', async () => {
    const draft = { kind: 'late' as const, text: '', days: '4', day: '2026-11-26' };
    const recorded: Capture[] = [];
    const drafts: unknown[] = [];
    render(
      <QuickCapture
        onRecord={async (c) => {
          recorded.push(c);
          return { eventId: 'event-1' };
        }}
        onUndo={async () => {}}
        now={now}
        draft={draft}
        onDraft={(d) => drafts.push(d)}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/Kept from before/);
    expect((screen.getByLabelText('Days late') as HTMLInputElement).value).toBe('4');
    expect(document.activeElement).toBe(document.body);
    fireEvent.submit(screen.getByLabelText('Days late').closest('form') as HTMLFormElement);
    await screen.findByText('Recorded: Delivered 4 days late.');
    expect(recorded).toMatchObject([{ kind: 'late', daysLate: 4 }]);
    expect(new Date(recorded[0]?.kind === 'late' ? recorded[0].at : 0).toISOString()).toMatch(/^2026-11-26/);
    cleanup();
    render(
      <QuickCapture
        onRecord={onRecordNever}
        onUndo={async () => {}}
        now={now}
        draft={draft}
        onDraft={(d) => drafts.push(d)}
      />,
    );
    click('Discard it');
    expect(screen.queryByLabelText('Days late')).toBeNull();
    await waitFor(() => expect(drafts.at(-1)).toBeNull());
  });
});

const onRecordNever = async (): Promise<never> => {
  throw new Error('not called');
};
