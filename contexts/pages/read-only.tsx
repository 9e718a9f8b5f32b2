import { ErrorText } from '../../components/ErrorText';
import { getDb } from '../../storage/db';

/**
 * Says so when the records were saved by a newer version of the extension: they can be read, but every
 * change is refused until the extension is updated. Known once the database has been opened.
 */
export function ReadOnlyNotice() {
  return <ErrorText message={getDb().newerSchema?.message} />;
}
