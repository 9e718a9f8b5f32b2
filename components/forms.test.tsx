import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../model/ids';
import type { Access } from '../model/records';
import { defaultSettings } from '../model/settings';
import { AccessList } from './AccessList';
import { ContractorAbout } from './ContractorAbout';
import { NoteForm } from './NoteForm';
import { PolicyPicker } from './PolicyPicker';
import { RecordForm } from './RecordForm';

// Each form: what it sends when the input is good, what it says when it is not, and that a refused save
// keeps what the user typed.

afterEach(cleanup);
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const fieldValue = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;
const refused = (message: string) => vi.fn(() => Promise.reject(new Error(message)));

describe('the note form', () => {
  it('asks for text before saving anything', async () => {
    const onSave = vi.fn(async () => {});
    render(<NoteForm onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('Write something first.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the trimmed text and clears the box', async () => {
    const onSave = vi.fn(async () => {});
    render(<NoteForm onSave={onSave} />);
    type('New note', '  Asked for the repo access  ');
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(fieldValue('New note')).toBe(''));
    expect(onSave).toHaveBeenCalledWith('Asked for the repo access');
  });

  it('keeps the text when saving is refused', async () => {
    render(<NoteForm onSave={refused('the database is read-only')} />);
    type('New note', 'Kick-off call went well');
    fireEvent.keyDown(screen.getByLabelText('New note'), { key: 'Enter', ctrlKey: true });
    await screen.findByText('Not saved: the database is read-only');
    expect(fieldValue('New note')).toBe('Kick-off call went well');
  });
});

describe('the record form', () => {
  const now = () => Date.UTC(2026, 10, 27, 12);

  it('records a late delivery with its days, dated today', async () => {
    const onRecord = vi.fn(async () => undefined);
    render(<RecordForm onRecord={onRecord} now={now} />);
    fireEvent.change(screen.getByLabelText('What happened'), { target: { value: 'late' } });
    type('Days late', '3');
    fireEvent.submit(screen.getByRole('form', { name: 'Record an event' }));
    await screen.findByText('Recorded.');
    expect(onRecord).toHaveBeenCalledWith({ kind: 'late', at: now(), daysLate: 3, text: undefined });
  });

  it('refuses days late that are not a whole number, without recording', async () => {
    const onRecord = vi.fn(async () => undefined);
    render(<RecordForm onRecord={onRecord} now={now} />);
    fireEvent.change(screen.getByLabelText('What happened'), { target: { value: 'missed' } });
    type('Days late', '1.5');
    fireEvent.submit(screen.getByRole('form', { name: 'Record an event' }));
    await screen.findByText('Days late is a whole number, 1 or more.');
    expect(onRecord).not.toHaveBeenCalled();
  });

  it('suggests an excuse category from its text, and shows the repeat notice the page returns', async () => {
    const onRecord = vi.fn(async () => "second 'internet / power / equipment' excuse in 60 days");
    render(<RecordForm onRecord={onRecord} now={now} />);
    fireEvent.change(screen.getByLabelText('What happened'), { target: { value: 'excuse' } });
    type(/^Details/, 'The wifi died again');
    expect(fieldValue(/^Category/)).toBe('connectivity');
    fireEvent.submit(screen.getByRole('form', { name: 'Record an event' }));
    await screen.findByText("second 'internet / power / equipment' excuse in 60 days");
    expect(onRecord).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'excuse', text: 'The wifi died again', category: 'connectivity' }),
    );
    expect(fieldValue(/^Details/)).toBe('');
  });

  it('keeps the text when recording is refused', async () => {
    render(<RecordForm onRecord={refused('No contractor 01J…')} now={now} />);
    type(/^Details/, 'Call went well');
    fireEvent.submit(screen.getByRole('form', { name: 'Record an event' }));
    await screen.findByText('Not recorded: No contractor 01J…');
    expect(fieldValue(/^Details/)).toBe('Call went well');
  });
});

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
