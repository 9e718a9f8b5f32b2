import type { ComponentChildren } from 'preact';
import { TrackPrompt } from '../../components/TrackPrompt';
import type { SeenProfile } from '../../model/page';
import { type ContractorView, loadViewByKey, trackProfile } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { useLive } from './live';
import { ReadOnlyNotice } from './read-only';

/**
 * The contractor behind a profile, kept live: while loading, on failure, and for someone not tracked yet
 * (offered "Track"; a page attached by hand is tracked from the popup, which asks for its site), or else
 * what `children` makes of their view.
 */
export function Tracked({
  profile,
  children,
}: {
  profile: SeenProfile;
  children: (view: ContractorView) => ComponentChildren;
}) {
  const view = useLive(() => loadViewByKey(getDb(), profile.key), [profile.key]);
  if (view.status === 'loading') return <p class="muted">Loading…</p>;
  if (view.status === 'failed') return <p class="error">Could not read your records: {view.error}</p>;
  if (view.value) {
    return (
      <>
        <ReadOnlyNotice />
        {children(view.value)}
      </>
    );
  }
  if (profile.platform === 'web') {
    return (
      <p class="muted">
        This page is not tracked. To attach it to a contractor, use Track this page in the popup.
      </p>
    );
  }
  return (
    <TrackPrompt name={profile.name} onTrack={async () => void (await trackProfile(getDb(), profile))} />
  );
}
