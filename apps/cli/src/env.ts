import { z } from 'zod';

/** The CLI's configuration: the only place it reads process.env. */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  LANTERN_DATA_DIR: z.string().min(1).default('./.lantern/db'),
  /** A PostgreSQL streaming replica (hot standby) of DATABASE_URL for tiles, hot spots, networks, profiles and reports. */
  LANTERN_READ_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'LANTERN_READ_REPLICA_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Reads go back to the primary while the replica may be further behind than this (seconds). */
  LANTERN_READ_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  /** How often the replica's replay position is compared with the primary's (ms). */
  LANTERN_READ_REPLICA_CHECK_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type CliEnv = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  const parsed = envSchema.safeParse({
    ...source,
    DATABASE_URL: source.DATABASE_URL || undefined,
    LANTERN_READ_REPLICA_URL: source.LANTERN_READ_REPLICA_URL || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}
