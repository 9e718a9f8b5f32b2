import type { Verdict } from '../model/verdict';

/** How each verdict reads to the user: a label, a short one for tight places, and what to do about it. */
export const VERDICT_TEXT: Record<Verdict, { label: string; short: string; advice: string }> = {
  dropped: {
    label: 'Dropped',
    short: 'Dropped',
    advice: 'You cancelled them; the cool-off is still running.',
  },
  cancel: {
    label: 'Cancel and move on',
    short: 'Cancel',
    advice: 'Strike limit reached. Hand the work to the next person.',
  },
  watch: { label: 'Watch', short: 'Watch', advice: 'A strike or a low score: check every delivery.' },
  trusted: { label: 'Trusted', short: 'Trusted', advice: 'Proven and reliable. Take care of them.' },
  ok: { label: 'OK', short: 'OK', advice: 'No strikes so far.' },
  new: { label: 'New', short: 'New', advice: 'No deliveries recorded yet.' },
};
