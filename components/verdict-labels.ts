import type { Verdict } from '../model/verdict';

/** How each verdict reads to the user: a short label and what to do about it. */
export const VERDICT_TEXT: Record<Verdict, { label: string; advice: string }> = {
  dropped: { label: 'Dropped', advice: 'You cancelled them; the cool-off is still running.' },
  cancel: { label: 'Cancel and move on', advice: 'Strike limit reached. Hand the work to the next person.' },
  watch: { label: 'Watch', advice: 'A strike or a low score: check every delivery.' },
  trusted: { label: 'Trusted', advice: 'Proven and reliable. Take care of them.' },
  ok: { label: 'OK', advice: 'No strikes so far.' },
  new: { label: 'New', advice: 'No deliveries recorded yet.' },
};

/** Most urgent first: the roster lists contractors in this order. */
export const VERDICT_ORDER: Verdict[] = ['cancel', 'watch', 'dropped', 'new', 'ok', 'trusted'];
