export {
  loadedSyntheticDataset,
  SeedConflictError,
  type SeedProgress,
  type SeedReport,
  type SeedStage,
  seedDatabase,
  seedStages,
  syntheticMarker,
} from './seed-database.ts';
