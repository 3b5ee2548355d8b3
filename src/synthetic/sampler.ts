/** Weighted draws from a stream: by explicit weights, by a table of weights, or Zipf-like by position. */
import type { Rng } from './randomStream';

/** Given weights, returns a draw of an index with probability proportional to its weight. */
export function sampler(weights: readonly number[]): (rng: Rng) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => (cumulative[index] = total += weight));
  // Binary search over the running sums: a draw costs log(n) however many weights there are.
  return (rng) => {
    const target = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Given a list, returns a draw with Zipf-like weights 1 / (position + offset)^exponent: the first are popular. */
export function zipfPicker<T>(items: readonly T[], exponent: number, offset = 1): (rng: Rng) => T {
  const draw = sampler(Array.from({ length: items.length }, (_, rank) => 1 / (rank + offset) ** exponent));
  return (rng) => items[draw(rng)];
}

/** Given a table of weights by key, returns a draw of a key with probability proportional to its weight. */
export function weighted<T extends string>(table: Readonly<Record<T, number>>): (rng: Rng) => T {
  const keys = Object.keys(table) as T[];
  const draw = sampler(keys.map((key) => table[key]));
  return (rng) => keys[draw(rng)];
}
