import { describe, expect, it } from 'vitest';
import { layerAbove, layerStack } from './layer-order.ts';

/** A map whose layers are `ids` bottom to top, which inserts as maplibre's addLayer(layer, beforeId) does. */
function fakeMap(ids: string[]) {
  return {
    getStyle: () => ({ layers: ids.map((id) => ({ id })) }),
    add(id: string) {
      const before = layerAbove(this, id);
      ids.splice(before === undefined ? ids.length : ids.indexOf(before), 0, id);
    },
    ids,
  };
}

describe('layerAbove', () => {
  it('keeps disruption actions above places and crime whichever arrives first', () => {
    // The map page mounts disruption before places and the tile layers, so it arrives first.
    const map = fakeMap(['basemap-roads', 'districts-fill', 'districts-outline']);
    for (const id of [
      'hotspots-fill',
      'disruption-actions-points',
      'places-points',
      'crime-clusters',
      'places-selected',
    ]) {
      map.add(id);
    }
    expect(map.ids).toEqual([
      'basemap-roads',
      'districts-fill',
      'districts-outline',
      'hotspots-fill',
      'crime-clusters',
      'places-points',
      'places-selected',
      'disruption-actions-points',
    ]);
  });

  it('puts a layer switched on later back in its place, and leaves unknown layers on top', () => {
    const map = fakeMap(['districts-fill', 'places-points', 'disruption-actions-points', 'network-places-lit']);
    map.add('hotspots-fill');
    map.add('wards-outline');
    expect(map.ids).toEqual([
      'districts-fill',
      'wards-outline',
      'hotspots-fill',
      'places-points',
      'disruption-actions-points',
      'network-places-lit',
    ]);
    expect(layerAbove(map, 'network-places-selected')).toBeUndefined();
  });

  it('lists every point layer below disruption actions, and only names above them', () => {
    const top = layerStack.indexOf('disruption-actions-points');
    expect(layerStack.slice(top + 1).every((id) => id.startsWith('orientation-'))).toBe(true);
    expect(layerStack.indexOf('crime-clusters')).toBeLessThan(layerStack.indexOf('places-points'));
  });
});
