import type { Role } from './enums.ts';

/**
 * The access policy: for every API procedure, who may call it, whether results and targets are
 * limited to the caller's districts, whether it returns people (redacted by `personView`), and
 * how it is audited. The API refuses to serve a procedure that has no entry here, and the
 * authorization matrix test is generated from this table and the router's procedure list.
 */
export type Caller = 'anyone' | 'signed-in' | readonly Role[];

export interface ProcedurePolicy {
  callers: Caller;
  /** 'district': reads and writes are limited to the caller's district scope (analysts: all). */
  scope: 'none' | 'district';
  /** Roles for which this procedure is not limited by district (besides police analysts). */
  unscopedRoles?: readonly Role[];
  /** Returns people, each shown as `personView` allows for the caller's roles. */
  returnsPeople: boolean;
  /** Aggregates: counts of people 1–4 become "<5" for callers without person-level access. */
  suppressSmallCounts: boolean;
  audit: 'none' | 'auth' | 'read' | 'search' | 'change' | 'export';
  summary: string;
}

const personLevel = ['police_analyst', 'missing_coordinator'] as const;
const partners = ['police_analyst', 'missing_coordinator', 'district_officer', 'nsd_attendee'] as const;

function policy(callers: Caller, scope: ProcedurePolicy['scope'], audit: ProcedurePolicy['audit'], summary: string) {
  return { callers, scope, audit, summary, returnsPeople: false, suppressSmallCounts: false } satisfies ProcedurePolicy;
}

