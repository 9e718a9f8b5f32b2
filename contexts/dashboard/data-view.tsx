import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type CheckedFile, ImportReview } from '../../components/BackupPanel';
import { CsvMapper } from '../../components/CsvMapper';
import { ErrorText } from '../../components/ErrorText';
import { PolicyPicker } from '../../components/PolicyPicker';
import { ProgressBar } from '../../components/ProgressBar';
import { profileKey } from '../../model/profile-key';
import { formatBytes, formatCount, messageOf } from '../../scoring/format';
import { adapterFor } from '../../sites/index';
import {
  backupText,
  checkBackupSize,
  exportBackup,
  MAX_BACKUP_BYTES,
  readBackup,
  recordCount,
} from '../../storage/backup';
import {
  CSV_FIELDS,
  type CsvMapping,
  contractorsCsv,
  csvContractors,
  eventsCsv,
  guessMapping,
  importCsvContractors,
  type ProfileOf,
  parseCsv,
} from '../../storage/csv';
import { getDb } from '../../storage/db';
import {
  deleteEverything,
  importBackup,
  mergeBackup,
  type PreparedImport,
  prepareImport,
  previewMerge,
} from '../../storage/restore';
import { readSettings, updateSettings } from '../../storage/settings';
import { readText } from '../../storage/text-file';
import { readStorageUse, type StorageUse } from '../browser/storage-use';
import { useLive } from '../pages/live';
import { markBackedUp } from './reminder';
import { offerUndo } from './undo';

type Step = { phase: string; done: number; total: number };

const today = () => new Date().toISOString().slice(0, 10);

/** Saves a file to the user's downloads. */
function download(name: string, blob: Blob) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Today's records as a backup file, downloaded; returns the file, which an undo can read back. */
async function downloadBackup(name: string): Promise<Blob> {
  const blob = new Blob([backupText(await exportBackup(getDb()))], { type: 'application/json' });
  download(name, blob);
  markBackedUp();
  return blob;
}

/** Reads a file's text, reporting how much of it has been read; bytes that are not text refuse it. */
const readFile = (file: File, onStep: (s: Step) => void): Promise<string> =>
  readText(file.stream(), (done) => onStep({ phase: `Reading ${file.name}`, done, total: file.size }));

/** An undo that puts back the records a file holds (a backup taken just before a change). */
const restoreFrom = (blob: Blob, onStep?: (s: Step) => void) => async () => {
  const backup = await readBackup(await blob.text(), (phase, done, total) =>
    onStep?.({ phase, done, total }),
  );
  await importBackup(getDb(), backup, (phase, done, total) => onStep?.({ phase, done, total }));
};

/** A web address as the profile the site adapters see there (a page of any other site: `web`). */
const profileOf: ProfileOf = (text) => {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (!url.hostname.includes('.')) return null;
  const adapter = adapterFor(url);
  const id = adapter?.profileId(url);
  if (adapter && id)
    return { platform: adapter.platform, id, key: profileKey(adapter.platform, id), url: url.href };
  const page = `${url.host}${url.pathname}`.replace(/\/$/, '');
  return { platform: 'web', id: page, key: profileKey('web', page), url: url.href };
};

const FIELD_LABELS: Record<(typeof CSV_FIELDS)[number], string> = {
  name: 'Name',
  skills: 'Skill areas',
  tags: 'Tags',
  profiles: 'Profile addresses',
  notes: 'Note',
};

