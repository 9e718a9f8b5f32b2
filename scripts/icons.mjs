// Renders the product's mark (public/icon.svg, drawn by hand) to the PNG sizes browsers ask for:
// public/icon/<size>.png, which WXT puts in the manifest. Run it after changing the drawing
// (`node scripts/icons.mjs`) and commit the PNGs; a test checks they match the drawing.
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 96, 128];

/** The mark rendered at `size` pixels square, as PNG bytes. */
export function renderIcon(size) {
  const svg = readFileSync(new URL('../public/icon.svg', import.meta.url), 'utf8');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of ICON_SIZES) {
    writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), renderIcon(size));
    console.log(`public/icon/${size}.png`);
  }
}
