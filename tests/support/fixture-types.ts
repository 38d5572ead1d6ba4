import type { World } from './access-world.ts';

export interface FixtureCase {
  input: unknown;
  /**
   * Records the call is about. A successful call must show each of them (by id) in its output;
   * for a search or list whose out-of-scope records are filtered rather than refused, the
   * out-of-scope ids must be absent instead.
   */
  ids: readonly string[];
  /**
   * How the procedure refuses a caller whose districts do not include this case's record, when
   * it refuses rather than filters: the code and exact message the procedure documents.
   */
  denial?: { code: 'NOT_FOUND' | 'FORBIDDEN'; message: string };
}

export interface ProcedureFixture {
  /**
   * Called once per matrix cell, so a mutation cell gets records no other cell touches. `caller`
   * is the cell's user, for procedures that act only on the caller's own records.
   */
  build(world: World, caller?: { id: string } | null): Promise<{ inScope: FixtureCase; outOfScope: FixtureCase }>;
  /**
   * A valid in-scope input that uses every optional field, for the bad-input tests to break one
   * field at a time (the matrix inputs leave some out to reach every role). Default: the
   * in-scope input of `build`.
   */
  everyField?(world: World): Promise<unknown>;
}