export const procedurePolicies = {
  'auth.login': policy('anyone', 'none', 'auth', 'sign in with email and password'),
  'auth.logout': policy('signed-in', 'none', 'auth', 'end the session'),
  'auth.changePassword': policy('signed-in', 'none', 'change', 'change your own password (strength-checked)'),
  'auth.me': policy('signed-in', 'none', 'none', 'who am I: roles and districts'),
  'auth.session': policy('anyone', 'none', 'none', 'who is signed in, or nobody (no 401 for a visitor)'),
  'auth.providers': policy('anyone', 'none', 'none', 'sign-in methods on offer (single sign-on or not)'),

  'people.search': {
    ...policy([...personLevel, 'district_officer'], 'district', 'search', 'fuzzy name, date of birth, flags'),
    returnsPeople: true,
  },
  'people.get': {
    ...policy([...personLevel, 'district_officer'], 'district', 'read', 'one person, as the role may see them'),
    returnsPeople: true,
  },
  'people.create': {
    ...policy(personLevel, 'district', 'change', 'record a child (coordinators) or any person (analysts)'),
    returnsPeople: true,
  },
  'people.update': {
    ...policy(personLevel, 'district', 'change', 'change a person; a stale version is a CONFLICT'),
    returnsPeople: true,
  },
  // Duplicate people (issue 14): finding candidates compares names and dates of birth, so only
  // the roles that see people in full may do it (never district officers or NSD attendees), in
  // their districts. Merging and undoing a merge change whose records are whose: analysts only.
  'people.duplicates': {
    ...policy(personLevel, 'district', 'read', 'possible duplicates of one person, with score and reasons'),
    returnsPeople: true,
  },
  'people.duplicateList': {
    ...policy(personLevel, 'district', 'search', 'possible duplicate pairs in the caller’s districts'),
    returnsPeople: true,
  },
  'people.merge': {
    ...policy(['police_analyst'], 'district', 'change', 'merge one person into another, with a reason; undoable'),
    returnsPeople: true,
  },
  'people.unmerge': {
    ...policy(['police_analyst'], 'district', 'change', 'undo a merge exactly, with a reason'),
    returnsPeople: true,
  },

  'places.list': policy(partners, 'district', 'none', 'places of concern in the caller’s districts'),
  'places.get': {
    ...policy(partners, 'district', 'none', 'one place of concern, with a count of the people linked to it'),
    // The linked-people count is a count of people, so it is suppressed like any other.
    suppressSmallCounts: true,
  },
  'places.history': policy(partners, 'district', 'none', 'who created and changed a place, and when'),
  'places.create': policy(['police_analyst', 'district_officer'], 'district', 'change', 'record a place of concern'),
  'places.update': policy(['police_analyst', 'district_officer'], 'district', 'change', 'change a place of concern'),

  // Vehicles (issue 14) as people: the roles that see people find and read them, the roles that
  // record people record and change them. A registration is not tied to a district.
  'vehicles.search': policy(
    [...personLevel, 'district_officer'],
    'none',
    'search',
    'vehicles by part of a registration',
  ),
  'vehicles.get': policy([...personLevel, 'district_officer'], 'none', 'read', 'one vehicle'),
  'vehicles.create': policy(personLevel, 'none', 'change', 'record a vehicle by its registration'),
  'vehicles.update': policy(personLevel, 'none', 'change', 'change a vehicle; a stale version is a CONFLICT'),

  'links.create': policy(['police_analyst'], 'none', 'change', 'link two records, citing the source record'),
  'links.listForEntity': {
    ...policy([...personLevel, 'district_officer'], 'district', 'read', 'links of one record'),
    returnsPeople: true,
  },

  // The intelligence cycle (issue 14). Every partner submits (ungraded: the police grade) and
  // sees only the status of their own submissions; police analysts evaluate, grade, sanitise and
  // develop. What partners see of a developed report follows its handling code (share-back,
  // intelligence/status.ts), in every procedure, tile, network and agenda.
  'intelligence.submit': policy(partners, 'none', 'change', 'submit intelligence, with attachments (no read-back)'),
  'intelligence.mine': policy(partners, 'none', 'search', 'your own submissions and their status, nothing more'),
  'intelligence.withdraw': policy(partners, 'none', 'change', 'withdraw your own submission made in error'),
  'intelligence.list': policy(['police_analyst'], 'district', 'search', 'intelligence reports'),
  'intelligence.queue': policy(
    ['police_analyst'],
    'district',
    'search',
    'reports awaiting evaluation, oldest first, by district',
  ),
  'intelligence.queueCount': policy(['police_analyst'], 'district', 'none', 'how many reports await evaluation'),
  'intelligence.get': {
    ...policy(['police_analyst'], 'district', 'read', 'one report: original text, gradings, subjects, links'),
    returnsPeople: true,
  },
  'intelligence.attachment': policy(['police_analyst'], 'none', 'read', 'one attachment of a report'),
  'intelligence.grade': {
    ...policy(['police_analyst'], 'none', 'change', 'grade or re-grade 3x5x2 (history kept)'),
    returnsPeople: true,
  },
  'intelligence.sanitise': {
    ...policy(['police_analyst'], 'none', 'change', 'the text for wider sharing (the original is kept)'),
    returnsPeople: true,
  },
  'intelligence.develop': {
    ...policy(
      ['police_analyst'],
      'none',
      'change',
      'match or record subjects, place and vehicles, and link them citing the report',
    ),
    returnsPeople: true,
  },
  'intelligence.close': {
    ...policy(['police_analyst'], 'none', 'change', 'close a report with no further action'),
    returnsPeople: true,
  },

  'districts.list': {
    ...policy(
      'signed-in',
      'none',
      'none',
      'the eight districts with counts; people-derived counts of 1–4 show as "<5"',
    ),
    suppressSmallCounts: true,
  },

  'map.places': policy(partners, 'district', 'none', 'every place of concern in scope, compactly, for the map'),
  'map.layers': policy('signed-in', 'none', 'none', 'the map layers the caller may draw, with their dates and types'),
  'map.orientation': policy('signed-in', 'none', 'none', 'town and ward names for the offline map'),
  'map.streetNames': policy('signed-in', 'none', 'none', 'street names in a view, from police.uk map points'),

  // Hot-spot analytics (issue 6): partners in their districts. Missing episodes and intelligence
  // are about people, so their counts of 1–4 read "<5" for roles without person-level access;
  // hotspots.cell lists records one by one only as the role may see them (and audits episodes).
  'hotspots.compute': {
    ...policy(partners, 'district', 'none', 'Getis-Ord Gi* hot spots of one event source on a grid (every cell)'),
    suppressSmallCounts: true,
  },
  'hotspots.density': policy(partners, 'district', 'none', 'quartic kernel density surface of one event source'),
  'hotspots.emerging': policy(partners, 'district', 'none', 'emerging hot-spot patterns over monthly slices'),
  'hotspots.cell': {
    ...policy(partners, 'district', 'read', 'what is inside one grid cell, as the role may see it'),
    suppressSmallCounts: true,
  },
  'hotspots.repeatLocations': {
    ...policy(partners, 'district', 'none', 'locations with repeat events, ranked'),
    suppressSmallCounts: true,
  },

  // Network views (issue 13): link charts and their metrics are person-level reads, audited with
  // everyone shown. Analysts see the county; coordinators and district officers their districts,
  // each person as their view allows (children pseudonymised for district officers). NSD
  // attendees see no network: a chart of who knows whom among children is more than a
  // multi-agency meeting needs, and their agenda already carries the pseudonymised items.
  // C-coded intelligence (handling conditions) carries ties for police analysts only.
  'network.district': {
    ...policy(
      [...personLevel, 'district_officer'],
      'district',
      'read',
      'a district’s network with centrality, communities and weak-intelligence checks',
    ),
    returnsPeople: true,
  },
  'network.ego': {
    ...policy(
      [...personLevel, 'district_officer'],
      'district',
      'read',
      'one person’s, place’s or vehicle’s network to 1–3 hops',
    ),
    returnsPeople: true,
  },
  'network.paths': {
    ...policy(
      [...personLevel, 'district_officer'],
      'district',
      'read',
      'the shortest paths between two entities, each step with its records',
    ),
    returnsPeople: true,
  },
  'network.export': {
    ...policy(
      [...personLevel, 'district_officer'],
      'district',
      'export',
      'a network as i2 ANX or CSV, GraphML, GEXF or JSON',
    ),
    returnsPeople: true,
  },

  // Neighbourhood Safeguarding and Disruption (issue 7). The tactic catalogue is data every
  // signed-in user may read and only administrators edit. Disruption actions and NSD meetings
  // are district-scoped; recording and moving actions is for police analysts and district
  // officers, and `assertMayActOnDisruption` (disruption/may-act.ts) adds the tactic-by-agency
  // rule. People appear only as `personView` allows: targets are associates, and the agenda's
  // children of concern are pseudonymised for district officers and NSD attendees.
  'tactics.list': policy('signed-in', 'none', 'none', 'the tactic catalogue'),
  'tactics.holders': policy(
    ['police_analyst', 'district_officer'],
    'none',
    'none',
    'the agencies that may hold a tactic’s power, to record an action for one of them',
  ),
  'tactics.update': policy(['admin'], 'none', 'change', 'edit a tactic of the catalogue'),
  'tactics.create': policy(['admin'], 'none', 'change', 'add a tactic to the catalogue'),
  'disruption.create': {
    ...policy(['police_analyst', 'district_officer'], 'district', 'change', 'record a disruption action'),
    returnsPeople: true,
  },
  'disruption.transition': {
    ...policy(
      ['police_analyst', 'district_officer'],
      'district',
      'change',
      'move an action along its allowed statuses, with the reason; a stale version is a CONFLICT',
    ),
    returnsPeople: true,
  },
  'disruption.list': {
    ...policy(partners, 'district', 'read', 'disruption actions, with reviews and expiries due per district and owner'),
    returnsPeople: true,
  },
  'disruption.get': {
    ...policy(partners, 'district', 'read', 'one disruption action with its status history'),
    returnsPeople: true,
  },
  'disruption.effect': {
    ...policy(partners, 'district', 'none', 'incidents near the target before and after it came into force'),
    // Missing children's found locations are person-derived: 1–4 read "<5" without person-level access.
    suppressSmallCounts: true,
  },
  'disruption.forMap': policy(partners, 'district', 'none', 'actions in force on places, with their points'),
  'nsd.listMeetings': policy(partners, 'district', 'none', 'NSD meetings of the caller’s districts'),
  'nsd.createMeeting': policy(['police_analyst', 'district_officer'], 'district', 'change', 'arrange an NSD meeting'),
  'nsd.agenda': {
    ...policy(partners, 'district', 'read', 'the agenda built for a meeting, with its minutes'),
    returnsPeople: true,
  },
  'nsd.recordMinutes': policy(
    ['police_analyst', 'district_officer'],
    'district',
    'change',
    'minute an agenda item; replacing a minute needs its version',
  ),
  'nsd.actionLog': policy(partners, 'district', 'none', 'the action log as it stands at a meeting'),
  'nsd.addAction': policy(['police_analyst', 'district_officer'], 'district', 'change', 'add to the action log'),
  'nsd.updateAction': policy(
    ['police_analyst', 'district_officer'],
    'district',
    'change',
    'update or close an action log item; a stale version is a CONFLICT',
  ),
  'nsd.pack': {
    ...policy(partners, 'district', 'export', 'the printable meeting pack, redacted for the reader'),
    returnsPeople: true,
  },

  'audit.forRecord': {
    ...policy(
      ['admin', 'missing_coordinator'],
      'district',
      'read',
      'who accessed a person’s record: admins for anyone, coordinators for the children in their districts',
    ),
    unscopedRoles: ['admin'],
  },
  // Administration (issue 18): accounts, and the audit viewer with the chain's verification.
  // Administrators see no person data here, only who did what to which record id, and when.
  'audit.search': policy(['admin'], 'none', 'search', 'the audit trail by record, user, action and dates, paged'),
  'audit.verify': policy(['admin'], 'none', 'read', 'walk the audit hash chain (as `lantern audit verify`)'),
  'users.list': policy(['admin'], 'none', 'search', 'user accounts with roles, districts and agency'),
  'users.create': policy(['admin'], 'none', 'change', 'create an account with a temporary or generated password'),
  'users.update': policy(
    ['admin'],
    'none',
    'change',
    'change roles, districts, agency or name, or disable/enable an account; a stale version is a CONFLICT',
  ),
  'users.resetPassword': policy(
    ['admin'],
    'none',
    'change',
    'set a temporary or generated password and end the account’s sessions',
  ),

  // Children missing from home and care (issue 5): the coordinator's workflow. Person-level
  // roles only, limited to the children of the caller's districts; every read and change audited.
  'missing.recordEpisode': {
    ...policy(personLevel, 'district', 'change', 'record a child reported missing'),
    returnsPeople: true,
  },
  'missing.importEpisodes': policy(
    ['missing_coordinator'],
    'none',
    'change',
    'import the county’s missing-episodes CSV (all-or-nothing unless asked; the feed covers the whole county)',
  ),
  'missing.regradeRisk': {
    ...policy(personLevel, 'district', 'change', 're-grade an episode’s police risk (who, when, why kept)'),
    returnsPeople: true,
  },
  'missing.recordReturn': {
    ...policy(personLevel, 'district', 'change', 'record the return: when, where found, by whom, RHI service'),
    returnsPeople: true,
  },
  'missing.closeEpisode': {
    ...policy(personLevel, 'district', 'change', 'close an episode after the return'),
    returnsPeople: true,
  },
  'missing.listEpisodes': {
    ...policy(personLevel, 'district', 'search', 'missing episodes, newest first'),
    returnsPeople: true,
  },
  'missing.getEpisode': {
    ...policy(personLevel, 'district', 'read', 'one episode with re-gradings, interview, meetings, Philomena part 2'),
    returnsPeople: true,
  },
  'missing.interviewsDue': {
    ...policy(personLevel, 'district', 'search', 'Return Home Interviews due in 24 hours and overdue, by service'),
    returnsPeople: true,
  },
  'missing.recordInterview': policy(
    personLevel,
    'district',
    'change',
    'record a Return Home Interview; disclosed exploitation raises the child’s flag',
  ),
  'missing.meetingsNeeded': {
    ...policy(personLevel, 'district', 'search', 'episodes that require a multi-agency meeting and have none'),
    returnsPeople: true,
  },
  'missing.recordMeeting': policy(personLevel, 'district', 'change', 'record a multi-agency meeting as held'),
  'missing.getThresholds': policy(
    ['admin', ...personLevel],
    'none',
    'none',
    'the multi-agency meeting thresholds (hours missing, episodes, window days)',
  ),
  'missing.setThresholds': policy(['admin'], 'none', 'change', 'change the multi-agency meeting thresholds'),
  'missing.quarterlyFigures': policy(
    personLevel,
    'district',
    'none',
    'the committee figures by quarter, last eight quarters (counts of episodes, no records)',
  ),
  'missing.philomena.get': {
    ...policy(personLevel, 'district', 'read', 'a child in care’s Philomena profile (latest version) and its history'),
    returnsPeople: true,
  },
  'missing.philomena.save': {
    ...policy(
      personLevel,
      'district',
      'change',
      'save a new version of a Philomena profile (photo: images only, 1 MiB)',
    ),
    returnsPeople: true,
  },
  'missing.philomena.print': {
    ...policy(personLevel, 'district', 'export', 'the one-page Philomena document for the police, with the reason'),
    returnsPeople: true,
  },
  'missing.philomena.savePart2': policy(
    personLevel,
    'district',
    'change',
    'Philomena part 2 on an episode: clothing and where last seen',
  ),
  'missing.multipleMissing': {
    ...policy(personLevel, 'district', 'search', 'children missing most in a period and where children are found most'),
    returnsPeople: true,
  },

  // Exploitation risk (issue 15): the committee figures are the county's aggregates (counts of
  // children, no records), for the person-level roles as the missing figures are; not scoped.
  'exploitation.report': policy(
    personLevel,
    'none',
    'none',
    'the CSE or CCE committee figures for a period (counts of children, no records)',
  ),
  'exploitation.committeeTable': policy(
    personLevel,
    'none',
    'none',
    'the CSE or CCE committee table: the last four financial years side by side',
  ),
  // A child's exploitation records (issue 15): the person-level roles, for the children of their
  // districts; every read and change audited (the events are the flag's history).
  'exploitation.recordStep': {
    ...policy(personLevel, 'district', 'change', 'record a concern, MASH referral, strategy meeting or ICPC'),
    returnsPeople: true,
  },
  'exploitation.recordAssessment': {
    ...policy(personLevel, 'district', 'change', 'record a risk assessment; the child’s flag follows it'),
    returnsPeople: true,
  },
  'exploitation.recordPathway': policy(
    personLevel,
    'district',
    'change',
    'record a child’s predominant pathway (lead panel) with the reason',
  ),
  'exploitation.childHistory': {
    ...policy(personLevel, 'district', 'read', 'a child’s exploitation history: events, pathway, panels'),
    returnsPeople: true,
  },
  // MASE and CCE panels are county-wide: coordinators and analysts arrange them and decide for any
  // child in the county; district officers and NSD attendees who attend read the agenda for the
  // children of their districts, NSD attendees seeing them pseudonymised.
  'exploitation.panelMeetings': policy(partners, 'none', 'none', 'MASE or CCE panel meetings (county-wide)'),
  'exploitation.createPanelMeeting': policy(personLevel, 'none', 'change', 'arrange a MASE or CCE panel meeting'),
  'exploitation.panelAgenda': {
    ...policy(partners, 'district', 'read', 'a panel meeting’s agenda built from the records'),
    unscopedRoles: ['missing_coordinator'],
    returnsPeople: true,
  },
  // Minutes and the action log work as NSD meetings' do, county-wide: coordinators and analysts
  // write them; the log (no people in it) is read by the partners who read panel meetings.
  'exploitation.panelMinutes': policy(
    personLevel,
    'none',
    'change',
    'minute a panel agenda item; replacing a minute needs its version',
  ),
  'exploitation.panelActionLog': policy(partners, 'none', 'none', 'a panel’s action log as it stands at a meeting'),
  'exploitation.addPanelAction': policy(personLevel, 'none', 'change', 'add to a panel’s action log'),
  'exploitation.updatePanelAction': policy(
    personLevel,
    'none',
    'change',
    'update or close a panel action log item; a stale version is a CONFLICT',
  ),
  'exploitation.panelDecision': {
    ...policy(personLevel, 'district', 'change', 'list, review or close a child, perpetrator or place, with reason'),
    unscopedRoles: ['missing_coordinator'],
  },

  // Contextual Safeguarding (issue 15). Location assessments are about places, which every
  // partner works on; peer-group assessments name people, so only the person-level roles read or
  // write them (members audited). The warnings and the early-identification list are analysts'
  // and coordinators'.
  'contextual.createLocationAssessment': policy(
    ['police_analyst', 'missing_coordinator', 'district_officer'],
    'district',
    'change',
    'assess a place of concern: times, guardianship, what makes it unsafe, plan, owner, review date',
  ),
  'contextual.updateLocationAssessment': policy(
    ['police_analyst', 'missing_coordinator', 'district_officer'],
    'district',
    'change',
    'change or review a location assessment (history kept); a stale version is a CONFLICT',
  ),
  'contextual.getLocationAssessment': policy(partners, 'district', 'read', 'one location assessment with its history'),
  'contextual.createPeerGroupAssessment': {
    ...policy(personLevel, 'district', 'change', 'assess a peer group: members, shared places, dynamics, safety plan'),
    returnsPeople: true,
  },
  'contextual.updatePeerGroupAssessment': {
    ...policy(
      personLevel,
      'district',
      'change',
      'change or review a peer-group assessment; a stale version is a CONFLICT',
    ),
    returnsPeople: true,
  },
  'contextual.getPeerGroupAssessment': {
    ...policy(personLevel, 'district', 'read', 'one peer-group assessment with its members and history'),
    returnsPeople: true,
  },
  'contextual.list': policy(
    partners,
    'district',
    'none',
    'contextual assessments of the caller’s districts (no names)',
  ),
  'contextual.listDue': policy(
    partners,
    'district',
    'none',
    'contextual assessments due for review on a day (or never reviewed), no names',
  ),
  'contextual.namesWithoutActions': {
    ...policy(
      personLevel,
      'district',
      'search',
      'people and places linked to children at high risk with no action, assessment or review date',
    ),
    returnsPeople: true,
  },
  'contextual.earlyIdentification': {
    ...policy(
      personLevel,
      'district',
      'search',
      'children not yet flagged who show two or more recorded signals, with the records behind each',
    ),
    returnsPeople: true,
  },

  // Problem profiles (issue 16). Police analysts write them; the approval rule is a second pair of
  // eyes: a version sent for review is approved by another police analyst, never by its author
  // nor by whoever sent it for review (approve-profile.ts, and a CHECK in SQL). Partners read the
  // partner edition (counts of people 1–4 as "<5", nothing naming people) of approved versions
  // whose districts all lie within their scope; drafts and other districts' profiles are NOT_FOUND.
  'profiles.list': policy(partners, 'district', 'read', 'problem profiles: analysts all, partners approved ones'),
  'profiles.get': {
    ...policy(
      partners,
      'district',
      'read',
      'one profile version, its meta and what changed (partners: partner edition)',
    ),
    suppressSmallCounts: true,
  },
  'profiles.create': policy(
    ['police_analyst'],
    'none',
    'change',
    'start a profile: figures for its terms, version 1 draft',
  ),
  'profiles.saveWriting': policy(
    ['police_analyst'],
    'none',
    'change',
    'save the assessments and recommendations; a stale revision is a CONFLICT',
  ),
  'profiles.updateTerms': policy(
    ['police_analyst'],
    'none',
    'change',
    'change a draft’s terms and recompute its figures',
  ),
  'profiles.refresh': policy(
    ['police_analyst'],
    'none',
    'change',
    'recompute a draft’s figures, keeping the old for “what changed”',
  ),
  'profiles.submit': policy(['police_analyst'], 'none', 'change', 'send a draft for review by a second analyst'),
  'profiles.approve': policy(
    ['police_analyst'],
    'none',
    'change',
    'approve a version under review: a second analyst, not its author or submitter; approved is immutable',
  ),
  'profiles.returnToDraft': policy(
    ['police_analyst'],
    'none',
    'change',
    'return a version under review to draft with a reason',
  ),
  'profiles.newVersion': policy(['police_analyst'], 'none', 'change', 'start draft n+1 from approved version n'),
  'profiles.figureRecords': policy(
    partners,
    'district',
    'read',
    'the records behind one figure, people as the role may see them',
  ),
  'profiles.export': {
    ...policy(partners, 'district', 'export', 'a profile version as DOCX or Markdown (partners: partner edition)'),
    suppressSmallCounts: true,
  },
  'profiles.recordPrint': policy(partners, 'district', 'export', 'record the printing of a profile version'),
} as const satisfies Record<string, ProcedurePolicy>;

