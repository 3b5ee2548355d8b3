/** The graph's rules for ids and dates, shared by seed validation, curation, the API's scalars and the importers. */

/** Ids are lower-case ASCII slugs of the English name: "gpt-4", "sk-hynix", "investment-microsoft-openai-2023". */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest id an editor may give. */
export const MAX_ID_LENGTH = 100;

/** ISO-8601 dates, partial where the source is: "2023", "2023-06", "2023-06-07". */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
