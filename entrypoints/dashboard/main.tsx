import '../../components/theme.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BackupPanel } from '../../components/BackupPanel';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { FindingList } from '../../components/FindingList';
import { Loaded } from '../../components/Loaded';
import { PolicyPicker } from '../../components/PolicyPicker';
import { RosterTable } from '../../components/RosterTable';
import { VERDICT_ORDER } from '../../components/verdict-labels';
import { type Backup, exportBackup, importBackup, parseBackup } from '../../storage/backup';
import { contractorIdFromLink, loadContractorView } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { seedDemo } from '../../storage/demo';
import { loadRoster, loadRosterFindings } from '../../storage/roster';
import { readSettings, updateSettings } from '../../storage/settings';
import { ContractorDetail } from '../shared/contractor-detail';
import { useLive } from '../shared/live';
import { ReadOnlyNotice } from '../shared/read-only';
import { announceRecordChanges } from '../shared/record-changes';

async function loadDashboard() {
  const db = getDb();
  const [roster, findings, settings] = await Promise.all([
    loadRoster(db),
    loadRosterFindings(db),
    readSettings(db),
  ]);
  roster.sort(
    (a, b) =>
      VERDICT_ORDER.indexOf(a.assessment.verdict) - VERDICT_ORDER.indexOf(b.assessment.verdict) ||
      a.name.localeCompare(b.name),
  );
  return { roster, findings, settings };
}

function Roster() {
  const data = useLive(loadDashboard, []);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [beforeImport, setBeforeImport] = useState<Backup | null>(null);
  const attempt = (work: () => Promise<unknown>, done?: string) => {
    setError(null);
    setNotice(null);
    work().then(
      () => done && setNotice(done),
      (e: unknown) => setError(messageOf(e)),
    );
  };

  if (data.status !== 'ready') return <Loaded live={data}>{() => null}</Loaded>;
  const { roster, findings, settings } = data.value;
  return (
    <div class="stack dashboard">
      <h1>Track Record — roster</h1>
      <ReadOnlyNotice />
      <ErrorText message={error} />
      {notice && <p role="status">{notice}</p>}
      {roster.length === 0 ? (
        <div class="card stack">
          <p>
            You are not tracking anyone yet. Open a freelancer's profile on a supported marketplace and press{' '}
            <strong>Track</strong>.
          </p>
          <div class="row">
            <button
              type="button"
              onClick={() => attempt(() => seedDemo(getDb(), Date.now()), 'Demo data loaded.')}
            >
              Load demo data
            </button>
          </div>
        </div>
      ) : (
        <>
          <section class="stack">
            <h2>What the rules say</h2>
            <FindingList findings={findings} />
          </section>
          <section class="stack">
            <h2>Contractors</h2>
            <RosterTable rows={roster} />
          </section>
        </>
      )}
      <section class="stack">
        <h2>Backup</h2>
        <BackupPanel
          current={roster.length}
          onExport={async () => {
            const backup = await exportBackup(getDb());
            const day = new Date(backup.exportedAt).toISOString().slice(0, 10);
            return { name: `track-record-${day}.json`, text: JSON.stringify(backup, null, 1) };
          }}
          onCheck={async (text) => parseBackup(text).contractors.length}
          onImport={async (text) => {
            const backup = parseBackup(text);
            const previous = await exportBackup(getDb());
            await importBackup(getDb(), backup);
            setBeforeImport(previous);
          }}
          onUndo={
            beforeImport &&
            (async () => {
              await importBackup(getDb(), beforeImport);
              setBeforeImport(null);
            })
          }
        />
      </section>
      <section class="stack">
        <h2>Settings</h2>
        <PolicyPicker
          settings={settings}
          onPolicy={(policy) => attempt(() => updateSettings(getDb(), { policy }))}
          onNumbers={async (numbers) => void (await updateSettings(getDb(), numbers))}
        />
      </section>
    </div>
  );
}

/**
 * `#contractor=<id>` opens one contractor's detail; anything else is the roster. Links made before ids
 * became global carry the contractor's old number, which still opens them.
 */
const contractorInHash = () =>
  decodeURIComponent(/^#contractor=([^&]+)$/.exec(location.hash)?.[1] ?? '') || null;

function Detail({ id }: { id: string }) {
  const live = useLive(async () => {
    const contractorId = await contractorIdFromLink(getDb(), id);
    return contractorId === undefined ? undefined : loadContractorView(getDb(), contractorId);
  }, [id]);
  return (
    <div class="stack dashboard">
      <a href="#roster">← Roster</a>
      <ReadOnlyNotice />
      <Loaded live={live}>
        {(view) =>
          view ? <ContractorDetail view={view} /> : <p class="muted">No such contractor (any more).</p>
        }
      </Loaded>
    </div>
  );
}

function Dashboard() {
  const [id, setId] = useState(contractorInHash);
  useEffect(() => {
    const follow = () => setId(contractorInHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return id === null ? <Roster /> : <Detail id={id} />;
}

announceRecordChanges();
render(<Dashboard />, document.getElementById('app') as HTMLElement);
