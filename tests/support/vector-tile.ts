import { tileExtent } from '@lantern/db';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** The sum of the `count`s of a layer's features inside the tile proper (not its buffer). */
export function countInside(payload: Uint8Array, layerName: string): number {
  const layer = new VectorTile(new PbfReader(payload)).layers[layerName];
  if (!layer) return 0;
  let sum = 0;
  for (let index = 0; index < layer.length; index++) {
    const feature = layer.feature(index);
    const point = feature.loadGeometry()[0]?.[0];
    if (point && point.x >= 0 && point.x < tileExtent && point.y >= 0 && point.y < tileExtent) {
      sum += Number(feature.properties.count);
    }
  }
  return sum;
}
