import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../model/ids';
import type { Access } from '../model/records';
import { defaultSettings } from '../model/settings';
import { AccessList } from './AccessList';
import { ContractorAbout } from './ContractorAbout';
import { PolicyPicker } from './PolicyPicker';

// Each form: what it sends when the input is good, what it says when it is not, and that a refused save
// keeps what the user typed.

afterEach(cleanup);
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const fieldValue = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;
const refused = (message: string) => vi.fn(() => Promise.reject(new Error(message)));

describe('the access list', () => {
  const access: Access = {
    id: newId(0),
    updatedAt: 0,
    contractorId: newId(0),
    what: 'WordPress admin',
    level: 'admin',
    grantedAt: Date.UTC(2026, 0, 5),
  };

  it('lists active accesses with the day given, and revokes one in a click', async () => {
    const onRevoke = vi.fn(async () => {});
    render(<AccessList accesses={[access]} onGrant={vi.fn(async () => {})} onRevoke={onRevoke} />);
    expect(screen.getByText('(admin, since 5 Jan 2026)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(onRevoke).toHaveBeenCalledWith(access.id));
  });

  it('asks what the access is to, and keeps the words when the grant is refused', async () => {
    render(<AccessList accesses={[]} onGrant={refused('read-only')} onRevoke={vi.fn(async () => {})} />);
    fireEvent.submit(screen.getByRole('form', { name: 'Record an access' }));
    await screen.findByText(/Say what the access is to/);
    fireEvent.input(screen.getByPlaceholderText(/Access to/), { target: { value: 'Drive folder' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Record an access' }));
    await screen.findByText('read-only');
    expect((screen.getByPlaceholderText(/Access to/) as HTMLInputElement).value).toBe('Drive folder');
  });
});

describe('about a contractor', () => {
  const contractor = { name: 'Dana', skills: ['WordPress'], tags: [], drives: undefined };

  it('saves skill areas and tags as lists, without duplicates', async () => {
    const onSave = vi.fn(async () => {});
    render(<ContractorAbout contractor={contractor} onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    type(/^Skill areas/, 'WordPress, SEO , SEO,');
    type(/^Tags/, 'fast');
    fireEvent.submit(screen.getByRole('form', { name: 'About this contractor' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(onSave).toHaveBeenCalledWith({
      name: 'Dana',
      skills: ['WordPress', 'SEO'],
      tags: ['fast'],
      drives: undefined,
    });
  });

  it('stays in edit mode with the reason when saving is refused', async () => {
    render(
      <ContractorAbout contractor={contractor} onSave={refused('skills.0: a skill area cannot be empty')} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    type(/^Name/, 'Dana D.');
    fireEvent.submit(screen.getByRole('form', { name: 'About this contractor' }));
    await screen.findByText(/a skill area cannot be empty/);
    expect(fieldValue(/^Name/)).toBe('Dana D.');
  });
});

describe('the policy picker', () => {
  it('refuses a strike limit below 1 and applies whole numbers', async () => {
    const onNumbers = vi.fn(async () => {});
    render(<PolicyPicker settings={defaultSettings} onPolicy={vi.fn()} onNumbers={onNumbers} />);
    type(/^Strikes before/, '0');
    fireEvent.submit(screen.getByRole('form', { name: 'Your own numbers' }));
    await screen.findByText(/a whole number, at least 1/);
    expect(onNumbers).not.toHaveBeenCalled();
    type(/^Strikes before/, '3');
    fireEvent.submit(screen.getByRole('form', { name: 'Your own numbers' }));
    await waitFor(() => expect(onNumbers).toHaveBeenCalledWith(expect.objectContaining({ strikeLimit: 3 })));
  });
});
