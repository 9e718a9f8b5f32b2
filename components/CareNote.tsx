import type { Capture, Recorded } from '../model/capture';
import { ErrorText } from './ErrorText';
import { useAction } from './use-action';

const REWARDS = [
  { reward: 'thanks', label: 'Thank them' },
  { reward: 'bonus', label: 'Bonus' },
  { reward: 'raise', label: 'Raise' },
] as const;

/** The care rule, where it fires: say so, and record the reward in one click. */
export function CareNote({
  message,
  onReward,
  now = Date.now,
}: {
  message: string;
  onReward: (input: Capture) => Promise<Recorded>;
  now?: () => number;
}) {
  const { act, pending, error } = useAction(onReward, 'Not recorded');
  return (
    <div class="care stack" role="note" data-testid="care">
      <span>{message}.</span>
      <div class="row">
        {REWARDS.map((r) => (
          <button
            key={r.reward}
            type="button"
            disabled={pending}
            onClick={() => void act({ kind: 'reward', reward: r.reward, at: now() })}
          >
            {r.label}
          </button>
        ))}
      </div>
      <ErrorText message={error} />
    </div>
  );
}
