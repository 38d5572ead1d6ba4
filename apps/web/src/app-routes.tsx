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
  /**
   * The header menu the page sits in (pages without one stand on their own): the header stays
   * one line however many pages a role opens. A group this user has one page of shows that page.
   */
  navGroup?: 'People' | 'Children' | 'Disruption' | 'Intelligence' | 'Admin';
  procedure: ProcedureName;
  page: LazyExoticComponent<ComponentType<PageProps>>;
  /** Shown beside the navigation label, e.g. a count of work waiting. */
  navBadge?: LazyExoticComponent<ComponentType>;
}

/** Pages load on first visit: maplibre-gl and each feature's code stay out of the sign-in bundle. */
function lazyPage<Module>(load: () => Promise<Module>, name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<PageProps> }));
}

function lazyBadge<Module>(load: () => Promise<Module>, name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
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
  // Creating and editing people, places and vehicles (issue 14); before '/people/:id', which would take "new".
  {
    path: '/people/new',
    title: 'New person',
    procedure: 'people.create',
    page: lazyPage(() => import('./people/person-form-page.tsx'), 'PersonFormPage'),
  },
  {
    path: '/people/:id/edit',
    title: 'Edit person',
    procedure: 'people.update',
    page: lazyPage(() => import('./people/person-form-page.tsx'), 'PersonFormPage'),
  },
  {
    path: '/places/new',
    title: 'New place of concern',
    procedure: 'places.create',
    page: lazyPage(() => import('./places/place-form-page.tsx'), 'PlaceFormPage'),
  },
  {
    path: '/places/:id/edit',
    title: 'Edit place of concern',
    procedure: 'places.update',
    page: lazyPage(() => import('./places/place-form-page.tsx'), 'PlaceFormPage'),
  },
  {
    path: '/vehicles/new',
    title: 'New vehicle',
    procedure: 'vehicles.create',
    page: lazyPage(() => import('./vehicles/vehicle-form-page.tsx'), 'VehicleFormPage'),
  },
  {
    path: '/vehicles/:id/edit',
    title: 'Edit vehicle',
    procedure: 'vehicles.update',
    page: lazyPage(() => import('./vehicles/vehicle-form-page.tsx'), 'VehicleFormPage'),
  },
  {
    path: '/people/duplicates',
    title: 'Possible duplicate people',
    navLabel: 'Duplicates',
    navGroup: 'People',
    // The page is for the roles that may merge: analysts. (Coordinators see duplicates on a person's page.)
    procedure: 'people.merge',
    page: lazyPage(() => import('./people/duplicates-page.tsx'), 'DuplicatesPage'),
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
    navGroup: 'People',
    procedure: 'network.district',
    page: lazyPage(() => import('./network/network-page.tsx'), 'NetworkPage'),
  },
  {
    path: '/missing',
    title: 'Missing children',
    navLabel: 'Missing',
    navGroup: 'Children',
    procedure: 'missing.listEpisodes',
    page: lazyPage(() => import('./missing/missing-page.tsx'), 'MissingPage'),
  },
  {
    path: '/missing/philomena/:personId',
    title: 'Philomena profile',
    procedure: 'missing.philomena.get',
    page: lazyPage(() => import('./missing/philomena-page.tsx'), 'PhilomenaPage'),
  },
  // Exploitation risk (issue 15): the committee table, for the roles that produce the figures.
  {
    path: '/exploitation/committee',
    title: 'Exploitation committee table',
    navLabel: 'CSE/CCE figures',
    navGroup: 'Children',
    procedure: 'exploitation.committeeTable',
    page: lazyPage(() => import('./exploitation/committee-page.tsx'), 'CommitteePage'),
  },
  // A child's exploitation risk and the MASE/CCE panels (issue 15).
  {
    path: '/exploitation/panels',
    title: 'Exploitation panels',
    navLabel: 'Panels',
    navGroup: 'Children',
    procedure: 'exploitation.panelMeetings',
    page: lazyPage(() => import('./exploitation/panels-page.tsx'), 'PanelsPage'),
  },
  {
    path: '/exploitation/panels/:id',
    title: 'Panel meeting',
    procedure: 'exploitation.panelAgenda',
    page: lazyPage(() => import('./exploitation/panel-meeting-page.tsx'), 'PanelMeetingPage'),
  },
  {
    path: '/people/:id/exploitation',
    title: 'Exploitation risk',
    procedure: 'exploitation.childHistory',
    page: lazyPage(() => import('./exploitation/child-risk-page.tsx'), 'ChildRiskPage'),
  },
  // Problem profiles (issue 16): analysts build them; partners read the approved ones of their districts.
  {
    path: '/profiles',
    title: 'Problem profiles',
    navLabel: 'Profiles',
    procedure: 'profiles.list',
    page: lazyPage(() => import('./profiles/profiles-page.tsx'), 'ProfilesPage'),
  },
  {
    path: '/profiles/new',
    title: 'New problem profile',
    procedure: 'profiles.create',
    page: lazyPage(() => import('./profiles/new-profile-page.tsx'), 'NewProfilePage'),
  },
  {
    path: '/profiles/:id',
    title: 'Problem profile',
    procedure: 'profiles.get',
    page: lazyPage(() => import('./profiles/profile-page.tsx'), 'ProfilePage'),
  },
  // Contextual Safeguarding (issue 15): the warnings and the assessments of places and peer groups.
  {
    path: '/contextual/early-identification',
    title: 'Early identification',
    navLabel: 'Early identification',
    navGroup: 'Children',
    procedure: 'contextual.earlyIdentification',
    page: lazyPage(() => import('./contextual/early-identification-page.tsx'), 'EarlyIdentificationPage'),
  },
  {
    path: '/contextual/names-without-actions',
    title: 'Names without actions',
    navLabel: 'Names without actions',
    navGroup: 'Children',
    procedure: 'contextual.namesWithoutActions',
    page: lazyPage(() => import('./contextual/names-without-actions-page.tsx'), 'NamesWithoutActionsPage'),
  },
  {
    path: '/contextual/location/new',
    title: 'New location assessment',
    procedure: 'contextual.createLocationAssessment',
    page: lazyPage(() => import('./contextual/location-assessment-page.tsx'), 'LocationAssessmentPage'),
  },
  {
    path: '/contextual/location/:id',
    title: 'Location assessment',
    procedure: 'contextual.getLocationAssessment',
    page: lazyPage(() => import('./contextual/location-assessment-page.tsx'), 'LocationAssessmentPage'),
  },
  {
    path: '/contextual/peer-group/new',
    title: 'New peer-group assessment',
    procedure: 'contextual.createPeerGroupAssessment',
    page: lazyPage(() => import('./contextual/peer-group-assessment-page.tsx'), 'PeerGroupAssessmentPage'),
  },
  {
    path: '/contextual/peer-group/:id',
    title: 'Peer-group assessment',
    procedure: 'contextual.getPeerGroupAssessment',
    page: lazyPage(() => import('./contextual/peer-group-assessment-page.tsx'), 'PeerGroupAssessmentPage'),
  },
  {
    path: '/disruption',
    title: 'Disruption actions',
    navLabel: 'Disruption actions',
    navGroup: 'Disruption',
    procedure: 'disruption.list',
    page: lazyPage(() => import('./disruption/disruption-page.tsx'), 'DisruptionPage'),
  },
  {
    path: '/nsd',
    title: 'NSD meetings',
    navLabel: 'NSD meetings',
    navGroup: 'Disruption',
    procedure: 'nsd.listMeetings',
    page: lazyPage(() => import('./nsd/nsd-page.tsx'), 'NsdPage'),
  },
  {
    path: '/intelligence/new',
    title: 'Report a concern',
    navLabel: 'Report a concern',
    navGroup: 'Intelligence',
    procedure: 'intelligence.submit',
    page: lazyPage(() => import('./intelligence/submit-page.tsx'), 'SubmitIntelligencePage'),
  },
  {
    path: '/intelligence/mine',
    title: 'My reports',
    navLabel: 'My reports',
    navGroup: 'Intelligence',
    procedure: 'intelligence.mine',
    page: lazyPage(() => import('./intelligence/my-submissions-page.tsx'), 'MySubmissionsPage'),
  },
  {
    path: '/intelligence/queue',
    title: 'Intelligence queue',
    navLabel: 'Intelligence queue',
    navGroup: 'Intelligence',
    procedure: 'intelligence.queue',
    page: lazyPage(() => import('./intelligence/queue-page.tsx'), 'IntelligenceQueuePage'),
    navBadge: lazyBadge(() => import('./intelligence/queue-page.tsx'), 'QueueCountBadge'),
  },
  {
    path: '/intelligence/:id',
    title: 'Intelligence report',
    procedure: 'intelligence.get',
    page: lazyPage(() => import('./intelligence/report-page.tsx'), 'IntelligenceReportPage'),
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
  // Administration (issue 18): only administrators call these procedures, so only they see the pages.
  {
    path: '/admin/users',
    title: 'Users',
    navLabel: 'Users',
    navGroup: 'Admin',
    procedure: 'users.list',
    page: lazyPage(() => import('./admin/users-page.tsx'), 'UsersPage'),
  },
  {
    path: '/admin/tactics',
    title: 'Tactic catalogue',
    navLabel: 'Tactics',
    navGroup: 'Admin',
    procedure: 'tactics.update',
    page: lazyPage(() => import('./admin/tactics-page.tsx'), 'TacticsPage'),
  },
  {
    path: '/admin/thresholds',
    title: 'Missing-episode thresholds',
    navLabel: 'Thresholds',
    navGroup: 'Admin',
    procedure: 'missing.setThresholds',
    page: lazyPage(() => import('./admin/thresholds-page.tsx'), 'ThresholdsPage'),
  },
  {
    path: '/admin/audit',
    title: 'Audit trail',
    navLabel: 'Audit',
    navGroup: 'Admin',
    procedure: 'audit.search',
    page: lazyPage(() => import('./admin/audit-page.tsx'), 'AuditPage'),
  },
  // Every signed-in user; reached from the header, beside "Sign out".
  {
    path: '/account/password',
    title: 'Change your password',
    procedure: 'auth.changePassword',
    page: lazyPage(() => import('./auth/change-password-page.tsx'), 'ChangePasswordPage'),
  },
];

export function mayOpen(route: AppRoute, user: CurrentUser): boolean {
  return userMay(user, route.procedure);
}
