// The analytics pool's worker when Lantern runs from its TypeScript sources (tsx, vitest): it
// registers tsx's loader in this thread, then serves the work module. The bundled CLI uses the
// compiled dist/analytics-worker.js instead (apps/cli/tsup.config.ts).
import { register } from 'tsx/esm/api';

register();
const work = await import('./analytics-work.ts');
export default work.default;
