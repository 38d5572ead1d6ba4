import { router } from '../trpc.ts';
import { auditRouter } from './audit/router.ts';
import { authRouter } from './auth/router.ts';
import { contextualRouter } from './contextual/router.ts';
import { disruptionRouter } from './disruption/router.ts';
import { districtsRouter } from './districts/router.ts';
import { exploitationRouter } from './exploitation/router.ts';
import { hotspotsRouter } from './hotspots/router.ts';
import { intelligenceRouter } from './intelligence/router.ts';
import { linksRouter } from './links/router.ts';
import { mapRouter } from './map/router.ts';
import { missingRouter } from './missing/router.ts';
import { networkRouter } from './network/router.ts';
import { nsdRouter } from './nsd/router.ts';
import { peopleRouter } from './people/router.ts';
import { placesRouter } from './places/router.ts';
import { profilesRouter } from './profiles/router.ts';
import { tacticsRouter } from './tactics/router.ts';
import { usersRouter } from './users/router.ts';
import { vehiclesRouter } from './vehicles/router.ts';

/** The whole API. Each domain's router only assembles its procedures (one per file). */
export const appRouter = router({
  auth: authRouter,
  people: peopleRouter,
  places: placesRouter,
  vehicles: vehiclesRouter,
  links: linksRouter,
  intelligence: intelligenceRouter,
  districts: districtsRouter,
  audit: auditRouter,
  tactics: tacticsRouter,
  users: usersRouter,
  disruption: disruptionRouter,
  nsd: nsdRouter,
  missing: missingRouter,
  exploitation: exploitationRouter,
  contextual: contextualRouter,
  map: mapRouter,
  hotspots: hotspotsRouter,
  network: networkRouter,
  profiles: profilesRouter,
});

export type AppRouter = typeof appRouter;
