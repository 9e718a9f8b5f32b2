import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedId } from '../../model/ids';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import {
  COMBINING_NAME,
  EMOJI_NAME,
  HOSTILE_NAMES,
  LONGEST_NOTE,
  LONGEST_TITLE,
  RTL_NAME,
  ZERO_WIDTH_NAME,
} from '../fixtures/unicode';
import { contentScriptTab, launch, overlayFrame } from './harness';
import { importThroughRoster } from './hostile';

// Every surface with hostile names, titles and notes (tests/fixtures/unicode.ts): right-to-left marks and
// overrides, zero-width characters, combining marks, emoji sequences, and the longest text each field
// takes, unbroken. Measured in the real browser as a user sees it: the header stays one line (as tall as
// the same header with a plain name), nothing overflows sideways, nothing is pushed out of the window.
// A screenshot of each surface for each name goes to test-results/unicode/.

const SHOTS = resolve('test-results/unicode');
const HTML = readFileSync('demo/upwork-profile.html', 'utf8');
const DAY = 86_400_000;
const NOW = Date.now();

/** The people: a plain name to measure against, then each hostile one. */
const PEOPLE = [
  { label: 'plain', name: 'Dana Demo' },
  { label: 'rtl', name: RTL_NAME },
  { label: 'zero-width', name: ZERO_WIDTH_NAME },
  { label: 'combining', name: COMBINING_NAME },
  { label: 'emoji', name: EMOJI_NAME },
  { label: 'longest', name: HOSTILE_NAMES[4] },
];
const idOf = (i: number) => `~01unicode${String(i).padStart(10, '0')}`;
const addressOf = (i: number) => `https://www.upwork.com/freelancers/${idOf(i)}`;
/** The demo profile (the project's own page), as the profile of the i-th person: its id, its address. */
const pageOf = (i: number) => HTML.replaceAll('~01demo0000000000001', idOf(i));

/** A backup of the people, each with a hostile note, excuse, engagement, open milestone and access. */
function backup() {
  const at = (days: number) => NOW - days * DAY;
  const tables = {
    contractors: [] as object[],
    profiles: [] as object[],
    events: [] as object[],
    engagements: [] as object[],
    milestones: [] as object[],
    accesses: [] as object[],
    snapshots: [] as object[],
  };
  for (const [i, { name, label }] of PEOPLE.entries()) {
    const plain = label === 'plain';
    const text = plain ? 'Asked for more time on the logo' : name;
    const id = derivedId(at(100), `c${i}`);
    const engagement = derivedId(at(30), `g${i}`);
    const milestone = derivedId(at(30), `m${i}`);
    tables.contractors.push({
      id,
      name,
      createdAt: at(100),
      skills: [plain ? 'Logo design' : [...name].slice(0, 100).join('')],
      tags: [plain ? 'retainer' : [...name].slice(0, 60).join('')],
      status: 'active',
      updatedAt: at(100),
    });
    const key = `upwork:${idOf(i)}`;
    tables.profiles.push({
      key,
      platform: 'upwork',
      id: key.slice('upwork:'.length),
      contractorId: id,
      name,
      title: plain ? 'Logo designer' : [...`${name} ${LONGEST_TITLE}`].slice(0, 500).join(''),
      url: addressOf(i),
      lastSeenAt: at(1),
      updatedAt: at(1),
    });
    const event = (n: number, fields: object) => ({
      id: derivedId(at(20 - n), `e${i}-${n}`),
      contractorId: id,
      at: at(20 - n),
      updatedAt: at(20 - n),
      ...fields,
    });
    tables.events.push(
      event(1, { type: 'delivered', daysLate: 0 }),
      event(2, { type: 'excuse', text, category: 'connectivity' }),
      event(3, { type: 'note', text: plain ? 'Prefers calls on Fridays' : LONGEST_NOTE }),
      event(4, { type: 'praise', text: plain ? 'Great colours' : `${COMBINING_NAME} ${EMOJI_NAME}` }),
    );
    tables.engagements.push({
      id: engagement,
      contractorId: id,
      title: plain ? 'Shop redesign' : LONGEST_TITLE,
      skill: 'Logo design',
      budget: 1200,
      currency: 'USD',
      startedAt: at(30),
      status: 'active',
      updatedAt: at(30),
    });
    tables.milestones.push({
      id: milestone,
      engagementId: engagement,
      contractorId: id,
      title: plain ? 'Logo v2' : text,
      amount: 300,
      currency: 'USD',
      dueAt: at(2),
      renegotiations: [],
      updatedAt: at(30),
    });
    tables.accesses.push({
      id: derivedId(at(30), `a${i}`),
      contractorId: id,
      what: plain ? 'Figma team' : [...name].slice(0, 300).join(''),
      level: 'edit',
      grantedAt: at(30),
      updatedAt: at(30),
    });
  }
  return { format: 'track-record-backup', version: 3, exportedAt: NOW, ...tables };
}

