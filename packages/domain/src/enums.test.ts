import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as enums from './enums.ts';

// The SQL migrations are the database's source of truth; these lists must say the same.
const sql = readFileSync(
  new URL('../../../prisma/migrations/20261122090000_init/migration.sql', import.meta.url),
  'utf8',
);

function sqlEnum(name: string): string[] {
  const match = new RegExp(`CREATE TYPE "${name}" AS ENUM \\(([^)]*)\\)`).exec(sql);
  if (!match?.[1]) throw new Error(`enum ${name} not found in the migration`);
  return match[1].split(',').map((value) => value.trim().replace(/^'|'$/g, ''));
}

describe('domain enums match the database enums', () => {
  it.each([
    ['role', enums.roles],
    ['agency_kind', enums.agencyKinds],
    ['person_kind', enums.personKinds],
    ['sex', enums.sexes],
    ['care_status', enums.careStatuses],
    ['exploitation_risk', enums.exploitationRisks],
    ['place_category', enums.placeCategories],
    ['source_evaluation', enums.sourceEvaluations],
    ['intelligence_evaluation', enums.intelligenceEvaluations],
    ['handling_code', enums.handlingCodes],
    ['intelligence_category', enums.intelligenceCategories],
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
