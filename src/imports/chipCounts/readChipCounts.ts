/**
 * Epoch AI's AI chip owner estimates (github epoch-research/ai-chip-counts, the `owners_csv_export` folder as
 * published) as an import batch: for each owner and chip vendor, one HOLDS_CHIPS_OF link from the owner to the vendor
 * carrying the owner's cumulative estimates quarter by quarter, and one Company per owner and vendor named
 * (docs/datasets.md). Only the `*_owners_cumulative_totals.csv` files are read; the quarterly and by-chip files give
 * the same estimates cut differently. Pure but for reading the files: names are resolved and the graph written by the
 * import.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AggregateKind } from '../../domain/enums';
import { csv } from '../csv';
import {
  ImportFormatError,
  type ImportBatch,
  type ImportedEntity,
  type ImportedLink,
  type ImportedSource,
  type ImportWarning,
  type Location,
} from '../importBatch';
import {
  CHIP_COLUMNS,
  chipColumns,
  generatedOn,
  parseEndDate,
  parseEstimate,
  type ChipColumn,
} from './chipCountsColumns';

/** The database, as the graph's Source names it; its snapshot date comes from the files' notes. */
export const CHIP_COUNTS_SOURCE: Omit<ImportedSource, 'snapshotOn'> = {
  id: 'epoch-ai-chip-counts',
  name: 'AI chip owner estimates',
  publisher: 'Epoch AI',
  url: 'https://github.com/epoch-research/ai-chip-counts',
  license: 'MIT',
  // The licence's copyright line is "Copyright (c) 2025 Epoch AI".
  attribution: 'Epoch AI, AI chip owner estimates',
};

/** The folder of the publisher's repository that holds the files, and the files read in it. */
export const EXPORT_FOLDER = 'owners_csv_export';
export const TOTALS_FILE = /_cumulative_totals\.csv$/;

/** Chip manufacturers (the cell, lower case) as the seed names the companies, so the identity rules find them. */
export const CHIP_VENDORS: Readonly<Record<string, string>> = {
  nvidia: 'NVIDIA',
  amd: 'AMD',
  google: 'Google',
  amazon: 'Amazon',
};

/** Owners that are not one company (the cell, lower case): kept as what they are, with `aggregate` saying so. */
export const AGGREGATE_OWNERS: Readonly<Record<string, { name: string; aggregate: AggregateKind; country?: string }>> =
  {
    china: { name: 'China (all owners)', aggregate: 'COUNTRY', country: 'CN' },
    other: { name: 'Other owners (Epoch AI chip estimates)', aggregate: 'REMAINDER' },
  };

/** One quarter's cumulative estimate for one owner and vendor, as the link's `estimates` holds it. */
export interface ChipEstimate {
  asOf: string;
  h100Equivalents: number;
  h100EquivalentsLow: number | null;
  h100EquivalentsHigh: number | null;
  units: number | null;
}

/** What an absent optional column costs, for the warning that says so. */
const MISSING_COLUMN_EFFECT: Partial<Record<ChipColumn, string>> = {
  h100EquivalentsLow: 'no 5th percentiles',
  h100EquivalentsHigh: 'no 95th percentiles',
  units: 'no unit counts',
  notes: 'the snapshot dated by the other files only',
};

/** A file to read: its path, and its name as messages give it. */
interface ChipFile {
  full: string;
  shown: string;
}

/** One owner's holdings of one vendor's chips, as read so far. */
interface Holding {
  owner: string;
  vendor: string;
  at: Location;
  byDate: Map<string, { estimate: ChipEstimate; at: Location }>;
}

/**
 * Given the path of the publisher's repository (or of its owners_csv_export folder, or of one
 * `*_owners_cumulative_totals.csv` file) and the path as messages name it, returns the import batch; throws
 * ImportFormatError, naming the file and line, for a file that is not one of these, a required column missing, a
 * number or a date that is not one, two estimates for one owner, vendor and date, or no date to date the snapshot by.
 */
export function readChipCounts(fullPath: string, shown: string): ImportBatch {
  const files = chipCountFiles(fullPath, shown);
  const warnings: ImportWarning[] = [];
  const holdings = new Map<string, Holding>();
  const companies = new Map<string, ImportedEntity>();
  let snapshotOn = '';
  let records = 0;
  for (const file of files) {
    const table = csv(readFile(file), file.shown);
    const columns = chipColumns(table.header, file.shown);
    if (table.rows.length === 0) throw new ImportFormatError(`${file.shown}: no rows after the header`);
    for (const column of Object.keys(MISSING_COLUMN_EFFECT) as ChipColumn[]) {
      if (columns[column] !== undefined) continue;
      const message = `column "${CHIP_COLUMNS[column].name}" is absent: ${MISSING_COLUMN_EFFECT[column]}`;
      warnings.push({ at: `${file.shown}:1`, message });
    }
    for (const { fields, line } of table.rows) {
      records++;
      const at = `${file.shown}:${line}`;
      const cell = (column: ChipColumn) => {
        const index = columns[column];
        return index === undefined ? '' : fields[index];
      };
      const generated = generatedOn(cell('notes'));
      if (generated !== null && generated > snapshotOn) snapshotOn = generated;
      const owner = ownerOf(required(cell, 'owner', at), at, companies);
      const vendor = vendorOf(required(cell, 'vendor', at), at, companies);
      const estimate = estimateOf(cell, at);
      const key = `${owner}\u0000${vendor}`;
      const holding = holdings.get(key) ?? { owner, vendor, at, byDate: new Map() };
      holdings.set(key, holding);
      const first = holding.byDate.get(estimate.asOf);
      if (first) {
        throw new ImportFormatError(
          `${at}: a second estimate of ${owner}'s ${vendor} chips at ${estimate.asOf} (the first is at ${first.at})`,
        );
      }
      holding.byDate.set(estimate.asOf, { estimate, at });
    }
  }
  if (snapshotOn === '') {
    throw new ImportFormatError(`${shown}: no "Estimates generated on" date in the Notes to date the snapshot by`);
  }
  const links = [...holdings.values()].map((holding): ImportedLink => ({
    type: 'HOLDS_CHIPS_OF',
    from: { label: 'Company', name: holding.owner },
    to: { label: 'Company', name: holding.vendor },
    confidence: 'REPORTED',
    properties: { estimates: JSON.stringify(estimatesOf(holding)) },
    at: holding.at,
  }));
  return {
    source: { ...CHIP_COUNTS_SOURCE, snapshotOn },
    records,
    entities: [...companies.values()],
    links,
    warnings,
  };
}

