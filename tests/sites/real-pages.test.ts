// Reads the real marketplace pages kept in ../shared/marketplace-pages and checks each reading against what
// pages.json says a correct reader must find. The pages are third-party material and are never copied here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { readPage } from '../../sites';

const folder = path.resolve(process.cwd(), '../shared/marketplace-pages');
const available = existsSync(path.join(folder, 'pages.json'));

type Entry = {
  file: string;
  url: string;
  kind: string;
  profile: { platform: string; id: string; name: string; title?: string } | null;
  cards: string[];
};

// Skipped, saying why, on machines without the shared pages (CI always has them).
if (!available)
  console.warn(`real-pages: skipped, ${folder} is absent (it holds the saved marketplace pages)`);

describe.skipIf(!available)('real marketplace pages', () => {
  const entries: Entry[] = available
    ? JSON.parse(readFileSync(path.join(folder, 'pages.json'), 'utf8')).pages
    : [];
  // A window of its own that never runs the pages' scripts, loads their resources or navigates.
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true },
    },
  });
  afterAll(() => window.happyDOM.close());

  const read = (entry: Entry) => {
    const html = readFileSync(path.join(folder, entry.file), 'utf8');
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return readPage(doc, new URL(entry.url));
  };

  it('lists pages to check', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    describe(`${entry.file} (${entry.kind})`, () => {
      const reading = read(entry);

      if (entry.profile) {
        const expected = entry.profile;
        it('reads the freelancer it is the profile of', () => {
          expect(reading.profile).not.toBeNull();
          expect(reading.profile?.platform).toBe(expected.platform);
          expect(reading.profile?.id.toLowerCase()).toBe(expected.id.toLowerCase());
          expect(reading.profile?.key).toBe(`${expected.platform}:${expected.id.toLowerCase()}`);
          expect(reading.profile?.name).toBe(expected.name);
          if (expected.title) expect(reading.profile?.title).toBe(expected.title);
        });
      } else {
        it('is not a profile', () => {
          expect(reading.profile).toBeNull();
        });
      }

      it(entry.cards.length ? 'finds the cards, and only those' : 'has no cards', () => {
        const listed = new Set(entry.cards.map((id) => id.toLowerCase()));
        const found = new Set(reading.cards.map((c) => c.id.toLowerCase()));
        const unlisted = [...found].filter((id) => !listed.has(id));
        const missed = [...listed].filter((id) => !found.has(id));
        expect(unlisted).toEqual([]);
        expect(missed.length).toBeLessThanOrEqual(Math.floor(listed.size * 0.1));
        // One reading per card element.
        expect(new Set(reading.cards.map((c) => c.element)).size).toBe(reading.cards.length);
      });
    });
  }
});
