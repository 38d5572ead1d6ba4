import type { CurrentUser, ProcedureName } from '@lantern/domain';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { type PageProps, userMay } from './routing/page-props.ts';

/**
 * One page of the app. `procedure` is the call the page cannot work without: its callers in the
 * API's policy table decide both whether the header offers the page and whether it opens. The
 * API enforces the same rule, so this only spares people dead ends.
 */
export interface AppRoute {
  path: string;
  title: string;
  /** Shown in the header's navigation when set. */
  navLabel?: string;
  procedure: ProcedureName;
  page: LazyExoticComponent<ComponentType<PageProps>>;
}

/** Pages load on first visit: maplibre-gl and each feature's code stay out of the sign-in bundle. */
function lazyPage<Module>(load: () => Promise<Module>, name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<PageProps> }));
}

/** Every page of the app. Features add their pages here. */
export const appRoutes: readonly AppRoute[] = [
  {
    path: '/',
    title: 'District map',
    navLabel: 'Map',
    procedure: 'map.layers',
    page: lazyPage(() => import('./map/map-page.tsx'), 'MapPage'),
  },
  {
    path: '/search',
    title: 'Search',
    navLabel: 'Search',
    procedure: 'places.list',
    page: lazyPage(() => import('./search/search-page.tsx'), 'SearchPage'),
  },
  {
    path: '/people/:id',
    title: 'Person',
    procedure: 'people.get',
    page: lazyPage(() => import('./people/person-page.tsx'), 'PersonPage'),
  },
  {
    path: '/network',
    title: 'Network',
    navLabel: 'Network',
    procedure: 'network.district',
    page: lazyPage(() => import('./network/network-page.tsx'), 'NetworkPage'),
  },
  {
    path: '/missing',
    title: 'Missing children',
    navLabel: 'Missing',
    procedure: 'missing.listEpisodes',
    page: lazyPage(() => import('./missing/missing-page.tsx'), 'MissingPage'),
  },
  {
    path: '/missing/philomena/:personId',
    title: 'Philomena profile',
    procedure: 'missing.philomena.get',
    page: lazyPage(() => import('./missing/philomena-page.tsx'), 'PhilomenaPage'),
  },
  {
    path: '/disruption',
    title: 'Disruption actions',
    navLabel: 'Disruption',
    procedure: 'disruption.list',
    page: lazyPage(() => import('./disruption/disruption-page.tsx'), 'DisruptionPage'),
  },
  {
    path: '/nsd',
    title: 'NSD meetings',
    navLabel: 'NSD',
    procedure: 'nsd.listMeetings',
    page: lazyPage(() => import('./nsd/nsd-page.tsx'), 'NsdPage'),
  },
  {
    path: '/nsd/:id',
    title: 'NSD meeting',
    procedure: 'nsd.agenda',
    page: lazyPage(() => import('./nsd/meeting-page.tsx'), 'MeetingPage'),
  },
  {
    path: '/nsd/:id/pack',
    title: 'NSD meeting pack',
    procedure: 'nsd.pack',
    page: lazyPage(() => import('./nsd/pack-page.tsx'), 'PackPage'),
  },
];

export function mayOpen(route: AppRoute, user: CurrentUser): boolean {
  return userMay(user, route.procedure);
}