export type ProcedureName = keyof typeof procedurePolicies;

export function policyFor(path: string): ProcedurePolicy | undefined {
  return Object.hasOwn(procedurePolicies, path) ? procedurePolicies[path as ProcedureName] : undefined;
}

/** Whether a caller with these roles (none when signed out) may call a procedure at all. */
export function mayCall(policy: ProcedurePolicy, roles: readonly Role[] | null): boolean {
  if (policy.callers === 'anyone') return true;
  if (roles === null) return false;
  if (policy.callers === 'signed-in') return true;
  const allowed = policy.callers as readonly Role[];
  return roles.some((role) => allowed.includes(role));
}

/**
 * The caller's district scope for a procedure: every district for police analysts and for the
 * policy's unscoped roles, else the districts the caller is assigned.
 */
export function districtScope(
  roles: readonly Role[],
  assigned: readonly string[],
  policy?: Pick<ProcedurePolicy, 'unscopedRoles'>,
): 'all' | readonly string[] {
  const unscoped = roles.some((role) => role === 'police_analyst' || policy?.unscopedRoles?.includes(role));
  return unscoped ? 'all' : assigned;
}

export function inScope(scope: 'all' | readonly string[], districtCode: string | null): boolean {
  return scope === 'all' || (districtCode !== null && scope.includes(districtCode));
}

