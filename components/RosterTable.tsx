import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { dayOf } from '../scoring/dates';
import { formatDay, formatDayNear } from '../scoring/format';
import { formatAmounts, type RosterQuery, type ShownRow, type SortKey } from '../scoring/roster-query';
import { VerdictChip } from './VerdictChip';

const ROW_HEIGHT = 44;
/** Rows drawn beyond the visible ones, above and below, so a fast scroll never shows a gap. */
const OVERSCAN = 8;

const COLUMNS: { key: SortKey; label: string; width: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Contractor', width: '15%' },
  { key: 'platforms', label: 'Platforms', width: '8%' },
  { key: 'skills', label: 'Skill areas', width: '11%' },
  { key: 'verdict', label: 'Verdict', width: '14%' },
  { key: 'score', label: 'Score', width: '8%', numeric: true },
  { key: 'strikes', label: 'Strikes', width: '7%', numeric: true },
  { key: 'due', label: 'Open milestones', width: '11%' },
  { key: 'budget', label: 'Open budget', width: '9%', numeric: true },
  { key: 'paid', label: 'Paid', width: '8%', numeric: true },
  { key: 'activity', label: 'Last activity', width: '9%' },
];

type Props = {
  rows: ShownRow[];
  /** A marketplace's name for the UI (sites/index.ts `siteName`). */
  siteName: (platform: string) => string;
  query: RosterQuery;
  strikeLimit: number;
  now: number;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<string>;
  onSelect: (id: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
};

/**
 * The roster as a table that draws only the rows in view (and a few around them): a roster of ten thousand
 * scrolls with the same few dozen rows in the page. Every column sorts; the sort is the caller's.
 */
export function RosterTable({
  rows,
  siteName,
  query,
  strikeLimit,
  now,
  onSort,
  selected,
  onSelect,
  onSelectAll,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // A new search or sort starts at the top.
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setTop(0);
  }, [query]);

  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const today = dayOf(now);

  return (
    <div
      class="roster-scroll"
      ref={scroller}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      tabIndex={-1}
    >
      <table class="roster" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col style={{ width: '36px' }} />
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={allSelected ? 'Select none' : `Select all ${rows.length} shown`}
                checked={allSelected}
                onChange={(e) => onSelectAll(e.currentTarget.checked)}
              />
            </th>
            {COLUMNS.map((c) => {
              const active = query.sort === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  class={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (query.desc ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" class="sort" onClick={() => onSort(c.key)}>
                    {c.label}
                    <span aria-hidden="true" class="sort-mark">
                      {active ? (query.desc ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr class="spacer" style={{ height: `${first * ROW_HEIGHT}px` }} />}
          {visible.map((row, i) => {
            const a = row.assessment;
            const overdue = row.nextDueAt !== undefined && dayOf(row.nextDueAt) < today;
            return (
              <tr
                key={row.id}
                data-testid="roster-row"
                aria-rowindex={first + i + 2}
                class={selected.has(row.id) ? 'selected' : undefined}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.name}`}
                    checked={selected.has(row.id)}
                    onChange={(e) => onSelect(row.id, e.currentTarget.checked)}
                  />
                </td>
                <th scope="row" class="clip">
                  <a class="name-link" href={`#contractor=${row.id}`} title={row.name}>
                    {row.name}
                  </a>
                </th>
                <td class="clip" title={row.platforms.map(siteName).join(', ')}>
                  {row.platforms.map(siteName).join(', ') || <Empty />}
                </td>
                <td class="clip" title={row.skills.join(', ')}>
                  {row.skills.join(', ') || <Empty />}
                </td>
                <td>
                  <VerdictChip verdict={a.verdict} />
                </td>
                <td class="num clip">
                  {a.score === null ? (
                    <Empty />
                  ) : (
                    <span title={`${a.confidence} confidence`}>
                      {a.score} <span class="muted small">{a.confidence}</span>
                    </span>
                  )}
                </td>
                <td class={`num${a.strikes > 0 ? ' strike' : ''}`}>
                  {a.strikes} / {strikeLimit}
                </td>
                <td class="clip">
                  {row.openMilestones === 0 ? (
                    <Empty />
                  ) : (
                    <span class={overdue ? 'strike' : undefined}>
                      {row.openMilestones} · {overdue ? 'late since ' : 'next '}
                      {formatDayNear(row.nextDueAt as number, now)}
                    </span>
                  )}
                </td>
                <td class="num clip">{formatAmounts(row.openBudget) || <Empty />}</td>
                <td class="num clip">{formatAmounts(row.paid) || <Empty />}</td>
                <td class="clip">{row.lastActivityAt ? formatDay(row.lastActivityAt) : <Empty />}</td>
              </tr>
            );
          })}
          {last < rows.length && (
            <tr class="spacer" style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }} />
          )}
        </tbody>
      </table>
    </div>
  );
}

function Empty() {
  return <span class="muted">—</span>;
}
