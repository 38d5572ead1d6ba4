export type { HotspotAnalysisQuery } from './analyse-hotspots.ts';
export { analyseHotspots } from './analyse-hotspots.ts';
export { computeHotspots } from './compute-hotspots.ts';
export { estimateDensity } from './estimate-density.ts';
export { findEmergingHotspots } from './find-emerging-hotspots.ts';
export { getHotspotCell } from './get-hotspot-cell.ts';
export { rankRepeatLocations } from './rank-repeat-locations.ts';
