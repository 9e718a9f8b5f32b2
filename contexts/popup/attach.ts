import type { AttachChoice } from '../../components/AttachPage';
import type { SiteAccessState } from '../../components/SiteAccess';
import type { RecordId } from '../../model/ids';
import type { SeenProfile } from '../../model/page';
import { siteOriginOf } from '../../sites/web';
import { linkProfile, trackProfile } from '../../storage/contractors';
import type { TrackRecordDb } from '../../storage/db';

/**
 * Attaches a page (a `web` profile keyed by its address) to a new contractor named by the user, or to
 * someone already tracked. Returns the contractor's id.
 */
export async function attachPage(
  db: TrackRecordDb,
  page: SeenProfile,
  choice: AttachChoice,
): Promise<RecordId> {
  if (choice.kind === 'new') return trackProfile(db, { ...page, name: choice.name });
  await linkProfile(db, choice.contractorId, page);
  return choice.contractorId;
}

type Permissions = {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
};

/** Whether the extension may run on the page's site (a grant, or a marketplace it always runs on). */
export async function siteAccessOf(permissions: Permissions, address: string): Promise<SiteAccessState> {
  const origin = siteOriginOf(address);
  if (!origin) return 'unknown';
  return (await permissions.contains({ origins: [origin] })) ? 'granted' : 'not-granted';
}

/**
 * Asks the user for that one site. Must be called from a click (the browser shows its prompt only for a
 * user gesture). The background registers the content script when the grant lands
 * (`permissions.onAdded`), so nothing here depends on the popup staying open.
 */
export async function askSiteAccess(permissions: Permissions, address: string): Promise<SiteAccessState> {
  const origin = siteOriginOf(address);
  if (!origin) return 'unknown';
  return (await permissions.request({ origins: [origin] })) ? 'granted' : 'refused';
}
