/**
 * Names as identity compares them: a comparison key that ignores case, accents, punctuation and (for organisations)
 * legal suffixes, and the slug an id is made of. Pure functions; docs/identity.md gives the rules with examples.
 */
import { MAX_ID_LENGTH } from '../domain/rules';

/** Organisations lose legal suffixes and get a key per bracketed acronym or slash-separated name; models keep all. */
export type NameKind = 'organisation' | 'model' | 'other';

/** Given a graph label, returns which rules its names follow: a Company's an organisation's, a model's a model's. */
export function nameKindOf(label: string): NameKind {
  return label === 'Company' ? 'organisation' : label === 'FoundationModel' ? 'model' : 'other';
}

/** Legal suffixes dropped at the end of an organisation's key, as word sequences after normalisation. */
const LEGAL_SUFFIXES = [
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  's a',
  'sa',
  'plc',
].map((suffix) => ` ${suffix}`);

/** Spacing accents that a broken PDF extraction leaves beside the letter they belong to ("F´ed´erale"). */
const SPACING_ACCENTS = /[\u00b4\u0060\u02c6\u02dc\u00a8]/g;

/** A name without accents (NFKD, loose accents too), in lower case, "&" as "and", apostrophes dropped. */
function folded(name: string): string {
  return name
    .replace(SPACING_ACCENTS, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019\u02bc]/g, '');
}

/**
 * Given a name, returns its comparison key: Unicode NFKD with accents removed, lower case, `&` as "and",
 * apostrophes dropped, other punctuation (hyphens, underscores, brackets) as spaces, spaces collapsed. A dot
 * between two digits stays ("GPT-3.5" is not "GPT-3 5"): versions differ by it.
 */
export function normalizeName(name: string): string {
  return folded(name)
    .replace(/(?:(?<!\d)\.|\.(?!\d)|[^\p{L}\p{N}.])+/gu, ' ')
    .trim()
    .replace(/ +/g, ' ');
}

/**
 * Given a name and what it names, returns every comparison key it has, the plain key first. An organisation's keys
 * drop legal suffixes at the end ("Inc.", "Co., Ltd.") and a leading "The"; a bracketed acronym gives a key with
 * and one without it ("Carnegie Mellon University (CMU)": "carnegie mellon university", "cmu"; "University of
 * California (UC) Berkeley": "university of california berkeley", "uc berkeley"); any other bracket is dropped;
 * names joined by " / " give a key each. A model's only key is the plain one: "Qwen2.5-Coder (32B)" keeps its size.
 */
export function nameKeys(name: string, kind: NameKind): string[] {
  const keys = new Set<string>();
  const plain = normalizeName(name);
  if (plain !== '') keys.add(plain);
  if (kind !== 'organisation') return [...keys];
  const forms = [name, ...(name.includes(' / ') ? name.split(' / ') : [])].flatMap(bracketForms);
  for (const form of forms) {
    const key = withoutLegalForm(normalizeName(form));
    if (key !== '') keys.add(key);
  }
  return [...keys];
}

/** A bracket holding an acronym: two or more capitals, digits or "&" ("CMU", "UC", "KAIST", "R&D"). */
const ACRONYM = /^[A-Z][A-Z0-9&.]*[A-Z0-9]$/;

/** The forms of a name with brackets: without them, and for an acronym, the acronym in place of what it abbreviates. */
function bracketForms(name: string): string[] {
  const match = /^(.*?)\s*\(([^()]*)\)(.*)$/.exec(name);
  if (!match) return [name];
  const [, before, inside, after] = match;
  const forms = bracketForms(`${before}${after}`);
  if (ACRONYM.test(inside.trim())) forms.push(...bracketForms(`${inside.trim()}${after}`));
  return forms;
}

function withoutLegalForm(key: string): string {
  let current = key.replace(/^the /, '');
  for (;;) {
    const suffix = LEGAL_SUFFIXES.find((candidate) => current.endsWith(candidate));
    if (suffix === undefined) return current;
    current = current.slice(0, -suffix.length);
  }
}

/**
 * Given a comparison key, returns its compact form: spaces dropped except between two digits, so "Open AI" meets
 * "OpenAI", "PaLM 2" meets "PaLM2" and "Hugging Face" meets "HuggingFace", while "Llama 2 7B" stays apart from
 * "Llama 27B".
 */
export function compactKey(key: string): string {
  return key.replace(/ (?!\d)|(?<!\d) /g, '');
}

/** Greek letters that model names use, spelt out for an ASCII slug ("PanGu-α" -> "pangu-alpha"). */
const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  θ: 'theta',
  λ: 'lambda',
  μ: 'mu',
  π: 'pi',
  σ: 'sigma',
  ς: 'sigma',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/**
 * Given a name, returns its slug: lowercase ASCII words joined by "-" ("ERNIE 3.0 Titan" -> "ernie-3-0-titan",
 * "PanGu-α" -> "pangu-alpha", "Jobis & Villains" -> "jobis-and-villains"), cut at a word to the id length limit; an
 * empty string when the name has no Latin letter or digit (a Korean-only name).
 */
export function slugify(name: string): string {
  const words = folded(name)
    .replace(/\p{Script=Greek}/gu, (letter) => (GREEK[letter] ? ` ${GREEK[letter]} ` : ' '))
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_ID_LENGTH - 4) break;
    slug = next;
  }
  return slug;
}

/**
 * Given a name, a fallback word for names without Latin letters, and whether an id is taken, returns a slug no
 * entity has: the name's slug, else the slug with "-2", "-3" ... appended.
 */
export function uniqueSlug(name: string, fallback: string, taken: (id: string) => boolean): string {
  const base = slugify(name) || fallback;
  if (!taken(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
