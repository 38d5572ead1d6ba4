export { type BoundaryLoadReport, loadBoundaries } from './boundaries.ts';
export {
  type BoundaryLayer,
  boundaryLayerGeoJson,
  boundaryLayers,
  boundaryLayerVersion,
  isBoundaryLayer,
} from './boundaries-geojson.ts';
export { bulkInsert, type ColumnSpec } from './bulk-insert.ts';
export {
  type Backend,
  type Database,
  type DatabaseOptions,
  defaultDataDir,
  openDatabase,
  pgliteDatabase,
  startPglite,
} from './connect.ts';
export {
  type AssessmentReviewRow,
  type AssessmentSummaryRow,
  type AssessmentType,
  type AssessmentUpdateOutcome,
  assessmentReviews,
  contextualAssessmentsDue,
  getLocationAssessment,
  getPeerGroupAssessment,
  insertAssessmentReview,
  insertLocationAssessment,
  insertPeerGroupAssessment,
  type LocationAssessmentRow,
  listAssessments,
  type NameWithoutActionRow,
  namesWithoutActions,
  type PeerGroupAssessmentRow,
  updateLocationAssessment,
  updatePeerGroupAssessment,
} from './contextual-safeguarding.ts';
export { type CopyValue, copyTextRow } from './copy-text.ts';
export { crimeEventPartitionMonths, ensureCrimeEventPartitions } from './crime-event-partitions.ts';
export {
  type CsvImportCounts,
  type CsvImportOptions,
  type CsvImportSpec,
  type CsvRowResult,
  importCsvStream,
} from './csv-import.ts';
export { type DistrictScope, districtScopeFilter, districtScopeSql } from './district-scope.ts';
export {
  childrenBySex,
  type EarlySignalQuery,
  type EarlySignalRow,
  earlySignalRecords,
} from './early-identification.ts';
export {
  type ExploitationImportOptions,
  type ExploitationImportReport,
  followLatestAssessments,
  importExploitationEventsFile,
  importExploitationEventsStream,
} from './exploitation-import.ts';
export {
  childrenNewlyAssessedHigh,
  countyDistrictCodes,
  getPanelMeeting,
  insertPanelDecision,
  insertPanelMeeting,
  isListed,
  listedChildren,
  listPanelMeetings,
  type PanelDecisionRow,
  type PanelMeetingRow,
  panelDecisionsFor,
  panelMeetingOn,
  perpetratorsWithNewIntelligence,
  placesLinkedWithNewIntelligence,
  previousPanelMeeting,
} from './exploitation-panels.ts';
export { exploitationReportRows, firstExploitationEventDate } from './exploitation-report.ts';
export {
  type ExploitationEventRow,
  getExploitationEvent,
  insertExploitationEvent,
  insertPathway,
  listChildExploitationEvents,
  listPathway,
  type NewExploitationEvent,
  type PathwayRow,
  setRiskFromAssessment,
} from './exploitation-workflow.ts';
export { appliedMigrations, type MigrationReport, migrate, readMigrations } from './migrate.ts';
export {
  importMissingEpisodesFile,
  importMissingEpisodesStream,
  type MissingImportOptions,
  type MissingImportReport,
} from './missing-import.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { shippedPath } from './paths.ts';
export {
  crimeEventColumns,
  importPoliceUkFile,
  importPoliceUkStream,
  type PoliceUkImportOptions,
  type PoliceUkImportReport,
  PoliceUkKeyer,
  type RejectedRow,
  rejectsCsv,
} from './police-uk-import.ts';
export { closePoliceUkReaders, startPoliceUkReaders } from './police-uk-reader.ts';
export {
  changeProfileVersion,
  getProfileVersion,
  insertProblemProfile,
  insertProfileVersion,
  listProblemProfiles,
  listProfileVersions,
  type ProfileListRow,
  type ProfileVersionChange,
  type ProfileVersionRow,
  profileVersionFigures,
} from './problem-profiles.ts';
export {
  isReplicaUnavailable,
  parseLsn,
  type Reader,
  type ReadReplicaOptions,
  type ReadTarget,
  ReplicaRouter,
  type ReplicaState,
  replicaLagSeconds,
  type WalSample,
} from './read-replica.ts';
export { dropEverything } from './reset.ts';
export { sessionSettingsSql } from './session-settings.ts';
export type { QueryOptions, Sql, TransactionalSql } from './sql.ts';
export { type DatabaseStatus, databaseStatus } from './status.ts';

import { loadBoundaries } from './boundaries.ts';
import type { Database } from './connect.ts';
import { refreshCrimeTileCells } from './crime-tile-cells.ts';
import { migrate } from './migrate.ts';

