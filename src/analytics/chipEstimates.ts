/**
 * The estimates of an owner's AI accelerators from one vendor (a HOLDS_CHIPS_OF relationship's `estimates`: JSON text
 * of [{asOf, h100Equivalents, h100EquivalentsLow, h100EquivalentsHigh, units}], oldest first), and the choice of the
 * one in force on a date. Pure functions.
 */

/** One estimate, cumulative to its date. */
export interface ChipEstimate {
  asOf: string;
  h100Equivalents: number;
  h100EquivalentsLow: number | null;
  h100EquivalentsHigh: number | null;
  units: number | null;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Given a relationship's `estimates` and where it is (the owner and the vendor, for the error), returns its estimates
 * oldest first; none when it has no `estimates`. Throws, naming the owner, the vendor and the estimate, on text that
 * is not such a list.
 */
export function parseEstimates(text: unknown, where: { owner: string; vendor: string }): ChipEstimate[] {
  if (text === null || text === undefined) return [];
  const at = `estimates of ${where.owner} from ${where.vendor}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(text));
  } catch (error) {
    throw new Error(`${at}: not JSON (${(error as Error).message})`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`${at}: not a list`);
  const optional = (value: unknown, index: number, field: string): number | null => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new Error(`${at}, estimate ${index + 1}: ${field} is ${JSON.stringify(value)}, not a non-negative number`);
    return value;
  };
  const estimates = parsed.map((entry: unknown, index): ChipEstimate => {
    if (entry === null || typeof entry !== 'object') throw new Error(`${at}, estimate ${index + 1}: not an object`);
    const { asOf, h100Equivalents, h100EquivalentsLow, h100EquivalentsHigh, units } = entry as Record<string, unknown>;
    if (typeof asOf !== 'string' || !PARTIAL_DATE.test(asOf))
      throw new Error(`${at}, estimate ${index + 1}: asOf is ${JSON.stringify(asOf)}, not a partial ISO-8601 date`);
    const value = optional(h100Equivalents, index, 'h100Equivalents');
    if (value === null) throw new Error(`${at}, estimate ${index + 1}: h100Equivalents is missing`);
    return {
      asOf,
      h100Equivalents: value,
      h100EquivalentsLow: optional(h100EquivalentsLow, index, 'h100EquivalentsLow'),
      h100EquivalentsHigh: optional(h100EquivalentsHigh, index, 'h100EquivalentsHigh'),
      units: optional(units, index, 'units'),
    };
  });
  // Oldest first as stored; ordered here all the same, so the newest is always last.
  return estimates.sort((a, b) => (endOf(a.asOf) < endOf(b.asOf) ? -1 : endOf(a.asOf) > endOf(b.asOf) ? 1 : 0));
}

/**
 * Given a partial date, returns its last day as text that compares with full dates: "2024" is 2024-12-31, "2024-02"
 * 2024-02-31 (after every day of February as text, which is all a comparison needs).
 */
export function endOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return `${date}-31`;
  return date;
}

/**
 * Given estimates (oldest first) and a date, returns the newest estimate on or before it, or null when none is that
 * old; without a date, the newest. A partial date stands for the end of its period, on both sides: asOf "2024" takes
 * an estimate of 2024-12-31, and an estimate dated "2024" is not on or before "2024-06".
 */
export function estimateAsOf(estimates: readonly ChipEstimate[], asOf?: string | null): ChipEstimate | null {
  if (!asOf) return estimates[estimates.length - 1] ?? null;
  const bound = endOf(asOf);
  let found: ChipEstimate | null = null;
  for (const estimate of estimates) if (endOf(estimate.asOf) <= bound) found = estimate;
  return found;
}
