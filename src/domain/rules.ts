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

/**
 * Characters refused in names and other display text: bidirectional embeddings, overrides, isolates and marks,
 * which make text read differently from what it holds, and zero-width or invisible characters, which make two
 * names that look alike differ. Korean, like every script the graph holds, needs none of them.
 */
export const INVISIBLE_CHARACTERS: Readonly<Record<number, string>> = {
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/**
 * Given a text, returns what is wrong with it when it holds a character of INVISIBLE_CHARACTERS ("contains U+202E
 * RIGHT-TO-LEFT OVERRIDE at position 3", counting characters from 1), or null when it holds none.
 */
export function invisibleCharacterIn(text: string): string | null {
  let position = 0;
  for (const character of text) {
    position += 1;
    const code = character.codePointAt(0)!;
    const name = INVISIBLE_CHARACTERS[code];
    if (name !== undefined) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return `contains U+${hex} ${name} at position ${position}`;
    }
  }
  return null;
}