/** Applies pending migrations and loads the bundled boundaries: what `lantern db migrate` does. */
export async function migrateAndLoad(db: Database) {
  const migrations = await migrate(db.sql);
  const boundaries = await loadBoundaries(db.sql);
  // Crimes loaded before the tile cells existed (or written without a refresh) are counted now.
  await db.sql.transaction((tx) => refreshCrimeTileCells(tx));
  return { migrations, boundaries };
}
export {
  type AuditAction,
  type AuditInput,
  type AuditVerification,
  appendAudit,
  appendAuditSql,
  auditHash,
  auditLeafHash,
  auditSigningKey,
  canonicalJson,
  developmentAuditKey,
  genesisHash,
  queryWithAudit,
  sealAuditBatch,
  type UnsealedWindow,
  unsealedAuditWindow,
  verifyAuditChain,
} from './audit.ts';
export {
  type AuditSearch,
  type AuditSearchRow,
  auditEventsForRecord,
  latestChangeOf,
  type RecordAccessRow,
  searchAuditEvents,
} from './audit-queries.ts';
export { type AuditSealer, startAuditSealer } from './audit-sealer.ts';
export {
  cellTileSql,
  clusterCellUnits,
  crimeCellLevel,
  crimeTileCellsCurrent,
  crimeTileTotalMaxZoom,
  refreshCrimeTileCells,
  webMercatorSql,
} from './crime-tile-cells.ts';
export { bumpDataVersion, type DataVersions, tileDataVersion } from './data-version.ts';
export {
  applyDisruptionPlan,
  type DisruptionQuery,
  type DisruptionRow,
  type DueRow,
  disruptionDue,
  disruptionInForceOnPlaces,
  type EffectCounts,
  effectCounts,
  getDisruption,
  insertDisruption,
  insertStatusChange,
  listDisruption,
  listStatusChanges,
  type MapActionRow,
  type StatusChangeRow,
} from './disruption.ts';
export { type DistrictCountsRow, districtCounts, districtCountsVersion } from './districts.ts';
export { type DuplicatePairQuery, type DuplicatePairRow, findDuplicatePairs } from './duplicate-people.ts';
export {
  type HotspotEventQuery,
  type HotspotEventRow,
  type HotspotPointRow,
  hotspotEventPoints,
  hotspotEvents,
  hotspotStudyArea,
  type StudyAreaRow,
} from './hotspot-events.ts';
export {
  type CachedSession,
  clearLoginFailures,
  createSession,
  endSession,
  findAgency,
  findLoginCandidate,
  findPrincipal,
  hashToken,
  lockedUntil,
  type Principal,
  type ResolvedSession,
  recordLoginFailure,
  replacePassword,
  resolveSession,
  type SessionPolicy,
  throttlePolicy,
  userExists,
} from './identity.ts';
export {
  changeIntelligence,
  entityLabels,
  getAttachment,
  getIntelligence,
  type IntelligenceChange,
  type IntelligenceDetailRow,
  type IntelligenceQueueRow,
  type IntelligenceReceiptRow,
  type IntelligenceRow,
  type IntelligenceStateRow,
  intelligenceParts,
  intelligenceQueue,
  intelligenceQueueByDistrict,
  intelligenceShareStates,
  listIntelligence,
  lockIntelligence,
  type MySubmissionRow,
  matchVehicle,
  mySubmissions,
  openIntelligenceCount,
  recordGrading,
  resolveSubject,
  type StoredAttachment,
  type Submitter,
  subjectPositions,
  submitIntelligence,
} from './intelligence.ts';
export {
  type IntelligenceImportOptions,
  type IntelligenceImportReport,
  importIntelligenceFile,
  importIntelligenceStream,
} from './intelligence-import.ts';
export { sharedIntelligenceSql } from './intelligence-share.ts';
export {
  createLink,
  findLinkable,
  type LinkableRecord,
  type LinkedSummaries,
  type LinkRow,
  linkedSummaries,
  listLinksOf,
  sourceExists,
  vehicleExists,
} from './links.ts';
export type { ChannelHandlers, Listening, ReconnectOptions } from './listen.ts';
export { type LayerExtentRow, mapLayerExtents } from './map-layers.ts';
export {
  bumpMissingEpisode,
  childrenMissingMost,
  closeChange,
  episodesWithoutMeeting,
  episodeTimingsOf,
  type FoundPlaceRow,
  type FrequentChildRow,
  foundPlacesMost,
  getMissingEpisode,
  getMissingThresholds,
  getMultiAgencyMeeting,
  insertMissingEpisode,
  insertMultiAgencyMeeting,
  insertRiskGrading,
  listMissingEpisodes,
  type MissingEpisodeChange,
  type MissingEpisodeQuery,
  type MissingEpisodeRow,
  type MultiAgencyMeetingRow,
  missingEpisodeScope,
  missingFiguresData,
  multiAgencyMeetingsOf,
  type NewMissingEpisode,
  type ReportChildRow,
  type ReportEpisodeRow,
  type RiskGradingRow,
  regradeChange,
  returnChange,
  riskGradingsOf,
  setMissingThresholds,
  type ThresholdsRow,
} from './missing-workflow.ts';
export {
  type CoMissingRow,
  coMentionLinks,
  coMissingEpisodes,
  type DisruptionTargetRow,
  disruptionTargeting,
  districtNetworkSeeds,
  episodesFoundAtPlaces,
  type FoundAtRow,
  type NetworkEntityType,
  type NetworkLinkRow,
  type NetworkPeriod,
  type NetworkPlaceRow,
  type NetworkRecordRow,
  type NetworkVehicleRow,
  networkEntities,
  networkLinks,
} from './network.ts';
export {
  type ActionItemRow,
  type ActionLogOwner,
  actionLogAt,
  childrenOfConcern,
  getActionItem,
  getMeeting,
  insertActionItem,
  insertMeeting,
  listMeetings,
  listMinutes,
  type MeetingRow,
  type MinutedMeeting,
  type MinuteRow,
  meetingOn,
  placesWithNewIntelligence,
  previousMeeting,
  updateActionItem,
  writeMinute,
} from './nsd.ts';
export {
  type ConsumedOidcLogin,
  consumeOidcLogin,
  type OidcIdentity,
  type OidcLoginStart,
  type OidcRefusal,
  type OidcSignIn,
  oidcLoginLifetimeMinutes,
  provisionOidcUser,
  saveOidcLogin,
} from './oidc-users.ts';
export {
  type LabelPoint,
  namePoints,
  policeUkPointCategories,
  streetNamesWithin,
  wardLabelPoints,
} from './orientation.ts';
export {
  createPerson,
  getPeople,
  getPerson,
  type PeopleQuery,
  type PersonRow,
  type PersonSearchRow,
  searchPeopleStatement,
  type UpdateOutcome,
  updatePerson,
} from './people.ts';
export type { Periodic } from './periodic.ts';
export {
  getPersonMerge,
  listMergesInto,
  lockPeopleForMerge,
  type MergeLockRow,
  type MovedReference,
  mergePersonRows,
  type PersonMergeRow,
  personReferenceColumns,
  undoPersonMerge,
} from './person-merge.ts';
export {
  existingPlaceIds,
  insertPhilomenaProfile,
  latestPhilomenaProfile,
  lockPersonForProfile,
  type NewPhilomenaProfile,
  type PhilomenaProfileRow,
  philomenaPart2Of,
  philomenaVersions,
  savePhilomenaPart2,
} from './philomena.ts';
export {
  countPeopleLinkedToPlace,
  createPlace,
  districtAt,
  getPlace,
  listPlaces,
  type MapPlaceRow,
  mapPlaces,
  type PlaceRow,
  type PlaceUpdateOutcome,
  updatePlace,
} from './places.ts';
export {
  importPlacesFile,
  importPlacesText,
  type PlacesImportOptions,
  type PlacesImportReport,
} from './places-import.ts';
export type { PrismaTx, PrismaTx as Transaction } from './prisma-tx.ts';
export {
  computeProfileFigures,
  districtOutlines,
  type FigureRecord,
  listFigureRecords,
  type ProfileEffectTarget,
  type ProfileFigureParams,
  type ProfilePersonLink,
  profileEffectTargets,
  profilePersonLinks,
} from './problem-profile-figures.ts';
export {
  createInterview,
  type InterviewChanges,
  type InterviewRow,
  interviewOf,
  type OpenInterviewRow,
  openInterviews,
  raiseExploitationFlag,
  reassignInterviewService,
  updateInterview,
} from './return-interviews.ts';
export { principalChannel, SessionCache } from './session-cache.ts';
export { maintainTables, startTableMaintenance } from './table-maintenance.ts';
export {
  agenciesOfKinds,
  getTactic,
  insertTactic,
  listTactics,
  type TacticUpdateOutcome,
  tacticCodeTaken,
  tacticNameTaken,
  updateTactic,
} from './tactics.ts';
export {
  etagMatches,
  type TileAddress,
  TileCache,
  type TileCacheOptions,
  tileCacheKey,
  tileEtag,
} from './tile-cache.ts';
export {
  encodeTile,
  renderTile,
  type TileFeatureRow,
  type TileOptions,
  type TileRequest,
  tileExtent,
  tileFeatures,
  tileUsesScope,
} from './tiles.ts';
export {
  emailTaken,
  getAdminUser,
  insertUser,
  listAdminUsers,
  listAgencyOptions,
  type NewUser,
  type UserChanges,
  type UserUpdateOutcome,
  updateUserRow,
} from './users.ts';
export {
  createVehicle,
  getVehicle,
  searchVehicles,
  updateVehicle,
  type VehicleRow,
  type VehicleUpdateOutcome,
  vehicleByRegistration,
} from './vehicles.ts';
