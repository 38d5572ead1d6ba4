import { streetNamesWithin } from '@lantern/db';
import type { StreetNamesInput, StreetNamesOutput } from '@lantern/domain';
import type { AppContext } from '../context.ts';

/** More names than a street-sized view can show without covering its points. */
const streetNameLimit = 400;

/** Street names in a view, from police.uk's anonymised map points: public data, no scope. */
export async function listStreetNames(app: AppContext, input: StreetNamesInput): Promise<StreetNamesOutput> {
  const rows = await streetNamesWithin(app.db.prisma, input, streetNameLimit + 1);
  return { streets: rows.slice(0, streetNameLimit), truncated: rows.length > streetNameLimit };
}
