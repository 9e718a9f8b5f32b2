import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureDraft } from '../../model/capture';
import { keepDrafts } from './draft-keeper';

const note = (text: string): CaptureDraft => ({ kind: 'note', text, days: '', day: '2026-01-12' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the overlay's draft keeper", () => {
  it('keeps what is typed at most once per quiet spell, the latest text', async () => {
    const kept: (CaptureDraft | null)[] = [];
    const drafts = keepDrafts(async (d) => void kept.push(d), 400);
    drafts.changed(note('h'));
    drafts.changed(note('ha'));
    drafts.changed(note('half'));
    expect(kept).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(kept).toEqual([note('half')]);
    drafts.changed(note('half')); // nothing new
    vi.advanceTimersByTime(400);
    expect(kept).toHaveLength(1);
  });

  it('forgets at once when the capture is recorded, and keeps at once when the frame goes', () => {
    const kept: (CaptureDraft | null)[] = [];
    const drafts = keepDrafts(async (d) => void kept.push(d), 400);
    drafts.changed(note('a thought'));
    drafts.flush(); // the tab is hidden
    expect(kept).toEqual([note('a thought')]);
    drafts.changed(null);
    expect(kept).toEqual([note('a thought'), null]);
  });

  it('sends again what the background did not keep', async () => {
    let fail = true;
    const kept: (CaptureDraft | null)[] = [];
    const drafts = keepDrafts(async (d) => {
      if (fail) throw new Error('worker stopped');
      kept.push(d);
    }, 400);
    drafts.changed(note('x'));
    drafts.flush();
    await Promise.resolve();
    fail = false;
    drafts.changed(note('x'));
    drafts.flush();
    expect(kept).toEqual([note('x')]);
  });
});
