import type { CurrentUser, Role } from '@lantern/domain';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** What every page receives: who is signed in and the route's parameters. */
export interface PageProps {
  user: CurrentUser;
  params: Record<string, string | undefined>;
}

/**
 * One page of the app. `roles` decides both whether the header offers it and whether it opens;
 * the API enforces the same rule on every procedure, so this only spares people dead ends.
 */
export interface AppRoute {
  path: string;
  title: string;
  /** Shown in the header's navigation when set. */
  navLabel?: string;
  roles: 'signed-in' | readonly Role[];
  page: LazyExoticComponent<ComponentType<PageProps>>;
}

/** Pages load on first visit: maplibre-gl and each feature's code stay out of the sign-in bundle. */
function lazyPage<Module>(load: () => Promise<Module>, name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<PageProps> }));
}

const personLevel = ['police_analyst', 'missing_coordinator'] as const;

/** Every page of the app. Features add their pages here. */
export const appRoutes: readonly AppRoute[] = [
  {
    path: '/',
    title: 'District map',
    navLabel: 'Map',
    roles: 'signed-in',
    page: lazyPage(() => import('./map/map-page.tsx'), 'MapPage'),
  },
  {
    path: '/search',
    title: 'Search',
    navLabel: 'Search',
    roles: [...personLevel, 'district_officer', 'nsd_attendee'],
    page: lazyPage(() => import('./search/search-page.tsx'), 'SearchPage'),
  },
  {
    path: '/people/:id',
    title: 'Person',
    roles: [...personLevel, 'district_officer'],
    page: lazyPage(() => import('./people/person-page.tsx'), 'PersonPage'),
  },
  {
    path: '/missing',
    title: 'Missing children',
    navLabel: 'Missing',
    roles: personLevel,
    page: lazyPage(() => import('./missing/missing-page.tsx'), 'MissingPage'),
  },
  {
    path: '/missing/philomena/:personId',
    title: 'Philomena profile',
    roles: personLevel,
    page: lazyPage(() => import('./missing/philomena-page.tsx'), 'PhilomenaPage'),
  },
  {
    path: '/disruption',
    title: 'Disruption actions',
    navLabel: 'Disruption',
    roles: [...personLevel, 'district_officer', 'nsd_attendee'],
    page: lazyPage(() => import('./disruption/disruption-page.tsx'), 'DisruptionPage'),
  },
  {
    path: '/nsd',
    title: 'NSD meetings',
    navLabel: 'NSD',
    roles: [...personLevel, 'district_officer', 'nsd_attendee'],
    page: lazyPage(() => import('./nsd/nsd-page.tsx'), 'NsdPage'),
  },
  {
    path: '/nsd/:id',
    title: 'NSD meeting',
    roles: [...personLevel, 'district_officer', 'nsd_attendee'],
    page: lazyPage(() => import('./nsd/meeting-page.tsx'), 'MeetingPage'),
  },
  {
    path: '/nsd/:id/pack',
    title: 'NSD meeting pack',
    roles: [...personLevel, 'district_officer', 'nsd_attendee'],
    page: lazyPage(() => import('./nsd/pack-page.tsx'), 'PackPage'),
  },
];

export function mayOpen(route: AppRoute, user: CurrentUser): boolean {
  return route.roles === 'signed-in' || user.roles.some((role) => route.roles.includes(role));
}