/**
 * Who may draw each vector-tile layer (`/tiles/<layer>/…`). Tiles carry clustered counts and the
 * commonest type, never a record's identity. Crime is open police.uk data; intelligence is shown
 * to partners in their districts; missing episodes' places are person-derived (a found location
 * can be a home), so only roles with person-level access draw them.
 */
export const tileLayerPolicies = {
  crime: policy('signed-in', 'none', 'none', 'police.uk street crime (open data), clustered'),
  // A cluster of 1–4 reports marks where one report was made: roles without person-level access
  // see only clusters of 5 or more, as they see "<5" everywhere else.
  intelligence: {
    ...policy(
      ['police_analyst', 'district_officer', 'nsd_attendee'],
      'district',
      'none',
      'intelligence report locations in the caller’s districts, clustered, no content',
    ),
    suppressSmallCounts: true,
  },
  'missing-last-seen': policy(personLevel, 'district', 'none', 'where missing children were last seen, clustered'),
  'missing-found': policy(personLevel, 'district', 'none', 'where missing children were found, clustered'),
} as const satisfies Record<string, ProcedurePolicy>;

/** The vector-tile layers: the keys of `tileLayerPolicies`, so a layer cannot exist without a policy. */
export type TileLayer = keyof typeof tileLayerPolicies;
export const tileLayers = Object.keys(tileLayerPolicies) as readonly TileLayer[];

export function isTileLayer(value: string): value is TileLayer {
  return Object.hasOwn(tileLayerPolicies, value);
}
