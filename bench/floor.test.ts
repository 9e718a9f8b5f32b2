import { describe, expect, it } from 'vitest';
import { FLOOR_SCRIPT, floorManifest } from './floor';

describe('the floor extension', () => {
  it("runs on every page the real content scripts run on, at the browser's default time", () => {
    const manifest = floorManifest({
      content_scripts: [
        { matches: ['https://www.upwork.com/*', 'https://*.fiverr.com/*'] },
        { matches: ['https://*.fiverr.com/*', 'https://github.com/*'] },
      ],
    });
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.content_scripts).toEqual([
      {
        matches: ['https://www.upwork.com/*', 'https://*.fiverr.com/*', 'https://github.com/*'],
        run_at: 'document_idle',
        js: ['floor.js'],
      },
    ]);
    expect(Object.keys(manifest)).not.toContain('background'); // nothing else runs
    expect(() => floorManifest({ content_scripts: [] })).toThrow('no content script');
  });

  it('inserts one element with a closed shadow root', () => {
    document.body.replaceChildren();
    new Function(FLOOR_SCRIPT)();
    const hosts = document.querySelectorAll('[data-track-record="floor"]');
    expect(hosts).toHaveLength(1);
    expect((hosts[0] as HTMLElement).shadowRoot).toBeNull(); // closed: the page cannot enter it
  });
});
