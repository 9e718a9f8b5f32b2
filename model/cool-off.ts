// How long a contractor stays dropped after "cancel and move on", as the user chooses when cancelling.

/** The end of a cool-off that never ends ("never rehire"): later than any real moment. */
export const NEVER_REHIRE = Number.MAX_SAFE_INTEGER;

export type CoolOff = number | 'never';

/** The choices the cancel flow offers, in days ('never': never rehire). */
export const COOL_OFF_CHOICES: { value: CoolOff; label: string }[] = [
  { value: 90, label: '3 months' },
  { value: 365, label: '1 year' },
  { value: 'never', label: 'Never rehire' },
];
