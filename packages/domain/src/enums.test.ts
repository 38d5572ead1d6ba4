import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as enums from './enums.ts';

// The SQL migrations are the database's source of truth; these lists must say the same.
const sql = readFileSync(
  new URL('../../../prisma/migrations/20261122090000_init/migration.sql', import.meta.url),
  'utf8',
);

// Values added later (ALTER TYPE … ADD VALUE … BEFORE …) by the intelligence cycle's migration.
const later = readFileSync(
  new URL('../../../prisma/migrations/20261204110000_intelligence_cycle/migration.sql', import.meta.url),
  'utf8',
);

// Types created by the exploitation migration (issue 15).
const exploitation = readFileSync(
  new URL('../../../prisma/migrations/20261207090000_exploitation_events/migration.sql', import.meta.url),
  'utf8',
);

function sqlEnum(name: string): string[] {
  const match = new RegExp(`CREATE TYPE "${name}" AS ENUM \\(([^)]*)\\)`).exec(sql + later + exploitation);
  if (!match?.[1]) throw new Error(`enum ${name} not found in the migration`);
  const values = match[1].split(',').map((value) => value.trim().replace(/^'|'$/g, ''));
  const added = new RegExp(`ALTER TYPE "${name}" ADD VALUE IF NOT EXISTS '([^']+)' BEFORE '([^']+)'`, 'g');
  for (const [, value, before] of later.matchAll(added)) {
    if (value && before) values.splice(values.indexOf(before), 0, value);
  }
  return values;
}

describe('domain enums match the database enums', () => {
  it.each([
    ['role', enums.roles],
    ['agency_kind', enums.agencyKinds],
    ['person_kind', enums.personKinds],
    ['sex', enums.sexes],
    ['care_status', enums.careStatuses],
    ['exploitation_risk', enums.exploitationRisks],
    ['exploitation_kind', enums.exploitationKinds],
    ['exploitation_event_type', enums.exploitationEventTypes],
    ['place_category', enums.placeCategories],
    ['source_evaluation', enums.sourceEvaluations],
    ['intelligence_evaluation', enums.intelligenceEvaluations],
    ['handling_code', enums.handlingCodes],
    ['intelligence_category', enums.intelligenceCategories],
    ['intelligence_status', enums.intelligenceStatuses],
    ['entity_type', enums.entityTypes],
    ['link_source_type', enums.linkSourceTypes],
    ['link_reliability', enums.linkReliabilities],
    ['police_risk', enums.policeRisks],
    ['rhi_service', enums.rhiServices],
    ['found_location_type', enums.foundLocationTypes],
  ])('%s', (name, values) => {
    expect(sqlEnum(name)).toEqual([...values]);
  });
});
