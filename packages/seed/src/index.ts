export {
  loadedSyntheticDataset,
  SeedConflictError,
  type SeedReport,
  seedDatabase,
  syntheticMarker,
} from './seed-database.ts';
