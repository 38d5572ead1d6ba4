/**
 * The application layer, loaded by the commands that need it (hot spots, networks, profiles,
 * reports, the exploitation import) when they run rather than when the CLI starts: loading it
 * and the API's server takes about as long as the rest of the CLI, and `db status`, `db migrate`,
 * most imports and `--help` never use them.
 */
let app: Promise<typeof import('@lantern/app')> | undefined;

export function loadApp(): Promise<typeof import('@lantern/app')> {
  app ??= import('@lantern/app');
  return app;
}

/**
 * Stops what the application layer started (the analytics threads), if a command loaded it. A
 * load that failed has started nothing, and its error is the command's to report.
 */
export async function closeApp(): Promise<void> {
  const loaded = await app?.catch(() => undefined);
  await loaded?.closeAnalyticsPool();
}
