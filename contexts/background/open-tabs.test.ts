import { describe, expect, it } from 'vitest';
import { adapters } from '../../sites';
import { startInOpenTabs } from './open-tabs';

// At install or update, each open tab showing a supported page gets its own site's content script; the
// tabs of sites the user granted get the granted sites' script; a tab that refuses is skipped.

describe('starting the content scripts in tabs already open', () => {
  it("gives each open tab its own site's script, and the granted sites theirs", async () => {
    const ran: [number, string][] = [];
    const started = await startInOpenTabs({
      grantedOrigins: async () => ['https://portfolio.example.com/*', 'https://www.upwork.com/*'],
      tabsShowing: async (patterns) => {
        if (patterns.includes('https://www.upwork.com/*')) return [1];
        if (patterns.includes('https://*.fiverr.com/*')) return [2, 3];
        if (patterns.includes('https://portfolio.example.com/*')) return [4];
        return [];
      },
      run: async (tabId, file) => {
        if (tabId === 3) throw new Error('Cannot access contents of the page');
        ran.push([tabId, file]);
      },
    });
    expect(ran.sort()).toEqual([
      [1, 'content-scripts/upwork.js'],
      [2, 'content-scripts/fiverr.js'],
      [4, 'content-scripts/granted.js'],
    ]);
    expect(started).toBe(3);
  });

  it('asks for the tabs of every site in the registry', async () => {
    const asked: string[][] = [];
    await startInOpenTabs({
      grantedOrigins: async () => [],
      tabsShowing: async (patterns) => {
        asked.push(patterns);
        return [];
      },
      run: async () => {},
    });
    expect(asked).toEqual(adapters.map((a) => [...a.matches]));
  });
});
