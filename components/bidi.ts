/**
 * Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and others, their presentation forms) and
 * the characters that set or override a direction.
 */
const BIDI_SENSITIVE =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * Someone's text (a name, a title) as a piece of a sentence the extension writes: where it holds
 * right-to-left letters or direction marks, it is wrapped in a first-strong isolate (U+2068 … U+2069), so
 * that it takes its own direction and cannot reorder the words after it — an unclosed override (U+202E)
 * in a name would otherwise reverse the rest of the line. Other text is left as it is.
 */
export function isolated(text: string): string {
  return BIDI_SENSITIVE.test(text) ? `\u2068${text}\u2069` : text;
}
