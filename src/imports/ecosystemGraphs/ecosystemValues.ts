/**
 * Ecosystem Graphs' field values as the graph stores them: `{value, explanation}` maps, dates, a model's access and
 * size, nationalities and the organisations an `organization` field names (docs/datasets.md). Each returns null for
 * a value it cannot read, so the caller can say so.
 */
import type { ModelAccess } from '../../domain/enums';
import { isPartialDate } from '../../domain/rules';

/** A field as the publisher gives it: its value, and the explanation when it is a `{value, explanation}` map. */
export interface Stated {
  value: unknown;
  explanation?: string;
}

/** Given a field's YAML value, returns the value it states and its explanation, if it is a `{value, explanation}`. */
export function stated(raw: unknown): Stated {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && ('value' in raw || 'explanation' in raw)) {
    const map = raw as Record<string, unknown>;
    const explanation = typeof map.explanation === 'string' ? cleanText(map.explanation) : '';
    return { value: map.value ?? null, ...(explanation !== '' && { explanation }) };
  }
  return { value: raw };
}

/** Given a text, returns it with white space (line breaks, tabs, no-break spaces) as one space. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Values that state nothing: the publisher writes "unknown", "none" and the like where it has no value. */
export function isUnknown(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  return /^(|unknown|unknkown|none|n\/a|na|tbd)$/i.test(cleanText(value));
}

/** Given a created_date value (a date, or a year as a number), returns its ISO date, or null. */
export function parseDate(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? cleanText(value) : '';
  return isPartialDate(text) ? text : null;
}

/** Given an `access` value, returns the graph's access: open OPEN, limited LIMITED, closed CLOSED; else null. */
export function parseAccess(value: unknown): ModelAccess | null {
  const text = typeof value === 'string' ? cleanText(value).toLowerCase() : '';
  if (text === 'open') return 'OPEN';
  if (text === 'limited') return 'LIMITED';
  if (text === 'closed') return 'CLOSED';
  return null;
}

const MAGNITUDE: Readonly<Record<string, number>> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** A size that says nothing beyond its count: "13B parameters (dense)", "7B parameters", "900M". */
const PLAIN_SIZE = /^\d+(?:\.\d+)?\s*[KMBT](?: parameters)?(?: \(dense(?: model)?\))?$/i;

/**
 * Given a model's `size` text, returns its parameter count (the first count it gives: "14B parameters with 2.7B
 * parameters for activation (MoE)" is 14e9) and, when the text says more than the count, the text as written. A
 * text whose first count is not of parameters ("5.5B (text, image) pairs") or that holds no count is null.
 */
export function parseSize(value: unknown): { parameters: number; note?: string } | null {
  if (typeof value !== 'string') return null;
  const text = cleanText(value);
  const match = /^(\d+(?:\.\d+)?)\s*([KMBT])\b(.*)$/i.exec(text);
  if (!match) return null;
  const rest = match[3].trim();
  if (rest !== '' && !/^parameters\b/i.test(rest)) return null;
  const parameters = Math.round(Number(match[1]) * MAGNITUDE[match[2].toUpperCase()]);
  return PLAIN_SIZE.test(text) ? { parameters } : { parameters, note: text };
}

/**
 * The publisher's nationalities as ISO 3166-1 alpha-2. "International", "unknown" and pairs ("Canada/Switzerland")
 * name no one country and are left out.
 */
export const NATIONALITIES: Readonly<Record<string, string>> = {
  Belgium: 'BE',
  Canada: 'CA',
  China: 'CN',
  Denmark: 'DK',
  France: 'FR',
  Germany: 'DE',
  Israel: 'IL',
  Japan: 'JP',
  Philippines: 'PH',
  Russia: 'RU',
  Singapore: 'SG',
  'South Korea': 'KR',
  Sweden: 'SE',
  UAE: 'AE',
  UK: 'GB',
  USA: 'US',
};

/** Nationalities that name no one country: read, and no country taken. */
export const NO_NATIONALITY: readonly string[] = ['International', 'unknown', 'Canada/Switzerland'];

/** Given a nationality, returns its country code; null for one that names no one country, undefined if unknown. */
export function parseNationality(value: unknown): string | null | undefined {
  if (isUnknown(value)) return null;
  const text = typeof value === 'string' ? cleanText(value) : '';
  if (NO_NATIONALITY.includes(text)) return null;
  return NATIONALITIES[text];
}

/**
 * Organisation fields that do not list their organisations as "A, B, C": the reading of each (the developers it
 * names). "DAMO Academy, Alibaba" is Alibaba's DAMO Academy, one developer named as Alibaba's own records name it;
 * the others join two names with "and", break one name at a comma, or name a department beside its university
 * (the university is the organisation read).
 */
export const ORGANIZATION_READINGS: Readonly<Record<string, readonly string[]>> = {
  'DAMO Academy, Alibaba': ['Alibaba DAMO Academy'],
  'ByteDance and University of Maryland, College Park': ['ByteDance', 'University of Maryland, College Park'],
  'Paladin Group and Dais Technology': ['Paladin Group', 'Dais Technology'],
  'Hong Kong University of Science and Technology (Guangzhou + original), Beijing Academy of Artificial Intelligence': [
    'Hong Kong University of Science and Technology',
    'Beijing Academy of Artificial Intelligence',
  ],
  ['Aspia Space, Instituto de Astrofísica de Canarias (IAC), UniverseTBD, Astrophysics Research Institute, Liverpool ' +
  'John Moores University, Departamento Astrofísica, Universidad de la Laguna, Observatoire de Paris, LERMA, PSL ' +
  'University, and Universit´e Paris-Cit´e.']: [
    'Aspia Space',
    'Instituto de Astrofísica de Canarias',
    'UniverseTBD',
    'Liverpool John Moores University',
    'Universidad de la Laguna',
    'Observatoire de Paris',
    'PSL University',
    'Université Paris-Cité',
  ],
};

/** Legal suffixes the publisher writes after a comma ("Runway AI, Inc."): part of the name before them. */
const SUFFIX_PART = /^(inc|ltd|llc|co|corp|gmbh)\.?$/i;

/**
 * Given an `organization` value, returns the organisations it names: comma-separated names, each trimmed of a
 * leading "and " and a final full stop; a comma before a legal suffix does not separate ("Continue Dev, Inc."); the
 * fields ORGANIZATION_READINGS lists are read as it says. "and" alone never separates: names hold it ("University of
 * Science and Technology of China").
 */
export function splitOrganizations(value: string): string[] {
  const text = cleanText(value);
  const reading = ORGANIZATION_READINGS[text];
  if (reading) return [...reading];
  const parts: string[] = [];
  for (const raw of text.split(',')) {
    const part = raw
      .trim()
      .replace(/^and\s+/i, '')
      .replace(/(?<![A-Z])\.$/, '')
      .trim();
    if (part === '') continue;
    if (SUFFIX_PART.test(part) && parts.length > 0) parts[parts.length - 1] += `, ${raw.trim()}`;
    else parts.push(part);
  }
  return [...new Set(parts)];
}
