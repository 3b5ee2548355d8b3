/**
 * Epoch AI's cell values as the graph stores them: names, lists, numbers, dates, a model's accessibility and how firmly
 * Epoch states a row (docs/datasets.md). Each returns null for a value it cannot read, so the caller can say so.
 */
import type { Confidence, ModelAccess } from '../../domain/enums';
import { isPartialDate } from '../../domain/rules';

/** Given a name as a cell writes it, returns it with white space (line breaks, tabs, no-break spaces) as one space. */
export function cleanName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Given a multi-valued cell, returns its values. Epoch joins values with a bare comma; a comma followed by a space is
 * part of a name ("NERSC, Lawrence Berkeley National Laboratory", "SambaNova Systems, Inc"), so it does not split.
 */
export function splitList(cell: string): string[] {
  return cell
    .split(/,(?! )/)
    .map(cleanName)
    .filter((value) => value !== '');
}

/** Given a number cell ("175000000000.0", "3.14e+23"), returns it, or null when it is not a finite number >= 0. */
export function parseQuantity(cell: string): number | null {
  const text = cell.trim();
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Given a date cell ("2023-03-14", or "2025-02-14 19:06:24+00:00" for Last modified), returns its ISO date or null. */
export function parseDate(cell: string): string | null {
  const text = cell.trim().replace(/[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  return isPartialDate(text) ? text : null;
}

/**
 * Given a Model accessibility cell, returns the graph's access: open weights of any kind are OPEN, API or hosted
 * access LIMITED, unreleased CLOSED; undefined for an empty cell, null for a value not known.
 */
export function parseAccess(cell: string): ModelAccess | null | undefined {
  const text = cleanName(cell).toLowerCase();
  if (text === '') return undefined;
  if (text.startsWith('open weights')) return 'OPEN';
  if (text === 'api access' || text.startsWith('hosted access')) return 'LIMITED';
  if (text === 'unreleased') return 'CLOSED';
  return null;
}

const CONFIDENCE_BY_EPOCH: Readonly<Record<string, Confidence>> = {
  '': 'REPORTED',
  confident: 'REPORTED',
  likely: 'REPORTED',
  unverified: 'REPORTED',
  speculative: 'UNCERTAIN',
  unknown: 'UNCERTAIN',
  wrong: 'UNCERTAIN',
};

/**
 * Given a Confidence cell, returns how firmly the graph holds the row's facts: Speculative, Unknown and Wrong are
 * UNCERTAIN; Confident, Likely, Unverified and an empty cell REPORTED; null for a value not known.
 */
export function parseConfidence(cell: string): Confidence | null {
  return CONFIDENCE_BY_EPOCH[cleanName(cell).toLowerCase()] ?? null;
}

/** Given a Link cell (one URL, or several separated by white space), returns the first http(s) URL, if any. */
export function firstUrl(cell: string): string | undefined {
  return cell.split(/\s+/).find((part) => /^https?:\/\/\S+$/i.test(part));
}
