/** The graph's rules for ids and dates, shared by seed validation, curation, the API's scalars and the importers. */

/** Ids are lower-case ASCII slugs of the English name: "gpt-4", "sk-hynix", "investment-microsoft-openai-2023". */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest id an editor may give. */
export const MAX_ID_LENGTH = 100;

/** ISO-8601 dates, partial where the source is: "2023", "2023-06", "2023-06-07". */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** The shape of a partial date, digits in place: "2023-13" has it, yet names no month (see isPartialDate). */
export const PARTIAL_DATE_SHAPE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Given a text, returns whether it is a partial date of the calendar: a real month, and a day that month has. */
export function isPartialDate(text: string): boolean {
  if (!PARTIAL_DATE_PATTERN.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  return day === undefined || day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
