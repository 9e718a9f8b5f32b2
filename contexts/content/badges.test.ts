import { describe, expect, it } from 'vitest';
import { addBadge, labelOf, tooltipOf } from './badges';

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
});
