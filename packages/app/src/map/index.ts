export { getOrientation } from './get-orientation.ts';
export type { BasemapSetting } from './list-map-layers.ts';
export { listMapLayers } from './list-map-layers.ts';
export { listMapPlaces } from './list-map-places.ts';
export { listStreetNames } from './list-street-names.ts';
