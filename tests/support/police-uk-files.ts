import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { shippedPath } from '@lantern/db';

/** The police.uk months Lantern ships (data/police-uk), which `db seed` imports. */
export const shippedMonths = shippedPath('data/police-uk');

/** The other police.uk files the tests import (tests/fixtures/police-uk, with its attribution). */
export const fixtureFiles = new URL('../fixtures/police-uk/', import.meta.url).pathname;

/** The 100-row excerpt of February 2022: every row has coordinates. */
export const first100Sample = join(fixtureFiles, 'samples/2022-02-nottinghamshire-street.first100.csv');

/** Every police.uk CSV in the repository, shipped and fixtures, in a stable order. */
export function everyPoliceUkFile(): string[] {
  return [shippedMonths, fixtureFiles, join(fixtureFiles, 'samples'), join(fixtureFiles, 'derived')].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.csv'))
      .sort()
      .map((name) => join(dir, name)),
  );
}
