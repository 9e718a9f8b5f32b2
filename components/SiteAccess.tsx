/** Whether the overlay may appear on a site the user attached a page from. */
export type SiteAccessState = 'unknown' | 'granted' | 'not-granted' | 'asking' | 'refused';

type Props = { host: string; state: SiteAccessState; onAllow: () => void };

/** Says whether the overlay will show on the page's site, and offers to allow it (one site only). */
export function SiteAccess({ host, state, onAllow }: Props) {
  if (state === 'unknown') return null;
  return (
    <div class="stack card" data-testid="site-access" data-state={state}>
      {state === 'granted' ? (
        <p class="muted">The overlay shows on {host}: reload the page to see it here.</p>
      ) : state === 'asking' ? (
        <p class="muted">Waiting for your answer: may Track Record show its overlay on {host}?</p>
      ) : (
        <>
          <p class="muted">
            {state === 'refused' ? 'Not allowed. ' : ''}Track Record does not run on {host}; open this popup
            on the page to see your notes.
          </p>
          <div class="row">
            <button type="button" onClick={onAllow}>
              Show the overlay on {host}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
