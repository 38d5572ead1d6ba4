import { SingleBar } from 'cli-progress';
import type { Io } from './io.ts';

/** How often a plain progress line is written when stderr is not a terminal (a log, CI). */
export const plainLineEveryMs = 5000;

export interface Progress {
  /**
   * `done` of the total so far (bytes of a file, stages of a seed), the rows so far, if known, and
   * what is being done (a seed's stage). Outside a terminal a new `doing` gets its own line at once.
   */
  update(done: number, rows?: number, doing?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  /** A terminal gets a redrawn bar; anything else plain lines every few seconds (default: the io's stderr). */
  terminal?: boolean;
  io: Io;
  now?: () => number;
}

/** "12 s" or "2 min 5 s": time left, as a person reads it. */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/**
 * Progress of long work (an import, a seed): in a terminal a bar with rows done, rate and time
 * left (cli-progress, on stderr); in a log or CI a plain line every few seconds, so a minute's
 * work never looks like a hang and stdout keeps only the result.
 */
export function startProgress({
  label,
  total,
  io,
  terminal = io.errIsTerminal === true,
  now = performance.now.bind(performance),
}: ProgressOptions): Progress {
  const started = now();
  let rows = 0;
  let doing: string | undefined;
  if (terminal) {
    const bar = new SingleBar({
      format: `${label}{doing} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    });
    bar.start(total, 0, { rows: 0, rate: 0, doing: '' });
    return {
      update(done, readRows, nowDoing) {
        rows = readRows ?? rows;
        doing = nowDoing ?? doing;
        const seconds = (now() - started) / 1000;
        bar.update(Math.min(done, total), {
          rows: rows.toLocaleString('en-GB'),
          rate: seconds > 0 ? Math.round(rows / seconds).toLocaleString('en-GB') : 0,
          doing: doing ? ` (${doing})` : '',
        });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = started;
  return {
    update(done, readRows, nowDoing) {
      rows = readRows ?? rows;
      const at = now();
      const newStage = nowDoing !== undefined && nowDoing !== doing;
      doing = nowDoing ?? doing;
      if (!newStage && at - lastLine < plainLineEveryMs) return;
      lastLine = at;
      const seconds = (at - started) / 1000;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const left = share > 0 ? (seconds / share) * (1 - share) : Number.NaN;
      const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
      io.err(
        `${label}${doing ? ` (${doing})` : ''}: ${Math.round(share * 100)}%, ${rows.toLocaleString('en-GB')} rows, ${rate.toLocaleString('en-GB')} rows/s${Number.isFinite(left) ? `, about ${formatSeconds(left)} left` : ''}`,
      );
    },
    stop() {},
  };
}