/** The name and verdict line at the top of the popup, the side panel and the full record. */
const CONTRACTOR_HEADER = 'header.stack > .spread';

type Layout = { header: number; overflow: number; offscreen: string[] };

/**
 * What the user sees of a surface: the height of its header, how far the page scrolls sideways, and
 * every element that sticks out of the window without a box that clips it.
 */
function measure(where: Page | Frame, header: string): Promise<Layout> {
  return where.evaluate((selector) => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const clippedInside = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const box = up.getBoundingClientRect();
        if (getComputedStyle(up).overflowX !== 'visible' && box.left >= -1 && box.right <= width + 1)
          return true;
      }
      return false;
    };
    const offscreen = [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return false;
        return (box.right > width + 1 || box.left < -1) && !clippedInside(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`);
    const head = document.querySelector(selector);
    if (!head) throw new Error(`no ${selector} here`);
    return { header: head.getBoundingClientRect().height, overflow: doc.scrollWidth - width, offscreen };
  }, header);
}

describe('hostile Unicode on every surface', () => {
  let browser: ExtensionBrowser;
  const plain: Record<string, Layout> = {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
    for (const i of PEOPLE.keys()) browser.serve(addressOf(i), pageOf(i));
    await importThroughRoster(browser, backup());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The layout holds: one header line (no taller than with a plain name), nothing sideways or outside. */
  const holds = (surface: string, label: string, layout: Layout) => {
    writeFileSync(join(SHOTS, `${surface}-${label}.json`), JSON.stringify(layout, null, 1));
    if (label === 'plain') plain[surface] = layout;
    const base = plain[surface] as Layout;
    expect(layout.offscreen, `${surface}, ${label}: outside the window`).toEqual([]);
    expect(layout.overflow, `${surface}, ${label}: scrolls sideways`).toBeLessThanOrEqual(0);
    // One line, whatever its glyphs: well under the two lines a wrapped header would take.
    expect(layout.header, `${surface}, ${label}: header height`).toBeLessThan(base.header * 1.5);
  };
  /** What the window shows first, and each section of the page further down, at full size. */
  const shot = async (page: Page, surface: string, label: string) => {
    await page.screenshot({ path: join(SHOTS, `${surface}-${label}.png`) });
    for (const section of ['why', 'about', 'engagements', 'accesses', 'profiles', 'ending']) {
      const part = page.locator(`section#${section}`);
      if ((await part.count()) > 0)
        await part.screenshot({ path: join(SHOTS, `${surface}-${label}-${section}.png`) });
    }
  };

  it.each(PEOPLE)('the overlay, the popup and the side panel with the $label name', async ({ label }) => {
    const i = PEOPLE.findIndex((p) => p.label === label);
    const page = await browser.context.newPage();
    await page.goto(addressOf(i));
    const frame = await overlayFrame(page);
    await frame.getByTestId('verdict').waitFor();
    await page.locator('[data-track-record="overlay"]').scrollIntoViewIfNeeded();
    holds('overlay', label, await measure(frame, '.overlay-head'));
    await page
      .locator('[data-track-record="overlay"]')
      .screenshot({ path: join(SHOTS, `overlay-${label}.png`) });

    const tab = await contentScriptTab(browser, page);
    for (const [surface, path, width, height] of [
      ['popup', 'popup.html', 360, 760],
      ['side-panel', 'sidepanel.html', 400, 900],
    ] as const) {
      const view = await browser.context.newPage();
      await view.setViewportSize({ width, height });
      await view.goto(browser.extensionUrl(`${path}?tab=${tab}`));
      await view.locator(CONTRACTOR_HEADER).waitFor();
      await view.getByTestId('verdict').first().waitFor();
      await shot(view, surface, label);
      holds(surface, label, await measure(view, CONTRACTOR_HEADER));
      await view.close();
    }
    await page.close();
  });

  it('the roster: every row one line, nothing sideways', async () => {
    const roster = await browser.context.newPage();
    await roster.goto(browser.extensionUrl('dashboard.html'));
    const rows = roster.getByTestId('roster-row');
    await expect.poll(() => rows.count()).toBe(PEOPLE.length);
    await roster.screenshot({ path: join(SHOTS, 'roster.png'), fullPage: true });
    const heights = await rows.evaluateAll((all) => all.map((r) => r.getBoundingClientRect().height));
    expect(new Set(heights).size, `row heights ${heights}`).toBe(1);
    const layout = await measure(roster, '[data-testid="roster-row"]');
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.offscreen).toEqual([]);
    await roster.close();
  });

  it.each(PEOPLE)("the contractor's full record with the $label name", async ({ label }) => {
    const i = PEOPLE.findIndex((p) => p.label === label);
    const record = await browser.context.newPage();
    await record.setViewportSize({ width: 1100, height: 900 });
    await record.goto(
      browser.extensionUrl(`dashboard.html#contractor=${derivedId(NOW - 100 * DAY, `c${i}`)}`),
    );
    await record.locator(CONTRACTOR_HEADER).waitFor();
    await shot(record, 'record', label);
    holds('record', label, await measure(record, CONTRACTOR_HEADER));
    // The cancel flow names them in its sentences, and lists their milestones and accesses.
    await record.locator('section#ending').getByRole('button', { name: 'Cancel and move on…' }).click();
    const flow = record.getByRole('region', { name: 'Cancel and move on' });
    await flow.getByRole('heading', { level: 2 }).waitFor();
    await flow.screenshot({ path: join(SHOTS, `record-${label}-cancel-flow.png`) });
    holds('cancel-flow', label, await measure(record, 'section.cancel-flow h2'));
    await record.close();
  });

  it('a profile page showing a 10,000-character name: the overlay offers to track them, on one line, and tracks them', async () => {
    const id = '~01longname0000000000';
    const address = `https://www.upwork.com/freelancers/${id}`;
    const shown = LONGEST_NOTE.replace(/[<>&"\s]/g, 'x');
    browser.serve(address, HTML.replaceAll('~01demo0000000000001', id).replaceAll('Dana Demo', shown));
    const page = await browser.context.newPage();
    await page.goto(address);
    const frame = await overlayFrame(page);
    await frame.getByRole('button', { name: 'Track' }).waitFor();
    await page
      .locator('[data-track-record="overlay"]')
      .screenshot({ path: join(SHOTS, 'overlay-page-name.png') });
    holds('overlay', 'page-name', await measure(frame, '.overlay-head'));
    await frame.getByRole('button', { name: 'Track' }).click();
    await frame.getByTestId('verdict').waitFor();
    await page
      .locator('[data-track-record="overlay"]')
      .screenshot({ path: join(SHOTS, 'overlay-page-name-tracked.png') });
    holds('overlay', 'page-name-tracked', await measure(frame, '.overlay-head'));
    expect([...((await frame.locator('.overlay-name').textContent()) ?? '')]).toHaveLength(200);
    await page.close();
  });
});
