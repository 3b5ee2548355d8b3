/**
 * The shipped chip owner estimates read apart from the importer's code, for the tests to compare with: every
 * `*_cumulative_totals.csv` under owners_csv_export split on commas (the cells read come before the only quoted
 * cells, the notes), and the names the graph gives owners and vendors as docs/datasets.md lists them.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SHIPPED_CHIP_COUNTS = path.join(__dirname, '../seed/external/epoch-ai-chip-counts');

/** One row of a totals file: its owner and vendor as the graph names them, its End date (ISO) and its median. */
export interface PlainRow {
  owner: string;
  vendor: string;
  asOf: string;
  median: number;
}

const OWNERS: Record<string, string> = {
  China: 'China (all owners)',
  Other: 'Other owners (Epoch AI chip estimates)',
};
const VENDORS: Record<string, string> = { Nvidia: 'NVIDIA', AMD: 'AMD', Google: 'Google', Amazon: 'Amazon' };

/** Given an owners_csv_export folder, returns its totals files (the folder's own and coreweave/'s). */
export function totalsFiles(root = path.join(SHIPPED_CHIP_COUNTS, 'owners_csv_export')): string[] {
  return ['', 'coreweave'].flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith('_cumulative_totals.csv'))
      .map((name) => path.join(root, folder, name)),
  );
}

/** Given an owners_csv_export folder, returns every row of its totals files. */
export function plainRows(root?: string): PlainRow[] {
  return totalsFiles(root).flatMap((file) => {
    const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    const names = header.split(',');
    const at = (name: string) => names.indexOf(name);
    return lines.map((line) => {
      const cells = line.split(',');
      const [month, day, year] = cells[at('End date')].split('/');
      return {
        owner: OWNERS[cells[at('Owner')]] ?? cells[at('Owner')],
        vendor: VENDORS[cells[at('Chip manufacturer')]],
        asOf: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
        median: Number(cells[at('Compute estimate in H100e (median)')]),
      };
    });
  });
}

/**
 * Given rows, returns the newest row of each owner and vendor (on or before `asOf` when given), by
 * "owner -> vendor".
 */
export function newestByPair(rows: readonly PlainRow[], asOf?: string): Map<string, PlainRow> {
  const newest = new Map<string, PlainRow>();
  for (const row of rows) {
    const key = `${row.owner} -> ${row.vendor}`;
    if ((asOf === undefined || row.asOf <= asOf) && (newest.get(key)?.asOf ?? '') < row.asOf) newest.set(key, row);
  }
  return newest;
}

/** Given an owners_csv_export folder, returns the newest "Estimates generated on" date of its totals files (ISO). */
export function newestGeneratedOn(root?: string): string {
  const text = totalsFiles(root)
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
  const dates = [...text.matchAll(/generated on: (\d\d)-(\d\d)-(\d{4})/g)].map(([, m, d, y]) => `${y}-${m}-${d}`);
  return dates.sort().at(-1) ?? '';
}
