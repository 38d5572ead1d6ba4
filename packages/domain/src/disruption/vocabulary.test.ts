import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as vocabulary from './vocabulary.ts';

const sql = readFileSync(
  new URL('../../../../prisma/migrations/20261124100000_disruption/migration.sql', import.meta.url),
  'utf8',
);

function sqlEnum(name: string): string[] {
  const match = new RegExp(`CREATE TYPE "${name}" AS ENUM \\(([^)]*)\\)`).exec(sql);
  if (!match?.[1]) throw new Error(`enum ${name} not found in the migration`);
  return match[1].split(',').map((value) => value.trim().replace(/^'|'$/g, ''));
}

describe('disruption enums match the database enums', () => {
  it.each([
    ['tactic_theme', vocabulary.tacticThemes],
    ['disruption_target_type', vocabulary.disruptionTargetTypes],
    ['disruption_status', vocabulary.disruptionStatuses],
    ['disruption_outcome', vocabulary.disruptionOutcomes],
    ['nsd_action_status', vocabulary.nsdActionStatuses],
  ])('%s', (name, values) => {
    expect(sqlEnum(name)).toEqual([...values]);
  });
});
