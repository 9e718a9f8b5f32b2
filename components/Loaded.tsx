import type { ComponentChildren } from 'preact';

/** A value read from the database that may still be loading or may have failed to load. */
export type Live<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: string };

/** What `children` makes of a loaded value; until then "Loading…", and on failure what went wrong. */
export function Loaded<T>({ live, children }: { live: Live<T>; children: (value: T) => ComponentChildren }) {
  if (live.status === 'loading') return <p class="muted">Loading…</p>;
  if (live.status === 'failed')
    return (
      <p class="error" role="alert">
        Could not read your records: {live.error}
      </p>
    );
  return <>{children(live.value)}</>;
}
