// The police.uk reader's thread when Lantern runs from its TypeScript sources (tsx, vitest): it
// registers tsx's loader in this thread, then serves the reading module. The bundled CLI uses the
// compiled dist/police-uk-read-worker.js instead (apps/cli/tsup.config.ts).
import { register } from 'tsx/esm/api';

register();
const work = await import('./police-uk-read-work.ts');
export default work.default;
