import { router } from '../trpc.ts';
import { authRouter } from './auth/router.ts';
import { peopleRouter } from './people/router.ts';

/** The whole API. Each domain's router only assembles its procedures (one per file). */
export const appRouter = router({
  auth: authRouter,
  people: peopleRouter,
});

export type AppRouter = typeof appRouter;
