import { crimeTileCellMaxZoom, type MapLayerId, type PlaceCategory } from '@lantern/domain';

/**
 * Colours of the map's point layers and the place categories, shared by the layers and the
 * legend so the two cannot drift. Chosen to stay apart for the common colour-vision deficiencies
 * (Okabe–Ito hues) and to keep 3:1 against the light background.
 */
export const layerColours: Record<MapLayerId, string> = {
  places: '#0b4f8a',
  crime: '#5d5d5d',
  intelligence: '#8b3fa3',
  'missing-last-seen': '#c75d00',
  'missing-found': '#00775a',
};

export const placeCategoryColours: Record<PlaceCategory, string> = {
  takeaway: '#d55e00',
  hotel: '#0072b2',
  park: '#00875a',
  car_park: '#332288',
  shop: '#b8860b',
  taxi_rank: '#cc79a7',
  house: '#8b4513',
  bus_station: '#3b5ba5',
  rail_station: '#1b3a6b',
  school: '#a0287d',
  leisure: '#2f8f9d',
  other: '#444444',
};

export const placeCategoryLabels: Record<PlaceCategory, string> = {
  takeaway: 'Takeaway',
  hotel: 'Hotel',
  park: 'Park',
  car_park: 'Car park',
  shop: 'Shop',
  taxi_rank: 'Taxi rank',
  house: 'House',
  bus_station: 'Bus station',
  rail_station: 'Rail station',
  school: 'School',
  leisure: 'Leisure',
  other: 'Other',
};

/** Circle radius in pixels from a cluster's count: area grows with the count, capped. */
export const clusterRadius = [
  'interpolate',
  ['linear'],
  ['sqrt', ['to-number', ['get', 'count'], 1]],
  1,
  4,
  10,
  14,
  40,
  26,
] as const;

/**
 * The deepest zoom whose tiles a layer fetches; deeper, the map draws that zoom's tiles enlarged.
 * Crime stops where the server's counted cells stop, each cluster there one tile unit.
 */
export function tileMaxZoom(layer: MapLayerId): number {
  return layer === 'crime' ? crimeTileCellMaxZoom : 16;
}

/** The map layer that draws a tile layer's clusters, named after the layer it draws. */
export function clusterLayerId(layer: MapLayerId): string {
  return `${layer}-clusters`;
}
