import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CancelPlan } from '../model/cancel-plan';
import { NEVER_REHIRE } from '../model/cool-off';
import { CancelFlow } from './CancelFlow';

afterEach(cleanup);
const DAY = Date.UTC(2026, 0, 12);
const PLAN: CancelPlan = {
  name: 'Dana',
  coolOffDays: 180,
  strikes: [{ headline: 'Delivered late by 3 days', day: DAY }],
  engagements: [
    {
      title: 'Shop',
      closing: ['Checkout (800 USD, due 10 Feb 2026)'],
      unaccepted: [{ title: 'Home page', deliveredAt: DAY, amount: '500 USD', paid: false }],
    },
  ],
  accesses: [
    { id: '01JH0000000000000000000001', what: 'WordPress admin', level: 'admin' },
    { id: '01JH0000000000000000000002', what: 'Figma', level: 'edit', revokedAt: DAY },
  ],
  areas: [
    {
      skill: 'WordPress',
      people: [
        {
          name: 'Sam',
          verdict: 'trusted',
          score: 88,
          activeEngagements: 0,
          url: 'https://www.upwork.com/freelancers/~02',
          site: 'Upwork',
        },
      ],
      search: [],
    },
    {
      skill: 'Logo design',
      people: [],
      search: [
        { name: 'Upwork', url: 'https://www.upwork.com/nx/search/talent/?q=Logo%20design' },
        { name: 'Fiverr', url: 'https://www.fiverr.com/search/gigs?query=Logo%20design' },
      ],
    },
  ],
};

function setUp(plan = PLAN) {
  const onCancel = vi.fn(async () => {});
  const onRevoke = vi.fn(async () => {});
  const onReinstate = vi.fn(async () => {});
  render(<CancelFlow plan={plan} onCancel={onCancel} onRevoke={onRevoke} onReinstate={onReinstate} />);
  return { onCancel, onRevoke, onReinstate };
}

describe('the cancel flow', () => {
  it('lists the strikes, what ends, and flags delivered work not accepted', () => {
    setUp();
    screen.getByText('Delivered late by 3 days', { exact: false });
    screen.getByText(/closes with nothing more to deliver or pay: Checkout/);
    screen.getByText(/"Home page" \(500 USD\) was delivered on 12 Jan 2026 and not accepted: don't pay/);
  });

  it('names who is next, best first, with their profile; or where to look when nobody is', () => {
    setUp();
    const sam = screen.getByRole('link', { name: 'Sam' });
    expect(sam.getAttribute('href')).toBe('https://www.upwork.com/freelancers/~02');
    screen.getByText(/free now/);
    screen.getByText(/No backup for Logo design/);
    expect(screen.getByRole('link', { name: 'Fiverr' }).getAttribute('href')).toContain('Logo%20design');
  });

  it('cancels with the cool-off chosen (the default first) and the reason', async () => {
    const { onCancel } = setUp();
    expect((screen.getByLabelText('180 days (your default)') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Never rehire'));
    fireEvent.input(screen.getByLabelText('Why (optional)'), { target: { value: ' Late twice ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel and move on' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalledWith({ coolOff: 'never', reason: 'Late twice' }));
  });

  it('revokes each access in one click, and shows those revoked ticked', async () => {
    const { onRevoke } = setUp();
    const rows = screen.getAllByTestId('access');
    expect(rows.map((r) => r.getAttribute('data-revoked'))).toEqual(['false', 'true']);
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(onRevoke).toHaveBeenCalledWith('01JH0000000000000000000001'));
  });

  it('once cancelled, says until when (or never), offers to take them back, and asks nothing more', () => {
    const { onReinstate } = setUp({ ...PLAN, droppedUntil: NEVER_REHIRE });
    screen.getByText('You will not rehire them.', { exact: false });
    expect(screen.queryByRole('button', { name: 'Cancel and move on' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Take them back' }));
    expect(onReinstate).toHaveBeenCalled();
  });
});
