import { defineConfig } from 'prisma/config';

// Migrations are applied by Lantern's own runner (packages/db/src/migrate.ts) on both backends;
// the CLI only needs this for `prisma generate`, and for `migrate deploy` where its engine exists.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/lantern' },
});
