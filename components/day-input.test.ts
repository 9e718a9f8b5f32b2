import { describe, expect, it } from 'vitest';
import { dayInputToDueDate, dayInputToTimestamp, dayInputValue } from './day-input';

const now = new Date(2026, 10, 27, 15, 30).getTime(); // 27 Nov 2026, 15:30 local

describe('date inputs', () => {
  it('shows a moment as its local day', () => {
    expect(dayInputValue(now)).toBe('2026-11-27');
  });
  it('keeps the current time for today, and noon for an earlier day', () => {
    expect(dayInputToTimestamp('2026-11-27', now)).toBe(now);
    expect(dayInputToTimestamp('2026-11-20', now)).toBe(new Date(2026, 10, 20, 12).getTime());
  });
  it('never returns a moment after now, and refuses what is not a day', () => {
    expect(dayInputToTimestamp('2027-01-01', now)).toBe(now);
    expect(dayInputToTimestamp('', now)).toBeNull();
    expect(dayInputToTimestamp('27/11/2026', now)).toBeNull();
  });
});

describe('due dates', () => {
  it('may be in the future, at noon of the chosen day', () => {
    expect(dayInputToDueDate('2027-02-01')).toBe(new Date(2027, 1, 1, 12).getTime());
    expect(dayInputToDueDate('soon')).toBeNull();
  });
});
