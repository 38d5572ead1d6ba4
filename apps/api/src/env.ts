import { type Role, roles } from '@lantern/domain';
import { z } from 'zod';

/** The API's configuration, validated once: the only place it reads process.env. */
const csv = z
  .string()
  .optional()
  .transform((value) =>
    value
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
      : [],
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LANTERN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LANTERN_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /** Origins allowed to call the API from a browser besides the server's own (CORS stays closed). */
  LANTERN_ALLOWED_ORIGINS: csv,
  /** How much the server logs (pino levels); `silent` for nothing. */
  LANTERN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The secret that signs sealed audit batches; required in production (at least 32 characters). */
  LANTERN_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How often appended audit events are sealed into a signed batch (ms): the unsealed window. */
  LANTERN_AUDIT_SEAL_MS: z.coerce.number().int().min(50).max(1000).default(500),
  /**
   * How often the embedded database's tables are checked for changed statistics and dead rows
   * (ms): PGlite has no autovacuum (table-maintenance.ts). Not used on PostgreSQL.
   */
  LANTERN_EMBEDDED_MAINTENANCE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /**
   * How long a checked session is trusted without reading it again (ms; 0 reads it on every
   * request). Kept only while the process hears changes to users and sessions (session-cache.ts),
   * which forget it at once; this bounds how long a revoked session could work if a change went
   * unheard.
   */
  LANTERN_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** Memory for rendered map tiles kept in process (MiB; 0 renders every request). */
  LANTERN_TILE_CACHE_MB: z.coerce.number().int().min(0).max(16_384).default(64),
  /** After an import or seed, crime tiles up to this zoom are rendered ahead of requests; -1: none. */
  LANTERN_TILE_WARM_MAX_ZOOM: z.coerce.number().int().min(-1).max(11).default(10),
  LANTERN_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * A MapLibre style drawn under Lantern's layers (e.g. OS Maps API or OpenFreeMap); without it
   * the map draws only the bundled boundaries, which needs no internet. Its origin, and any in
   * LANTERN_BASEMAP_ORIGINS (tiles, glyphs and sprites hosted elsewhere), join the CSP's connect-src.
   */
  LANTERN_BASEMAP_STYLE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL of a MapLibre style' })
    .optional(),
  LANTERN_BASEMAP_ORIGINS: csv,
  /** Attribution the basemap's licence requires, shown under the map. */
  LANTERN_BASEMAP_ATTRIBUTION: z.string().trim().max(500).optional(),
  /** Single sign-on (apps/api/src/auth/oidc.ts documents these): all four or none of the first four. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  /** Claim holding the user's roles (array or space-separated), and how its values map to Lantern roles. */
  OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
  OIDC_ROLE_MAP: z.string().optional().transform(parseRoleMap),
  OIDC_DISTRICT_CLAIM: z.string().min(1).default('districts'),
  /** Agency given to users that single sign-on creates (created, kind 'other', if missing). */
  OIDC_DEFAULT_AGENCY: z.string().trim().min(1).max(200).default('Single sign-on users'),
});

export interface RoleMapping {
  claimValue: string;
  role: Role;
}

/** "Claim.Value=lantern_role,…"; a bad pair stops start-up with a message naming it. */
function parseRoleMap(text: string | undefined, context: z.RefinementCtx): RoleMapping[] {
  const mappings: RoleMapping[] = [];
  for (const pair of (text ?? '').split(',').map((part) => part.trim())) {
    if (pair === '') continue;
    // The last "=" splits, so claim values that contain "=" (URIs, group DNs) still map.
    const split = pair.lastIndexOf('=');
    const claimValue = split > 0 ? pair.slice(0, split).trim() : '';
    const role = split > 0 ? pair.slice(split + 1).trim() : '';
    if (claimValue === '' || role === '') {
      context.addIssue({ code: 'custom', message: `"${pair}" is not a claimValue=lantern_role pair` });
    } else if (!(roles as readonly string[]).includes(role)) {
      context.addIssue({
        code: 'custom',
        message: `"${pair}" maps to unknown role "${role}" (roles: ${roles.join(', ')})`,
      });
    } else {
      mappings.push({ claimValue, role: role as Role });
    }
  }
  return mappings;
}

/** Where the provider sends the browser back; the route in auth/oidc.ts is registered here. */
export const oidcCallbackPath = '/auth/oidc/callback';

const oidcConnection = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http is only for a provider on this machine (development and tests): tokens cross that wire. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
}

const checkedEnvSchema = envSchema.superRefine((env, context) => {
  if (env.NODE_ENV === 'production' && env.LANTERN_AUDIT_KEY === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['LANTERN_AUDIT_KEY'],
      message: 'is required in production: it signs the sealed audit batches, and the development key is public',
    });
  }
  const set = oidcConnection.filter((name) => env[name] !== undefined);
  if (set.length === 0) return;
  for (const name of oidcConnection) {
    if (env[name] === undefined) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: `is required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set (single sign-on needs all four)`,
      });
    }
  }
  for (const name of ['OIDC_ISSUER', 'OIDC_REDIRECT_URI'] as const) {
    const value = env[name];
    if (value === undefined) continue;
    const url = new URL(value);
    if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
      context.addIssue({ code: 'custom', path: [name], message: `must be an https URL (got ${value})` });
    }
  }
  if (env.OIDC_REDIRECT_URI !== undefined && new URL(env.OIDC_REDIRECT_URI).pathname !== oidcCallbackPath) {
    context.addIssue({
      code: 'custom',
      path: ['OIDC_REDIRECT_URI'],
      message: `must have the path ${oidcCallbackPath}, where Lantern receives the provider's answer (got ${env.OIDC_REDIRECT_URI})`,
    });
  }
  if (env.OIDC_ROLE_MAP.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['OIDC_ROLE_MAP'],
      message: 'is required with single sign-on: without it nobody could be given a role',
    });
  }
});

export type ApiEnv = z.infer<typeof checkedEnvSchema>;

export function readApiEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = checkedEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
