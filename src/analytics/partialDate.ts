/** Partial ISO-8601 dates ("2023", "2023-06", "2023-06-07"), stored as text. */

/**
 * Given two partial dates, says whether the first is on or before the second, each taken as its first day ("2023" is
 * 2023-01-01).
 */
export function onOrBefore(date: string, bound: string): boolean {
  const firstDay = (value: string) => `${value}-01-01`.slice(0, 10);
  return firstDay(date) <= firstDay(bound);
}

/** Says whether something dated `date` existed on `asOf`: always without asOf; never when it has no date. */
export function existedOn(date: string | null | undefined, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  return typeof date === 'string' && onOrBefore(date, asOf);
}
