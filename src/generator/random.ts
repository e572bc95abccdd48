// Seeded pseudo-random numbers for the generator. Never Math.random or the clock: the same
// key always gives the same stream, on every machine, so generated data is reproducible.
//
// The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit
// state), seeded from the cyrb128 hash of a string key. Streams are derived by key
// ("<seed>|<province>|station|17/cases"), so one station, or one section of a station,
// never depends on how many numbers another one drew.

// Math's functions are read once: under Jest the module runs in a vm context, where every
// global lookup goes through the context's interceptor and a hot loop slows down ~20×.
const { imul, floor, min, max, round, sqrt, exp } = Math;
const SQRT3 = sqrt(3);

/** cyrb128: four 32-bit words from a string, good enough to seed sfc32. */
export function hash128(key: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ imul(h1 ^ k, 597399067);
    h2 = h3 ^ imul(h2 ^ k, 2869860233);
    h3 = h4 ^ imul(h3 ^ k, 951274213);
    h4 = h1 ^ imul(h4 ^ k, 2716044179);
  }
  h1 = imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A table for weighted picks, built once (cumulative weights) and reused. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  if (entries.length === 0) throw new RangeError('weighted table needs at least one entry');
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, w], i) => {
    if (!(w >= 0)) throw new RangeError(`negative or NaN weight ${w}`);
    total += w;
    cumulative[i] = total;
  });
  if (total <= 0) throw new RangeError('weighted table has zero total weight');
  return { values: entries.map(([v]) => v), cumulative, total };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly key: string) {
    [this.a, this.b, this.c, this.d] = hash128(key);
    // Let the state mix before the first number is used.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent stream for a named part of whatever this stream generates. */
  fork(label: string | number): Rng {
    return new Rng(`${this.key}/${label}`);
  }

  uint32(): number {
    // PractRand's sfc32: tmp = a + b + counter++, then the a/b/c mix.
    const b = this.b;
    const c = this.c;
    const t = (((this.a + b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    if (hi < lo) throw new RangeError(`int(${lo}, ${hi})`);
    return lo + floor(this.next() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  real(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new RangeError('pick from an empty list');
    return values[floor(this.next() * values.length)];
  }

  pickWeighted<T>(table: WeightedTable<T>): T {
    const x = this.next() * table.total;
    const cum = table.cumulative;
    // The tables are short; a linear scan beats a binary search here.
    for (let i = 0; i < cum.length; i++) if (x < cum[i]) return table.values[i];
    return table.values[table.values.length - 1];
  }

  /** k distinct items, in their original order. */
  sample<T>(values: readonly T[], k: number): T[] {
    const n = values.length;
    const take = max(0, min(k, n));
    // Selection sampling (Knuth's algorithm S) keeps the original order without a shuffle.
    const out: T[] = [];
    let needed = take;
    for (let i = 0; i < n && needed > 0; i++) {
      if (this.next() * (n - i) < needed) {
        out.push(values[i]);
        needed--;
      }
    }
    return out;
  }

  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i--) {
      const j = floor(this.next() * (i + 1));
      const t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    return values;
  }

  /**
   * Roughly normal (Irwin-Hall: the sum of four uniforms), clamped to [lo, hi] and
   * rounded to an integer. Uses no transcendental functions, so results are bit-identical
   * everywhere.
   */
  bellInt(mean: number, sd: number, lo: number, hi: number): number {
    const z = (this.next() + this.next() + this.next() + this.next() - 2) * SQRT3;
    return min(hi, max(lo, round(mean + z * sd)));
  }

  /** Poisson by inversion; fine for the small means used here (up to ~60). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    let p = exp(-mean);
    let s = p;
    const u = this.next();
    let k = 0;
    while (u > s && k < 1000) {
      k++;
      p *= mean / k;
      s += p;
    }
    return k;
  }

  /** Successes among n trials of probability p. */
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }
}

/** The canonical text of a seed: 42 and "42" are the same seed. */
export function seedKey(seed: number | string): string {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
    return String(seed);
  }
  return seed;
}
