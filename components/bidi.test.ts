import { describe, expect, it } from 'vitest';
import { COMBINING_NAME, EMOJI_NAME, RTL_NAME, ZERO_WIDTH_NAME } from '../tests/fixtures/unicode';
import { isolated } from './bidi';

describe('text someone wrote, in a sentence the extension writes', () => {
  it('is isolated where it could reorder the words after it', () => {
    for (const text of [RTL_NAME, 'Dana \u202eomeD', 'שלום', 'x\u200fy', 'a\u2067b', '𐤀 Phoenician'])
      expect(isolated(text)).toBe(`\u2068${text}\u2069`);
  });

  it('is left as it is otherwise, so that ordinary names read exactly as typed', () => {
    for (const text of ['Dana Demo', EMOJI_NAME, COMBINING_NAME, ZERO_WIDTH_NAME, 'Zoë Ωμέγα Иван 李'])
      expect(isolated(text)).toBe(text);
  });
});
