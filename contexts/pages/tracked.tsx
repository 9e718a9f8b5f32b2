import type { ComponentChildren } from 'preact';
import { Loaded } from '../../components/Loaded';
import { TrackPrompt } from '../../components/TrackPrompt';
import type { SeenProfile } from '../../model/page';
import { type ContractorView, loadViewByKey, trackProfile } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { useLive } from './live';
import { ReadOnlyNotice } from './read-only';

/**
 * The contractor behind a profile, kept live: while loading (`placeholder`, if given: what is already
 * known of them), on failure, and for someone not tracked yet (offered "Track"; a page attached by hand
 * is tracked from the popup, which asks for its site), or else what `children` makes of their view.
 */
export function Tracked({
  profile,
  placeholder,
  children,
}: {
  profile: SeenProfile;
  placeholder?: ComponentChildren;
  children: (view: ContractorView) => ComponentChildren;
}) {
  const live = useLive(() => loadViewByKey(getDb(), profile.key), [profile.key]);
  if (live.status === 'loading' && placeholder) return <>{placeholder}</>;
  return (
    <Loaded live={live}>
      {(view) =>
        view ? (
          <>
            <ReadOnlyNotice />
            {children(view)}
          </>
        ) : profile.platform === 'web' ? (
          <p class="muted">
            This page is not tracked. To attach it to a contractor, use Track this page in the popup.
          </p>
        ) : (
          <TrackPrompt
            name={profile.name}
            onTrack={async () => void (await trackProfile(getDb(), profile))}
          />
        )
      }
    </Loaded>
  );
}
