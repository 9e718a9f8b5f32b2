import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeenProfile } from '../../model/page';
import { readPage } from '../../sites';
import { LONGEST_NOTE } from '../fixtures/unicode';

// A profile page may show a name, a title or a location longer than the extension takes (a hostile page,
// or a site's own bug): it is read cut to the longest the protocol takes, so that its freelancer is still
// shown and can be tracked. Refused whole, the overlay could only say the page shows nobody.

const HTML = readFileSync('demo/upwork-profile.html', 'utf8');
const URL_ = new URL('https://www.upwork.com/freelancers/~01demo0000000000001');

function read(html: string) {
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>[\s\S]*$/i, '');
  return readPage(document, URL_).profile;
}

describe('a page that shows texts longer than the extension takes', () => {
  it('is read cut to the longest each field takes, in characters, and passes the protocol', () => {
    const huge = LONGEST_NOTE.replace(/[<>&"\s]/g, 'x'); // 10,000 characters, emoji and marks among them
    const profile = read(HTML.replaceAll('Dana Demo', huge).replaceAll('Full-Stack Web Developer', huge));
    expect(profile).not.toBeNull();
    const { anchor: _anchor, ...seen } = profile as NonNullable<typeof profile>;
    expect([...seen.name]).toHaveLength(300);
    expect(huge.startsWith(seen.name)).toBe(true);
    expect([...(seen.title ?? '')].length).toBeLessThanOrEqual(500);
    expect(SeenProfile.safeParse({ ...seen, url: URL_.href }).success).toBe(true);
  });

  it('is read as it is when it fits', () => {
    expect(read(HTML)?.name).toBe('Dana Demo');
  });
});
