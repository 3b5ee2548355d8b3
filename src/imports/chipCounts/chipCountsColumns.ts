/**
 * The columns of Epoch AI's owner estimates (`*_owners_cumulative_totals.csv`) that the importer reads, and their
 * cells: numbers, dates and the "Estimates generated on" note (docs/datasets.md). Columns are found by name, since the
 * order differs from file to file; headers match without regard to case or runs of spaces.
 */
import { isPartialDate } from '../../domain/rules';
import { ImportFormatError } from '../importBatch';

interface ColumnSpec {
  name: string;
  required: boolean;
}

export const CHIP_COLUMNS = {
  vendor: { name: 'Chip manufacturer', required: true },
  owner: { name: 'Owner', required: true },
  endDate: { name: 'End date', required: true },
  h100Equivalents: { name: 'Compute estimate in H100e (median)', required: true },
  h100EquivalentsLow: { name: 'H100e (5th percentile)', required: false },
  h100EquivalentsHigh: { name: 'H100e (95th percentile)', required: false },
  units: { name: 'Number of Units', required: false },
  notes: { name: 'Notes', required: false },
  // Present only in the by-chip files, which the importer does not read: it tells such a file apart.
  chipType: { name: 'Chip type', required: false },
} as const satisfies Record<string, ColumnSpec>;

export type ChipColumn = keyof typeof CHIP_COLUMNS;

/** Each column read, by its index in the header; absent optional columns are missing from the map. */
export type ChipColumnIndex = Partial<Record<ChipColumn, number>>;

/** Given a header name, returns it as matched: lower case, runs of white space as one space, trimmed. */
function normalise(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Given a CSV header and the file's name, returns where each known column is; throws ImportFormatError naming the
 * column and the file when a required column is missing or a column appears twice, and for a by-chip file.
 */
export function chipColumns(header: readonly string[], file: string): ChipColumnIndex {
  const index: ChipColumnIndex = {};
  for (const [column, spec] of Object.entries(CHIP_COLUMNS) as [ChipColumn, ColumnSpec][]) {
    const found = header.flatMap((name, at) => (normalise(name) === normalise(spec.name) ? [at] : []));
    if (found.length > 1) throw new ImportFormatError(`${file}: column "${spec.name}" appears more than once`);
    if (found.length === 1) index[column] = found[0];
    else if (spec.required) throw new ImportFormatError(`${file}: required column "${spec.name}" is missing`);
  }
  if (index.chipType !== undefined) {
    throw new ImportFormatError(
      `${file}: a by-chip file (it has a "Chip type" column); the importer reads the owners' cumulative totals`,
    );
  }
  return index;
}

/** Given a number cell ("38948", "3.23"), returns it: null for an empty cell, undefined for one not a number >= 0. */
export function parseEstimate(cell: string): number | null | undefined {
  const text = cell.trim();
  if (text === '') return null;
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Given a date cell as Epoch writes it (M/D/YYYY: "3/31/2023"; an ISO date is taken too), returns the ISO date, or
 * null when it is not a date of the calendar.
 */
export function parseEndDate(cell: string): string | null {
  const text = cell.trim();
  const american = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = american ? `${american[3]}-${american[1].padStart(2, '0')}-${american[2].padStart(2, '0')}` : text;
  return /^\d{4}-\d\d-\d\d$/.test(iso) && isPartialDate(iso) ? iso : null;
}

/**
 * Given a Notes cell ("Estimates generated on: 04-15-2026 18:24", perhaps after other notes), returns the ISO date
 * the estimates were generated on, or null when the cell gives none.
 */
export function generatedOn(cell: string): string | null {
  const found = /Estimates generated on:\s*(\d{1,2})-(\d{1,2})-(\d{4})/i.exec(cell);
  if (!found) return null;
  const iso = `${found[3]}-${found[1].padStart(2, '0')}-${found[2].padStart(2, '0')}`;
  return isPartialDate(iso) ? iso : null;
}
