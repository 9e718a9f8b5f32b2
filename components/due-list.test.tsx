import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DueList } from './DueList';

afterEach(cleanup);
const NOW = Date.UTC(2026, 0, 12, 12);
const DAY = 86_400_000;
const items = [
  { id: 'a', title: 'Logo v2', engagement: 'Brand', contractor: 'Dana', dueAt: NOW - 2 * DAY },
  { id: 'b', title: 'Website', engagement: 'Brand', contractor: 'Dana', dueAt: NOW },
  { id: 'c', title: 'Copy', engagement: 'Blog', contractor: 'Sam', dueAt: NOW + 3 * DAY },
];

function setUp() {
  const onAnswer = vi.fn(async () => {});
  const onExcuse = vi.fn(async () => {});
  render(<DueList items={items} onAnswer={onAnswer} onExcuse={onExcuse} now={() => NOW} />);
  return { onAnswer, onExcuse };
}
const row = (id: string) =>
  screen.getAllByTestId('due').find((r) => r.dataset.milestone === id) as HTMLElement;
const buttonsOf = (id: string) => [...row(id).querySelectorAll('button')].map((b) => b.textContent);

describe('the deadlines list', () => {
  it('offers what a reminder does: delivered (on time on the due day), not yet once due, an excuse', () => {
    setUp();
    expect(buttonsOf('a')).toEqual(['Delivered today', 'Not yet', 'Excuse…']);
    expect(buttonsOf('b')).toEqual(['Delivered on time', 'Not yet', 'Excuse…']);
    expect(buttonsOf('c')).toEqual(['Delivered today', 'Excuse…']);
    expect(row('a').textContent).toContain('2 days overdue');
  });

  it('records the answer in one click, and an excuse pasted and entered with its category suggested', async () => {
    const { onAnswer, onExcuse } = setUp();
    fireEvent.click(row('a').querySelector('button') as HTMLElement);
    await waitFor(() => expect(onAnswer).toHaveBeenCalledWith('a', 'delivered'));
    fireEvent.click([...row('b').querySelectorAll('button')][2] as HTMLElement);
    const box = screen.getByLabelText('What did they say?');
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'The power was out' } });
    screen.getByText('as internet / power / equipment (suggested from the words)');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(onExcuse).toHaveBeenCalledWith('b', 'The power was out', 'connectivity'));
  });
});
