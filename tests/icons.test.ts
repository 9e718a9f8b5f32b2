import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcon } from '../scripts/icons.mjs';

// The toolbar and store icons are rendered from one hand-drawn SVG (public/icon.svg) and committed;
// this holds them to the drawing, so a change to one without the other fails.
describe('the icon set', () => {
  it.each(ICON_SIZES)('public/icon/%s.png is the drawing rendered at that size', (size) => {
    const committed = readFileSync(`public/icon/${size}.png`);
    expect(committed.readUInt32BE(16)).toBe(size); // PNG width
    expect(committed.readUInt32BE(20)).toBe(size); // PNG height
    expect(committed.equals(renderIcon(size))).toBe(true);
  });

  it('covers the sizes browsers ask for, 16 to 128', () => {
    expect(ICON_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 128]));
  });
});
