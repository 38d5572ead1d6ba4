import { router } from '../trpc.ts';
import { auditRouter } from './audit/router.ts';
import { authRouter } from './auth/router.ts';
import { districtsRouter } from './districts/router.ts';
import { intelligenceRouter } from './intelligence/router.ts';
import { linksRouter } from './links/router.ts';
import { peopleRouter } from './people/router.ts';
import { placesRouter } from './places/router.ts';

/** The whole API. Each domain's router only assembles its procedures (one per file). */
export const appRouter = router({
  auth: authRouter,
  people: peopleRouter,
  places: placesRouter,
  links: linksRouter,
  intelligence: intelligenceRouter,
  districts: districtsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
