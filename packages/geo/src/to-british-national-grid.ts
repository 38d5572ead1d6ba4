import proj4 from 'proj4';

/**
 * EPSG:27700 (OSGB36 / British National Grid) with the OSGB36 datum shift as a 7-parameter
 * Helmert transformation: accurate to a few metres, well within a 250 m analysis cell. Distance
 * and area work (grids, bands, kernels) happens in these metres, storage in WGS84.
 */
const britishNationalGrid =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const wgs84ToBng = proj4('EPSG:4326', britishNationalGrid);

/**
 * Projects a WGS84 longitude/latitude to British National Grid easting/northing in metres.
 *
 * @example
 * toBritishNationalGrid([-1.1497, 52.9533]) // ≈ [457223.8, 339885.1] (Nottingham, Old Market Square)
 */
export function toBritishNationalGrid([lon, lat]: readonly [number, number]): [number, number] {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new RangeError(`not a WGS84 longitude/latitude: [${lon}, ${lat}]`);
  }
  const [easting, northing] = wgs84ToBng.forward([lon, lat]);
  return [easting as number, northing as number];
}

/** The inverse of toBritishNationalGrid. */
export function fromBritishNationalGrid([easting, northing]: readonly [number, number]): [number, number] {
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) {
    throw new RangeError(`not a British National Grid coordinate: [${easting}, ${northing}]`);
  }
  const [lon, lat] = wgs84ToBng.inverse([easting, northing]);
  return [lon as number, lat as number];
}
