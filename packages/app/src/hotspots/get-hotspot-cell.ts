import { appendAudit, hotspotEvents, namePoints } from '@lantern/db';
import { type HotspotCellInput, type HotspotSource, pointDescription } from '@lantern/domain';
import { fromBritishNationalGrid } from '@lantern/geo';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { countView, eventQuery } from './hotspot-support.ts';

/** Which records of a source the caller may see one by one (otherwise only the count). */
function mayListRecords(access: Access, source: HotspotSource): boolean {
  if (source === 'intelligence') return access.role === 'police_analyst';
  if (source === 'missing-found' || source === 'missing-last-seen') return access.personLevel;
  return true;
}

/** What lies inside one grid cell, record by record as the role may see them (episodes audited). */
export async function getHotspotCell(app: AppContext, access: Access, input: HotspotCellInput) {
  const [, easting = '0', northing = '0'] = /^E(\d+)N(\d+)$/.exec(input.cellId) ?? [];
  const minX = Number(easting);
  const minY = Number(northing);
  const query = eventQuery(access, input);
  const within = [minX, minY, minX + input.cellSize, minY + input.cellSize] as const;
  const rows = await hotspotEvents(app.db.prisma, { ...query, within });
  const count = countView(access, input.source)(rows.length);
  const [lon, lat] = fromBritishNationalGrid([minX + input.cellSize / 2, minY + input.cellSize / 2]);
  const [name] = await namePoints(app.db.prisma, [{ lon, lat }]);
  const place = name ? pointDescription(name) : null;
  if (!mayListRecords(access, input.source)) return { id: input.cellId, place, count, records: null };
  const records = rows.map((row) => ({ kind: row.kind, id: row.id, date: row.date, label: row.label, type: row.type }));
  if (input.source === 'missing-found' || input.source === 'missing-last-seen') {
    // Episodes are records about children: reading them one by one is audited like any person read.
    await app.db.prisma.$transaction((tx) =>
      appendAudit(tx, auditEvent(access, 'read', { type: 'missing_episode', ids: records.map((record) => record.id) })),
    );
  }
  return { id: input.cellId, place, count, records };
}
