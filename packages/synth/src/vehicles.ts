/**
 * Vehicles seen in intelligence. Registrations follow the current GB pattern (two letters, two
 * age digits, three letters: 'AB12CDE') but always contain a Q among the last three letters, which
 * the DVLA does not issue in that position: a synthetic plate can never belong to a real car.
 */
import type { Rng } from './rng.ts';
import type { SynthVehicle } from './types.ts';

const MEMORY_TAG_FIRST = 'ABCDEFGHKLMNOPRSVWY';
const LETTERS_NO_IQZ = 'ABCDEFGHJKLMNOPRSTUVWXY';
const RANDOM_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXYZ';
/** March and September identifiers for 2011–2025 ('11' and '61' … '25' and '75'). */
const AGE_IDENTIFIERS = Array.from({ length: 15 }, (_, index) => 11 + index).flatMap((year) => [
  String(year),
  String(year + 50),
]);

const models: readonly (readonly [string, string])[] = [
  ['Ford', 'Fiesta'],
  ['Ford', 'Focus'],
  ['Vauxhall', 'Corsa'],
  ['Vauxhall', 'Astra'],
  ['Volkswagen', 'Golf'],
  ['Volkswagen', 'Polo'],
  ['BMW', '3 Series'],
  ['BMW', '1 Series'],
  ['Audi', 'A3'],
  ['Mercedes-Benz', 'C-Class'],
  ['Toyota', 'Prius'],
  ['Skoda', 'Octavia'],
  ['Nissan', 'Qashqai'],
  ['Peugeot', '208'],
  ['SEAT', 'Leon'],
  ['Kia', 'Sportage'],
  ['Honda', 'Civic'],
  ['Renault', 'Clio'],
];

const colours = ['Black', 'Grey', 'Silver', 'White', 'Blue', 'Red', 'Dark blue', 'Green'];

function letter(rng: Rng, alphabet: string): string {
  return alphabet.charAt(Math.floor(rng.float() * alphabet.length));
}

export class VehicleFactory {
  private readonly issued = new Set<string>();

  constructor(private readonly rng: Rng) {}

  registration(): string {
    const { rng } = this;
    for (;;) {
      const random = [letter(rng, RANDOM_LETTERS), letter(rng, RANDOM_LETTERS), letter(rng, RANDOM_LETTERS)];
      random[rng.int(0, 2)] = 'Q';
      const plate = `${letter(rng, MEMORY_TAG_FIRST)}${letter(rng, LETTERS_NO_IQZ)}${rng.pick(AGE_IDENTIFIERS)}${random.join('')}`;
      if (!this.issued.has(plate)) {
        this.issued.add(plate);
        return plate;
      }
    }
  }

  create(): SynthVehicle {
    const [make, model] = this.rng.pick(models);
    return { id: this.rng.uuid(), registration: this.registration(), make, model, colour: this.rng.pick(colours) };
  }
}

/** 'a grey Vauxhall Corsa' for intelligence text. */
export function describeVehicle(vehicle: SynthVehicle): string {
  return `a ${vehicle.colour.toLowerCase()} ${vehicle.make} ${vehicle.model}`;
}
