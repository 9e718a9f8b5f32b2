import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EngagementActions, EngagementList } from './EngagementList';

const refuse = (message: string) => () => Promise.reject(new Error(message));
const actions = (over: Partial<EngagementActions> = {}): EngagementActions => ({
  onCreate: vi.fn(async () => {}),
  onSetStatus: vi.fn(async () => {}),
  onAddMilestone: vi.fn(async () => {}),
  onDeliver: vi.fn(async () => {}),
  onAccept: vi.fn(async () => {}),
  onPay: vi.fn(async () => {}),
  onRenegotiate: vi.fn(async () => {}),
  ...over,
});

afterEach(cleanup);

describe('the new engagement form', () => {
  const fill = () => {
    const form = screen.getByRole('form', { name: 'New engagement' });
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Shop rebuild' } });
    fireEvent.input(screen.getByLabelText('Budget'), { target: { value: '900' } });
    fireEvent.input(screen.getByLabelText('Currency'), { target: { value: 'US' } });
    fireEvent.submit(form);
  };

  it('keeps what the user typed when the engagement is refused, and says why', async () => {
    render(
      <EngagementList
        engagements={[]}
        milestones={[]}
        {...actions({ onCreate: refuse('currency: a currency is a three-letter code such as USD') })}
      />,
    );
    fill();
    await screen.findByText(/three-letter code/);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Shop rebuild');
    expect((screen.getByLabelText('Budget') as HTMLInputElement).value).toBe('900');
    expect((screen.getByLabelText('Currency') as HTMLInputElement).value).toBe('US');
  });

  it('clears itself once the engagement is saved', async () => {
    const onCreate = vi.fn(async () => {});
    render(<EngagementList engagements={[]} milestones={[]} {...actions({ onCreate })} />);
    fill();
    await waitFor(() => expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(''));
    expect(onCreate).toHaveBeenCalledWith({ title: 'Shop rebuild', budget: 900, currency: 'US' });
  });
});
