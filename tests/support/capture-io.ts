import type { Io } from '@lantern/cli';

/** An Io for in-process CLI runs that keeps what was written to stdout and stderr. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text) };
  return { io, out, err };
}
