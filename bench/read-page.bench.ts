// `npm run bench:read-page`: how long reading a page takes in happy-dom, on the saved real pages and on
// synthetic listings of 60 and 600 cards: a quick check of the content script's hot path while editing an
// adapter. happy-dom is slower than a browser's DOM: compare runs, not absolutes. `npm run bench` measures
// the extension in a real browser.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { test } from 'vitest';
import { readPage } from '../sites';

const folder = path.resolve('../shared/marketplace-pages');
const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true },
  },
});
const parse = (html: string) =>
  new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

// Skipped, saying why, where the shared pages are absent (CI always has them).
test.skipIf(!existsSync(`${folder}/pages.json`))('readPage on the saved real pages', async ({ bench }) => {
  const pages: { file: string; url: string }[] = JSON.parse(
    readFileSync(`${folder}/pages.json`, 'utf8'),
  ).pages;
  await bench.compare(
    ...pages.map((page) => {
      const doc = parse(readFileSync(`${folder}/${page.file}`, 'utf8'));
      const url = new URL(page.url);
      return bench(page.file, () => {
        readPage(doc, url);
      });
    }),
  );
});

test('readPage on listings of 60 and 600 cards', async ({ bench }) => {
  const listing = (count: number) => {
    const tiles = Array.from(
      { length: count },
      (_, i) =>
        `<article data-test="FreelancerTile"><h5 class="name"><a href="/freelancers/~01${String(i).padStart(16, '0')}">Person ${i}</a></h5><p>Designer</p></article>`,
    ).join('');
    return parse(`<html><head><title>Talent search</title></head><body><main>${tiles}</main></body></html>`);
  };
  const url = new URL('https://www.upwork.com/nx/search/talent/?q=logo');
  const [small, large] = [listing(60), listing(600)];
  await bench.compare(
    bench('60 Upwork talent tiles', () => {
      readPage(small, url);
    }),
    bench('600 Upwork talent tiles', () => {
      readPage(large, url);
    }),
  );
});
