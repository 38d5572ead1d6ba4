import type { CurrentUser } from '@lantern/domain';
import { Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { type AppRoute, appRoutes, mayOpen } from '../app-routes.tsx';
import { Empty, Loading } from '../ui/status.tsx';

/** The signed-in app's pages, one per route in `appRoutes`, each with its own document title. */
export function AppPages({ user }: { user: CurrentUser }) {
  return (
    <Switch>
      {appRoutes.map((route) => (
        <Route key={route.path} path={route.path}>
          {(params) => <RoutePage route={route} user={user} params={params} />}
        </Route>
      ))}
      <Route>
        <main className="page-status" id="main" tabIndex={-1}>
          <title>Page not found – Lantern</title>
          <h1>Page not found</h1>
          <Empty>
            There is no page at this address. <Link href="/">Go to the map</Link>.
          </Empty>
        </main>
      </Route>
    </Switch>
  );
}

function RoutePage({
  route,
  user,
  params,
}: {
  route: AppRoute;
  user: CurrentUser;
  params: Record<string, string | undefined>;
}) {
  if (!mayOpen(route, user)) {
    return (
      <main className="page-status" id="main" tabIndex={-1}>
        <title>{`${route.title} – Lantern`}</title>
        <h1>{route.title}</h1>
        <Empty>Your role does not give access to this page.</Empty>
      </main>
    );
  }
  const Page = route.page;
  return (
    <>
      <title>{`${route.title} – Lantern`}</title>
      <Suspense
        fallback={
          <main className="page-status" id="main">
            <Loading>Loading {route.title.toLowerCase()}…</Loading>
          </main>
        }
      >
        <Page user={user} params={params} />
      </Suspense>
    </>
  );
}