/**
 * Given the path read and its shown name, returns the files to read in the order of their paths: every
 * `*_cumulative_totals.csv` under owners_csv_export (the folder itself, or the one inside the path), or the one file.
 */
export function chipCountFiles(fullPath: string, shown: string): ChipFile[] {
  if (!fs.statSync(fullPath).isDirectory()) {
    if (!TOTALS_FILE.test(path.basename(fullPath))) {
      throw new ImportFormatError(
        `${shown}: not one of Epoch AI's owner estimates files (*_owners_cumulative_totals.csv) nor a folder of them`,
      );
    }
    return [{ full: fullPath, shown }];
  }
  const inner = path.join(fullPath, EXPORT_FOLDER);
  const [root, rootShown] = fs.existsSync(inner) ? [inner, path.join(shown, EXPORT_FOLDER)] : [fullPath, shown];
  const found = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((relative) => TOTALS_FILE.test(path.basename(relative)))
    .sort();
  if (found.length === 0) {
    throw new ImportFormatError(`${rootShown}: no *_owners_cumulative_totals.csv file in the folder or below it`);
  }
  return found.map((relative) => ({ full: path.join(root, relative), shown: path.join(rootShown, relative) }));
}

/** A file's text; a file that cannot be read is an ImportFormatError naming it. */
function readFile(file: ChipFile): string {
  try {
    return fs.readFileSync(file.full, 'utf8');
  } catch (error) {
    throw new ImportFormatError(`${file.shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Given a row's cells, a required column and where the row is, returns the cell's text; empty is an error. */
function required(cell: (column: ChipColumn) => string, column: ChipColumn, at: Location): string {
  const text = cell(column).replace(/\s+/g, ' ').trim();
  if (text === '') throw new ImportFormatError(`${at}: column "${CHIP_COLUMNS[column].name}" is empty`);
  return text;
}

/** Given an Owner cell, returns the owner's name, adding its Company (an aggregate owner as one) when first named. */
function ownerOf(cell: string, at: Location, companies: Map<string, ImportedEntity>): string {
  const aggregate = AGGREGATE_OWNERS[cell.toLowerCase()];
  const name = aggregate?.name ?? cell;
  if (!companies.has(name)) {
    const entity: ImportedEntity = { label: 'Company', name, claims: {}, confidence: 'REPORTED', at };
    if (aggregate) {
      entity.attributes = { aggregate: aggregate.aggregate };
      if (aggregate.country) entity.claims = { country: aggregate.country };
    }
    companies.set(name, entity);
  }
  return name;
}

/** Given a Chip manufacturer cell, returns the vendor's name as the seed gives it, adding its Company when new. */
function vendorOf(cell: string, at: Location, companies: Map<string, ImportedEntity>): string {
  const name = CHIP_VENDORS[cell.toLowerCase()] ?? cell;
  if (!companies.has(name)) companies.set(name, { label: 'Company', name, claims: {}, confidence: 'REPORTED', at });
  return name;
}

/** Given a row's cells and where it is, returns its estimate; a number or a date that is not one is an error. */
function estimateOf(cell: (column: ChipColumn) => string, at: Location): ChipEstimate {
  const asOf = parseEndDate(required(cell, 'endDate', at));
  if (asOf === null) {
    throw new ImportFormatError(`${at}: column "End date": "${cell('endDate').trim()}" is not a date (M/D/YYYY)`);
  }
  const number = (column: ChipColumn): number | null => {
    const value = parseEstimate(cell(column));
    if (value === undefined) {
      const text = cell(column).trim();
      throw new ImportFormatError(`${at}: column "${CHIP_COLUMNS[column].name}": "${text}" is not a number >= 0`);
    }
    return value;
  };
  const median = number('h100Equivalents');
  if (median === null) throw new ImportFormatError(`${at}: column "${CHIP_COLUMNS.h100Equivalents.name}" is empty`);
  return {
    asOf,
    h100Equivalents: median,
    h100EquivalentsLow: number('h100EquivalentsLow'),
    h100EquivalentsHigh: number('h100EquivalentsHigh'),
    units: number('units'),
  };
}

/** Given a holding, returns its estimates oldest first. */
function estimatesOf(holding: Holding): ChipEstimate[] {
  return [...holding.byDate.values()]
    .map(({ estimate }) => estimate)
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}
