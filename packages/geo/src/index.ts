export { fromBritishNationalGrid, toBritishNationalGrid } from './to-british-national-grid.ts';
