import { describe, expect, it } from 'vitest';
import { addBadge, BADGE_BOX, labelOf, tooltipOf } from './badges';

describe('card badges', () => {
  it('say the verdict and, once there is one, the score', () => {
    expect(labelOf({ verdict: 'cancel', score: 44, strikes: 2 })).toBe('Track Record: Cancel · 44');
    expect(labelOf({ verdict: 'new', score: null, strikes: 0 })).toBe('Track Record: Tracked');
  });

  it('tell the strikes and the last activity in their tooltip', () => {
    expect(tooltipOf({ verdict: 'watch', score: 58, strikes: 1, lastActivityAt: Date.UTC(2026, 2, 3) })).toBe(
      '1 strike in your window · last activity 3 Mar 2026',
    );
    expect(tooltipOf({ verdict: 'new', score: null, strikes: 0 })).toBe(
      '0 strikes in your window · nothing recorded yet',
    );
  });

  it('put only public identity where the page can read it', () => {
    const card = document.createElement('article');
    const badge = addBadge(document, card, 'upwork:~01aaaaaaaaaaaaaaaa');
    badge.show({ verdict: 'cancel', score: 44, strikes: 2 });
    expect(card.lastElementChild).toBe(badge.element);
    expect(badge.element.dataset).toMatchObject({
      trackRecord: 'badge',
      profileKey: 'upwork:~01aaaaaaaaaaaaaaaa',
    });
    expect([badge.element.shadowRoot, badge.element.textContent]).toEqual([null, '']); // closed root
  });

  it('have the same box whether they show a verdict or nothing', () => {
    const tracked = addBadge(document, document.createElement('article'), 'upwork:~01aaaaaaaaaaaaaaaa');
    const stranger = addBadge(document, document.createElement('article'), 'upwork:~01bbbbbbbbbbbbbbbb');
    const before = [tracked.element.getAttribute('style'), stranger.element.getAttribute('style')];
    tracked.show({ verdict: 'trusted', score: 100, strikes: 0, lastActivityAt: Date.UTC(2026, 2, 3) });
    stranger.show(null);
    const style = tracked.element.getAttribute('style');
    expect([style, stranger.element.getAttribute('style')]).toEqual(before);
    expect(style).toContain(`width: ${BADGE_BOX.width}px`);
    expect(style).toContain(`height: ${BADGE_BOX.height}px`);
    expect(style).toContain('contain: strict');
  });
});
