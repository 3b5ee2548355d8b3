/**
 * The columns of Epoch AI's models CSV that the importer reads, each under its current name and the names earlier
 * releases gave it (docs/datasets.md). Headers match without regard to case or runs of spaces; columns not named here
 * are ignored.
 */
import { ImportFormatError } from '../importBatch';

interface ColumnSpec {
  /** The name in the release the project ships (2025-04), then earlier or later names of the same column. */
  names: readonly string[];
  required: boolean;
}

export const EPOCH_COLUMNS = {
  // Epoch's 2022-2023 "Parameter, Compute and Data Trends" sheets called a model a "System".
  model: { names: ['Model', 'System'], required: true },
  organization: { names: ['Organization'], required: true },
  publicationDate: { names: ['Publication date'], required: false },
  reference: { names: ['Reference'], required: false },
  link: { names: ['Link'], required: false },
  parameters: { names: ['Parameters'], required: false },
  trainingCompute: { names: ['Training compute (FLOP)'], required: false },
  trainingHardware: { names: ['Training hardware'], required: false },
  accessibility: { names: ['Model accessibility'], required: false },
  confidence: { names: ['Confidence'], required: false },
  lastModified: { names: ['Last modified'], required: false },
  // Renamed in 2025: the Airtable lookup "(from Organization)" became "(of organization)".
  country: { names: ['Country (from Organization)', 'Country (of organization)'], required: false },
  baseModel: { names: ['Base model'], required: false },
  trainingCloud: { names: ['Training cloud compute vendor'], required: false },
} as const satisfies Record<string, ColumnSpec>;

export type EpochColumn = keyof typeof EPOCH_COLUMNS;

/** Each column read, by its index in the header; absent optional columns are missing from the map. */
export type ColumnIndex = Partial<Record<EpochColumn, number>>;

/** Given a header name, returns it as matched: lower case, runs of white space as one space, trimmed. */
function normalise(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Given a CSV header and the file's name, returns where each known column is; throws ImportFormatError when the
 * Model column is missing (the file is not Epoch's), another required column is missing, or one column appears twice
 * (under one name or two).
 */
export function epochColumns(header: readonly string[], file: string): ColumnIndex {
  const positions = new Map<string, number[]>();
  header.forEach((name, index) => {
    const key = normalise(name);
    positions.set(key, [...(positions.get(key) ?? []), index]);
  });
  const index: ColumnIndex = {};
  for (const [column, spec] of Object.entries(EPOCH_COLUMNS) as [EpochColumn, ColumnSpec][]) {
    const found = spec.names.flatMap((name) => positions.get(normalise(name)) ?? []);
    if (found.length > 1) {
      const names = found.map((at) => `"${header[at]}"`).join(', ');
      throw new ImportFormatError(`${file}: column "${spec.names[0]}" appears more than once: ${names}`);
    }
    if (found.length === 1) {
      index[column] = found[0];
      continue;
    }
    if (column === 'model') throw new ImportFormatError(`${file}: not Epoch AI's models CSV: no Model column`);
    if (spec.required) throw new ImportFormatError(`${file}: required column "${spec.names[0]}" is missing`);
  }
  return index;
}
