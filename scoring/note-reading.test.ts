import { describe, expect, it } from 'vitest';
import { dueWords } from './format';
import { readNote } from './note-reading';

describe('what a note reads like', () => {
  it.each([
    ['delivered the spec 3 days late', { kind: 'late', days: 3 }],
    ['Sent the logo two weeks late, no word why', { kind: 'late', days: 14 }],
    ['Submitted it late by 4 days', { kind: 'late', days: 4 }],
    ['finally delivered, a day past the deadline', { kind: 'late', days: 1 }],
    ['delivered late again', { kind: 'late' }],
    ['The landing page is 5 days overdue', { kind: 'missed', days: 5 }],
    ['3 days late and still nothing', { kind: 'missed', days: 3 }],
    ['missed the deadline for the banner', { kind: 'missed' }],
    ['has not delivered, the due date was Monday', { kind: 'missed' }],
  ])('"%s": a delay', (text, reading) => {
    expect(readNote(text)).toEqual(reading);
  });

  it.each([
    ['Missed the Friday demo, said the VPN was down', 'connectivity'],
    ['her kid was sick all week', 'illness'],
    ['Says it is almost done, just needs final touches', 'almost-done'],
    ['Sorry, I need more time', 'other'],
    ['asked for an extension until Monday', 'other'],
  ])('"%s": an excuse (%s)', (text, category) => {
    expect(readNote(text)).toEqual({ kind: 'excuse', category });
  });

  it.each([
    'Great call today, very clear about the scope of phase two',
    'Prefers Slack to email',
    'Rate goes up in January',
  ])('"%s": a plain note', (text) => {
    expect(readNote(text)).toBeNull();
  });

  it('takes words about the brief as an excuse only with an excuse in them', () => {
    expect(readNote("couldn't finish because the brief was unclear")).toEqual({
      kind: 'excuse',
      category: 'unclear-requirements',
    });
  });
});

describe('a due date in words', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2025, 5, 12, 15);
  it.each([
    [Date.UTC(2025, 5, 14, 9), 'due in 2 days'],
    [Date.UTC(2025, 5, 13, 23), 'due tomorrow'],
    [Date.UTC(2025, 5, 12, 0), 'due today'],
    [Date.UTC(2025, 5, 11, 23), '1 day overdue'],
    [now - 4 * DAY, '4 days overdue'],
  ])('%s reads "%s"', (dueAt, words) => {
    expect(dueWords(dueAt, now)).toBe(words);
  });
});
