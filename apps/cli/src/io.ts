/** Where commands write, so tests can capture output without spawning a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal, so progress may redraw a bar there; otherwise it writes plain lines. */
  errIsTerminal?: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  errIsTerminal: process.stderr.isTTY === true,
};
