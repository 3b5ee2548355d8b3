/**
 * The generator's only source of randomness: seeded mulberry32 streams, never Math.random or the clock, so the same
 * seed always gives the same graph. Each phase draws from a stream of its own.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: a tiny 32-bit PRNG, uniform in [0, 1). */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Given the seed and a phase number, returns that phase's stream, so tuning one phase does not reshuffle others. */
export function randomStream(seed: number, phase: number): Rng {
  let h = (seed ^ Math.imul(phase + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}

/** Given a stream and bounds, returns a whole number from min to max inclusive. */
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** Given a stream and a probability, returns true with that probability. */
export const chance = (rng: Rng, p: number) => rng() < p;

/** Given a stream and a list, returns one of its items, each as likely. */
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Given a stream, returns a standard normal draw (Box-Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Given a stream and a list, shuffles the list in place (Fisher-Yates) and returns it. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const zeroPadded = (n: number) => String(n).padStart(2, '0');

/** Given a stream, a year and a precision, returns the date a source might give: "2021", "2021-05" or "2021-05-17". */
export function dateIn(rng: Rng, year: number, precision: 'year' | 'month' | 'day'): string {
  if (precision === 'year') return String(year);
  const month = `${year}-${zeroPadded(int(rng, 1, 12))}`;
  return precision === 'month' ? month : `${month}-${zeroPadded(int(rng, 1, 28))}`;
}

/** Given a stream, a span of years and the shares given only a year and given a day, returns a partial ISO date. */
export function partialDate(rng: Rng, fromYear: number, toYear: number, yearOnly: number, withDay: number): string {
  const year = int(rng, fromYear, toYear);
  const roll = rng();
  return dateIn(rng, year, roll < yearOnly ? 'year' : roll < yearOnly + withDay ? 'day' : 'month');
}
