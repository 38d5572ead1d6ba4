import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import pino, { type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

/**
 * The server's log: pino (Fastify's own logger), one JSON line per event with the request's id,
 * or readable lines when a person is watching a terminal. A log leaves the safeguarding boundary
 * (files, collectors, support tickets), so it holds no personal data: no query strings (a tRPC
 * GET carries its input there, a searched name included), no bodies, no cookies or session
 * tokens, no passwords. Errors keep their stack.
 */
export interface LogOptions {
  level?: string;
  /** Where lines go; default stdout. */
  destination?: DestinationStream;
  /** Readable lines instead of JSON; default: when stdout is a terminal. */
  pretty?: boolean;
}

/** Paths pino blanks wherever they appear in a logged object. */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.sessionToken',
  '*.cookie',
];

export function createLogger(options: LogOptions = {}): FastifyBaseLogger {
  const usePretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
  const destination =
    options.destination ?? (usePretty ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss' }) : undefined);
  const settings = {
    level: options.level ?? 'info',
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        path: pathOf(request.url),
        remoteAddress: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  return destination ? pino(settings, destination) : pino(settings);
}

/** The path without its query string: inputs, names and dates stay out of the log. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export function newRequestId(): string {
  return randomUUID();
}
