/**
 * The one source of randomness in the generator. Everything draws from xoroshiro128+ (pure-rand)
 * seeded from the dataset seed, so the same seed gives the same dataset on every machine; no
 * Date.now() or Math.random() anywhere. Each concern forks its own named stream, so adding a draw
 * to one module does not shift the numbers every later module sees.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const TWO_POW_32 = 0x1_0000_0000;

/** A 32-bit avalanche mix (murmur3 finaliser), used to turn seeds and labels into stream seeds. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h | 0;
}

function hashLabel(label: string): number {
  // FNV-1a over UTF-16 code units: stable and fast enough for short labels.
  let h = 0x811c_9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x0100_0193);
  }
  return h | 0;
}

export class Rng {
  private readonly generator: RandomGenerator;
  private readonly streamSeed: number;

  constructor(seed: number) {
    this.streamSeed = mix32(seed);
    this.generator = xoroshiro128plus(this.streamSeed);
    // The first outputs of xoroshiro from a small seed are poorly mixed; discard them.
    for (let i = 0; i < 16; i++) this.generator.next();
  }

  /** An independent stream for one concern, identified by a label. */
  fork(label: string): Rng {
    return new Rng(mix32(this.streamSeed ^ hashLabel(label)));
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  float(): number {
    return (this.generator.next() >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** Standard normal by Box–Muller (one of the pair is discarded: simplicity over speed). */
  normal(): number {
    let u = this.float();
    while (u === 0) u = this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: cannot pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    if (!(total > 0)) throw new Error('Rng.weighted: weights must sum to more than zero');
    let target = this.float() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error('Rng.weighted: no entries');
    return last[0];
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const a = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = a;
    }
    return copy;
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A version-4 UUID whose random bits come from this stream. */
  uuid(): string {
    const words = [this.generator.next(), this.generator.next(), this.generator.next(), this.generator.next()];
    const hex = words.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
    const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** A weighted picker precomputed once, for hot loops (binary search over cumulative weights). */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([value]) => value);
    this.cumulative = new Float64Array(entries.length);
    let running = 0;
    entries.forEach(([, weight], index) => {
      running += weight;
      this.cumulative[index] = running;
    });
    if (!(running > 0)) throw new Error('WeightedTable: weights must sum to more than zero');
    this.total = running;
  }

  draw(rng: Rng): T {
    const target = rng.float() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return this.values[low] as T;
  }
}
