import { getMissingThresholds } from '@lantern/db';
import type { AppContext } from '../context.ts';
import { toThresholds } from './meeting-support.ts';

/** The multi-agency meeting thresholds in force. */
export async function getThresholds(app: AppContext) {
  return toThresholds(await getMissingThresholds(app.db.prisma));
}