/** The storage used and whether it is protected from automatic clearing; read again after each action, done or refused. */
function StorageSection({ after }: { after: unknown }) {
  const [use, setUse] = useState<StorageUse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const unlimitedStorage = () => browser.permissions.contains({ permissions: ['unlimitedStorage'] });
    readStorageUse({ storage: navigator.storage, unlimitedStorage }).then(setUse, (e: unknown) =>
      setError(`Could not read the storage used: ${messageOf(e)}`),
    );
  }, [after]);
  return (
    <section class="stack block" aria-labelledby="storage">
      <h2 id="storage">Storage</h2>
      <ErrorText message={error} />
      {use && (
        <>
          <p data-testid="storage-used">{formatBytes(use.used)} used by Track Record in this browser.</p>
          {use.protected ? (
            <p data-testid="storage-protection">
              <strong>Protected from automatic clearing:</strong> the browser will not delete your records to
              free disk space.
            </p>
          ) : (
            <p data-testid="storage-protection">
              <strong>Not protected from automatic clearing:</strong> the browser may delete your records when
              the disk runs low. Export a backup regularly, and keep it somewhere safe.
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** Backups, spreadsheets, the strike policy, and deleting everything. */
export function DataPage({ contractors }: { contractors: number }) {
  const settings = useLive(() => readSettings(getDb()), []);
  const [step, setStep] = useState<Step | null>(null);
  const [checked, setChecked] = useState<(CheckedFile & { prepared: PreparedImport }) | null>(null);
  const [csv, setCsv] = useState<{ name: string; table: string[][] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmText, setConfirmText] = useState<string | null>(null);
  const progress = (phase: string, done: number, total: number) => setStep({ phase, done, total });

  const run = async (work: () => Promise<string | undefined>) => {
    setError(null);
    setNotice(null);
    try {
      const message = await work();
      if (message) setNotice(message);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setStep(null);
    }
  };

  const chooseBackup = (file: File | undefined) =>
    file &&
    run(async () => {
      setChecked(null);
      try {
        checkBackupSize(file.name, file.size);
        const text = await readFile(file, setStep);
        const backup = await readBackup(text, progress);
        setStep({ phase: 'Comparing with your records', done: 0, total: 0 });
        const merge = await previewMerge(getDb(), backup);
        setStep({ phase: 'Working out verdicts and roster rows', done: 0, total: 0 });
        await new Promise((r) => setTimeout(r));
        const prepared = prepareImport(backup);
        setChecked({
          name: file.name,
          contractors: backup.contractors.length,
          rows: recordCount(backup),
          merge,
          prepared,
        });
        return undefined;
      } catch (e) {
        throw new Error(`${file.name} cannot be imported: ${messageOf(e)}`);
      }
    });

  /** Downloads one table as a spreadsheet file, named by what it holds and today's date. */
  const exportCsv = (what: string, make: (db: ReturnType<typeof getDb>) => Promise<string>) =>
    run(async () => {
      const text = await make(getDb());
      download(`track-record-${what}-${today()}.csv`, new Blob([text], { type: 'text/csv' }));
    });

  const merge = () =>
    checked &&
    run(async () => {
      const { prepared, contractors: count } = checked;
      const { backup } = prepared;
      setChecked(null);
      setStep({ phase: 'Keeping a copy of your records for undo', done: 0, total: 0 });
      const before = new Blob([backupText(await exportBackup(getDb()))]);
      const result = await mergeBackup(getDb(), backup, progress);
      const added = result.counts.contractors.added;
      offerUndo({
        message: `Merged ${count} contractors from ${checked.name}.`,
        run: restoreFrom(before, setStep),
      });
      return `Merged ${checked.name}: ${added} contractors added, ${result.counts.contractors.changed} updated, ${result.folded.length} joined to records here.`;
    });

  const replace = () =>
    checked &&
    run(async () => {
      const { prepared, contractors: count, name } = checked;
      setChecked(null);
      setStep({ phase: 'Downloading a backup of your records first', done: 0, total: 0 });
      const before = await downloadBackup(`track-record-before-import-${today()}.json`);
      await importBackup(getDb(), prepared, progress);
      offerUndo({
        message: `Imported ${count} contractors from ${name}.`,
        run: restoreFrom(before, setStep),
      });
      return `Imported ${count} contractors. Your records from before were saved to your downloads.`;
    });

  const chooseCsv = (file: File | undefined) =>
    file &&
    run(async () => {
      try {
        checkBackupSize(file.name, file.size, 'spreadsheet');
        setCsv({ name: file.name, table: parseCsv(await readFile(file, setStep)) });
        return undefined;
      } catch (e) {
        throw new Error(`${file.name} cannot be imported: ${messageOf(e)}`);
      }
    });

  const current = settings.status === 'ready' ? settings.value : null;
  return (
    <div class="stack data-page">
      <ErrorText message={error} />
      {notice && (
        <p role="status" class="card notice">
          {notice}
        </p>
      )}
      {step && <ProgressBar {...step} />}

      <section class="stack block" aria-labelledby="backups">
        <h2 id="backups">Backups</h2>
        <p class="muted">
          A backup is one file with everything: contractors, profiles, history, engagements, accesses, metrics
          and settings. Files of up to {Math.round(MAX_BACKUP_BYTES / 1024 / 1024)} MB can be imported.
        </p>
        <div class="row">
          <button
            type="button"
            disabled={step !== null}
            onClick={() =>
              run(async () => {
                setStep({ phase: 'Writing the backup', done: 0, total: 0 });
                await downloadBackup(`track-record-${today()}.json`);
                return 'Backup saved to your downloads.';
              })
            }
          >
            Export a backup
          </button>
          <label class="button">
            Import a backup…
            <input
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              disabled={step !== null}
              onChange={(e) => {
                void chooseBackup(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
            />
          </label>
        </div>
        {checked && (
          <ImportReview
            file={checked}
            current={contractors}
            onMerge={merge}
            onReplace={replace}
            onCancel={() => setChecked(null)}
          />
        )}
      </section>

      <StorageSection after={[notice, error].join()} />

      <section class="stack block" aria-labelledby="spreadsheets">
        <h2 id="spreadsheets">Spreadsheets</h2>
        <div class="row">
          <button type="button" onClick={() => exportCsv('contractors', contractorsCsv)}>
            Export contractors (CSV)
          </button>
          <button type="button" onClick={() => exportCsv('events', eventsCsv)}>
            Export history (CSV)
          </button>
          <label class="button">
            Import contractors from CSV…
            <input
              type="file"
              accept="text/csv,.csv"
              class="visually-hidden"
              onChange={(e) => {
                void chooseCsv(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
            />
          </label>
        </div>
        {csv && (
          <CsvMapper
            name={csv.name}
            table={csv.table}
            fields={CSV_FIELDS.map((f) => ({ field: f, label: FIELD_LABELS[f], required: f === 'name' }))}
            initial={guessMapping(csv.table[0] ?? [])}
            preview={(mapping) => {
              try {
                const list = csvContractors(csv.table, mapping as CsvMapping, profileOf);
                return {
                  total: list.length,
                  lines: list
                    .slice(0, 5)
                    .map((c) => [
                      c.name,
                      c.skills.join(', '),
                      c.tags.join(', '),
                      c.profiles.map((p) => p?.key ?? '').join(' '),
                      c.note ?? '',
                    ]),
                };
              } catch (e) {
                return { error: messageOf(e) };
              }
            }}
            onImport={(mapping) =>
              run(async () => {
                const list = csvContractors(csv.table, mapping as CsvMapping, profileOf);
                const before = new Blob([backupText(await exportBackup(getDb()))]);
                const { added, updated } = await importCsvContractors(getDb(), list);
                setCsv(null);
                offerUndo({ message: `Imported ${csv.name}.`, run: restoreFrom(before) });
                return `${added} contractors added, ${updated} already tracked updated.`;
              })
            }
            onCancel={() => setCsv(null)}
          />
        )}
      </section>

      <section class="stack block" aria-labelledby="policy">
        <h2 id="policy">How strict the verdict is</h2>
        {current && (
          <PolicyPicker
            settings={current}
            onPolicy={(policy) => void run(async () => void (await updateSettings(getDb(), { policy })))}
            onNumbers={async (numbers) => void (await updateSettings(getDb(), numbers))}
          />
        )}
      </section>

      <section class="stack block danger-zone" aria-labelledby="delete">
        <h2 id="delete">Delete everything</h2>
        {confirmText === null ? (
          <div class="row">
            <span class="muted grow">
              Every contractor, their history and your settings. A backup is downloaded first.
            </span>
            <button
              type="button"
              class="danger"
              onClick={() => setConfirmText('')}
              disabled={contractors === 0}
            >
              Delete everything…
            </button>
          </div>
        ) : (
          <form
            class="card stack"
            aria-label="Confirm deleting everything"
            onSubmit={(e) => {
              e.preventDefault();
              run(async () => {
                setStep({ phase: 'Downloading a backup of your records first', done: 0, total: 0 });
                const before = await downloadBackup(`track-record-before-delete-${today()}.json`);
                await deleteEverything(getDb());
                setConfirmText(null);
                offerUndo({ message: 'Deleted everything.', run: restoreFrom(before, setStep) });
                return 'Everything was deleted. The backup downloaded just before holds it all.';
              });
            }}
          >
            <label>
              <span>
                Type <strong>delete everything</strong> to delete {formatCount(contractors)} contractors and
                all their history.
              </span>
              <input
                value={confirmText}
                onInput={(e) => setConfirmText(e.currentTarget.value)}
                autoComplete="off"
              />
            </label>
            <div class="row">
              <button
                type="submit"
                class="danger"
                disabled={confirmText.trim().toLowerCase() !== 'delete everything'}
              >
                Download a backup and delete everything
              </button>
              <button type="button" onClick={() => setConfirmText(null)}>
                Keep my records
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
