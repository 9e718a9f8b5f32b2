import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../model/ids';
import { webProfile } from '../../sites/web';
import { createContractor, loadViewByKey } from '../../storage/contractors';
import { TrackRecordDb } from '../../storage/db';
import { askSiteAccess, attachPage, siteAccessOf } from './attach';

const page = webProfile('https://portfolio.example.com/jane/?utm_source=mail', 'Jane Doe — Portfolio');
if (!page) throw new Error('the sample address is a page');

let db: TrackRecordDb;
beforeEach(() => {
  db = new TrackRecordDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('attaching a page from the popup', () => {
  it('tracks a new contractor under the name given, the page keyed by its address', async () => {
    const id = await attachPage(db, page, { kind: 'new', name: 'Jane Doe' });
    const view = await loadViewByKey(db, 'web:https://portfolio.example.com/jane');
    expect(view?.contractor).toMatchObject({ id, name: 'Jane Doe' });
    expect(view?.profiles).toMatchObject([
      {
        platform: 'web',
        id: 'https://portfolio.example.com/jane',
        url: 'https://portfolio.example.com/jane',
      },
    ]);
  });

  it('attaches the page to someone already tracked', async () => {
    const jane = await createContractor(db, { name: 'Jane (Upwork)' });
    expect(await attachPage(db, page, { kind: 'existing', contractorId: jane })).toBe(jane);
    const view = await loadViewByKey(db, page.key);
    expect(view?.contractor.name).toBe('Jane (Upwork)');
    expect(await db.contractors.count()).toBe(1);
  });

  it('refuses a contractor that does not exist', async () => {
    await expect(attachPage(db, page, { kind: 'existing', contractorId: newId() })).rejects.toThrow();
    expect(await db.profiles.count()).toBe(0);
  });
});

describe('site access', () => {
  function permissions(granted: string[], answer: boolean) {
    const asked: string[][] = [];
    return {
      asked,
      api: {
        contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)),
        request: async ({ origins }: { origins: string[] }) => {
          asked.push(origins);
          return answer;
        },
      },
    };
  }

  it('asks for the page’s whole site and nothing wider', async () => {
    const { api, asked } = permissions([], true);
    expect(await askSiteAccess(api, page.url)).toBe('granted');
    expect(asked).toEqual([['https://portfolio.example.com/*']]);
  });

  it('tells granted, not granted and refused apart', async () => {
    expect(await siteAccessOf(permissions(['https://portfolio.example.com/*'], true).api, page.url)).toBe(
      'granted',
    );
    expect(await siteAccessOf(permissions([], true).api, page.url)).toBe('not-granted');
    expect(await askSiteAccess(permissions([], false).api, page.url)).toBe('refused');
    expect(await siteAccessOf(permissions([], true).api, 'chrome://extensions')).toBe('unknown');
  });
});
