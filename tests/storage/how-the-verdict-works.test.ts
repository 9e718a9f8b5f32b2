import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeSettings, defaultSettings } from '../../model/settings';
import type { Fact } from '../../model/summary';
import { assess, formatContribution } from '../../scoring/score';

// Keeps the worked example in the README's "How the verdict works" true to the code.
const now = Date.UTC(2025, 5, 30, 12);
const at = (month: number, day: number) => Date.UTC(2025, month - 1, day, 12);
const dana: Fact[] = [
  { kind: 'delivery', at: at(3, 3), lateDays: 0, eventId: '1' },
  { kind: 'delivery', at: at(4, 14), lateDays: 0, eventId: '2' },
  { kind: 'excuse', at: at(6, 10), category: 'connectivity', eventId: '3' },
  { kind: 'delivery', at: at(6, 12), lateDays: 3, eventId: '4' },
];
const doc = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');

describe('the worked example in the README', () => {
  it('matches the code under each policy', () => {
    const strict = assess(dana, defaultSettings, now);
    expect([strict.score, strict.verdict, strict.strikes, strict.confidence]).toEqual([
      55,
      'cancel',
      2,
      'medium',
    ]);
    expect(strict.S.toFixed(2)).toBe('1.38');
    expect(strict.F.toFixed(2)).toBe('1.80');
    expect(strict.why.map((w) => formatContribution(w.contribution))).toEqual([
      '−1.3',
      '−0.5',
      '+0.7',
      '+0.6',
    ]);
    const standard = assess(dana, changeSettings(defaultSettings, { policy: 'standard' }), now);
    expect([standard.score, standard.verdict]).toEqual([56, 'cancel']);
    const lenient = assess(dana, changeSettings(defaultSettings, { policy: 'lenient' }), now);
    expect([lenient.score, lenient.verdict, lenient.strikes]).toEqual([57, 'watch', 2]);
  });

  it('states those numbers', () => {
    for (const text of [
      '**55**',
      'S = 1.38, F = 1.80',
      'score 56, still **cancel**',
      'score 57 and 2 strikes of 3 — **watch**',
    ]) {
      expect(doc).toContain(text);
    }
  });
});
