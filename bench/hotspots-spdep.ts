import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs R spdep's `localG` on grid cells — the reference implementation Lantern's Gi* is checked
 * against: binary weights (`style = "B"`) from `dnearneigh(centres, 0, band)` with the cell itself
 * added (`include.self`), so `localG` returns Gi*. Needs `Rscript` with spdep (Debian:
 * `apt-get install r-cran-spdep`). Times are measured inside R, so R's start-up is not counted.
 */
export interface SpdepLocalG {
  z: Float64Array;
  version: string;
  /** Seconds inside R: building the neighbour lists and weights, and localG itself. */
  neighboursSeconds: number;
  localGSeconds: number;
}

const script = `
suppressPackageStartupMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)
cells <- read.csv(args[1])
band <- as.numeric(args[2])
t0 <- proc.time()[["elapsed"]]
nb <- include.self(dnearneigh(as.matrix(cells[, c("x", "y")]), 0, band))
listw <- nb2listw(nb, style = "B", zero.policy = TRUE)
t1 <- proc.time()[["elapsed"]]
g <- localG(cells$count, listw, zero.policy = TRUE)
t2 <- proc.time()[["elapsed"]]
write.csv(data.frame(z = sprintf("%.17g", as.numeric(g))), args[3], row.names = FALSE, quote = FALSE)
writeLines(c(as.character(packageVersion("spdep")), t1 - t0, t2 - t1), args[4])
`;

export function hasRscriptWithSpdep(): boolean {
  try {
    execFileSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(spdep))'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function spdepLocalG(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  counts: ArrayLike<number>,
  band: number,
): SpdepLocalG {
  const folder = mkdtempSync(join(tmpdir(), 'lantern-spdep-'));
  try {
    const rows = ['x,y,count'];
    for (let i = 0; i < counts.length; i++) rows.push(`${x[i]},${y[i]},${counts[i]}`);
    writeFileSync(join(folder, 'cells.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(folder, 'localg.R'), script);
    execFileSync(
      'Rscript',
      [
        join(folder, 'localg.R'),
        join(folder, 'cells.csv'),
        String(band),
        join(folder, 'z.csv'),
        join(folder, 'meta.txt'),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 26 },
    );
    const z = Float64Array.from(readFileSync(join(folder, 'z.csv'), 'utf8').trim().split('\n').slice(1), Number);
    const [version = '', neighbours = '0', localG = '0'] = readFileSync(join(folder, 'meta.txt'), 'utf8')
      .trim()
      .split('\n');
    return { z, version, neighboursSeconds: Number(neighbours), localGSeconds: Number(localG) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
