import { AppError, type FieldProblem, formatProblem, newPseudonymRef } from '@lantern/domain';
import type { Sql } from './sql.ts';

/**
 * What the imports that name children by `child_ref` (missing episodes, exploitation events)
 * share: a child is `person.external_ref`; one Lantern does not know yet is created as a
 * synthetic record named after that reference ("Child CH-123456") with the file's sex and date of
 * birth. A known child's record is left as it is.
 */
export interface ImportedChild {
  childRef: string;
  sex: string;
  dateOfBirth: string | null;
  careStatus: string | null;
  /** The new child's home district: this code, else the district of `homePoint`, else none. */
  homeDistrictCode: string | null;
  homePoint: { lon: number; lat: number } | null;
  /** The line that names the child, for a message. */
  line: number;
}

/** Most rounds of new references one batch of new children may need (each round re-draws only the clashes). */
const referenceRounds = 5;

/**
 * Finds each child_ref's person, creating the children Lantern does not know yet (one entry per
 * child_ref). A new child's pseudonymous reference is drawn at random (`newPseudonymRef`); the
 * references of one batch are distinct, and one that an existing person already holds is drawn
 * again. Among many new children a clash is not rare (the synthetic county's 2,306 in one file
 * clash in about one import in 400), and it failed the whole import on the unique constraint.
 */
export async function resolveImportedChildren(
  tx: Sql,
  children: readonly ImportedChild[],
  file: string,
  newReference: () => string = () => newPseudonymRef('child'),
) {
  const byRef = new Map(children.map((child) => [child.childRef, child]));
  const found = await tx.query<{ id: string; external_ref: string; kind: string }>(
    `SELECT id, external_ref, kind::text AS kind FROM person WHERE external_ref = ANY($1::text[])`,
    [[...byRef.keys()]],
  );
  const idOf = new Map<string, string>();
  for (const person of found) {
    if (person.kind !== 'child') {
      const child = byRef.get(person.external_ref) as ImportedChild;
      const problem = {
        file,
        line: child.line,
        field: 'child_ref',
        value: child.childRef,
        message: `names a person recorded as an ${person.kind}, not a child`,
      };
      throw new AppError('BAD_INPUT', formatProblem(problem), [problem]);
    }
    idOf.set(person.external_ref, person.id);
  }
  const unknown = [...byRef.values()].filter((child) => !idOf.has(child.childRef));
  let waiting = unknown;
  for (let round = 1; waiting.length > 0; round += 1) {
    if (round > referenceRounds) {
      throw new Error(
        `no unused pseudonymous reference found for ${waiting.length} new children in ${referenceRounds} draws`,
      );
    }
    const references = new Set<string>();
    while (references.size < waiting.length) references.add(newReference());
    // A reference another person holds skips its row (ON CONFLICT on that constraint alone); the
    // row is drawn again next round. Any other clash is still an error.
    const created = await tx.query<{ id: string; external_ref: string }>(
      `INSERT INTO person (kind, pseudonym_ref, external_ref, given_name, family_name, sex, date_of_birth,
                           care_status, home_district_code)
       SELECT 'child', t.pseudonym_ref, t.external_ref, 'Child', t.external_ref, t.sex::sex, t.date_of_birth,
              t.care_status::care_status,
              coalesce(t.home_district_code,
                       lantern_district_for_point(CASE WHEN t.lon IS NULL THEN NULL
                                                       ELSE ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326) END))
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::float8[], $7::float8[], $8::text[])
            AS t(pseudonym_ref, external_ref, sex, date_of_birth, care_status, lon, lat, home_district_code)
       ON CONFLICT (pseudonym_ref) DO NOTHING
       RETURNING id, external_ref`,
      [
        [...references],
        waiting.map((child) => child.childRef),
        waiting.map((child) => child.sex),
        waiting.map((child) => child.dateOfBirth),
        waiting.map((child) => child.careStatus),
        waiting.map((child) => child.homePoint?.lon ?? null),
        waiting.map((child) => child.homePoint?.lat ?? null),
        waiting.map((child) => child.homeDistrictCode),
      ],
    );
    for (const person of created) idOf.set(person.external_ref, person.id);
    waiting = waiting.filter((child) => !idOf.has(child.childRef));
  }
  return { idOf, created: unknown.length };
}

/**
 * What one row cannot tell: a natural key twice in the file, or a child whose sex or date of
 * birth differs between rows. The later row is the one reported, naming the earlier line.
 */
export class ChildRowConsistency {
  private readonly refLines = new Map<string, number>();
  private readonly children = new Map<string, { sex: string; dateOfBirth: string | null; line: number }>();

  constructor(
    private readonly file: string,
    /** The natural key's column, e.g. 'episode_ref'. */
    private readonly refField: string,
  ) {}

  check(ref: string, row: { childRef: string; sex: string; dateOfBirth: string | null }, line: number): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const { file } = this;
    const earlier = this.refLines.get(ref);
    if (earlier !== undefined) {
      problems.push({ file, line, field: this.refField, value: ref, message: `is already on line ${earlier}` });
    } else this.refLines.set(ref, line);
    const child = this.children.get(row.childRef);
    if (child === undefined) {
      this.children.set(row.childRef, { sex: row.sex, dateOfBirth: row.dateOfBirth, line });
      return problems;
    }
    if (child.sex !== row.sex) {
      problems.push({
        file,
        line,
        field: 'sex',
        value: row.sex,
        message: `differs from line ${child.line} for child_ref ${row.childRef} (${child.sex})`,
      });
    }
    if (child.dateOfBirth !== row.dateOfBirth) {
      problems.push({
        file,
        line,
        field: 'date_of_birth',
        value: row.dateOfBirth ?? '',
        message: `differs from line ${child.line} for child_ref ${row.childRef} (${child.dateOfBirth ?? 'empty'})`,
      });
    }
    return problems;
  }
}
