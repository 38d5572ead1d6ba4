import { describe, expect, it } from 'vitest';
import { generateDataset, plantedNetworks } from './generate.ts';

describe('plantedNetworks', () => {
  it('names the members of the 26 CSE and 30 CCE networks by the ids the dataset carries', () => {
    const data = generateDataset({ seed: 3 });
    const networks = plantedNetworks({ seed: 3 });
    expect(networks.filter((network) => network.kind === 'cse')).toHaveLength(26);
    expect(networks.filter((network) => network.kind === 'cce')).toHaveLength(30);
    const people = new Map(data.people.map((person) => [person.id, person]));
    const places = new Set(data.places.map((place) => place.id));
    const vehicles = new Set(data.vehicles.map((vehicle) => vehicle.id));
    for (const network of networks) {
      expect(network.associateIds.every((id) => people.get(id)?.kind === 'associate')).toBe(true);
      expect(network.childIds.every((id) => people.get(id)?.kind === 'child')).toBe(true);
      expect(network.placeIds.every((id) => places.has(id))).toBe(true);
      expect(network.vehicleIds.every((id) => vehicles.has(id))).toBe(true);
    }
    // A child is known to one network at most.
    const children = networks.flatMap((network) => network.childIds);
    expect(new Set(children).size).toBe(children.length);
  });
});
