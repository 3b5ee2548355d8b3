/**
 * Epoch AI's chip owner estimates, mapped: fixtures in the publisher's format (columns in the orders its files have
 * them, an aggregate China and Other, files the importer must not read, files it must refuse), then the shipped
 * snapshot against a reading of its CSVs apart from the importer's code (tests/chipCountsPlain.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportFormatError, type ImportBatch, type ImportedLink } from '../src/imports/importBatch';
import { CHIP_COUNTS_SOURCE, readChipCounts, type ChipEstimate } from '../src/imports/chipCounts/readChipCounts';
import {
  SHIPPED_CHIP_COUNTS,
  newestByPair,
  newestGeneratedOn,
  plainRows,
  totalsFiles,
  type PlainRow,
} from './chipCountsPlain';

const FIXTURES = path.join(__dirname, 'fixtures/epoch-ai-chip-counts');
const PUBLISHER = path.join(FIXTURES, 'publisher');

/** Given a batch, returns each holding's estimates by "owner -> vendor". */
function holdings(batch: ImportBatch): Record<string, ChipEstimate[]> {
  const byPair: Record<string, ChipEstimate[]> = {};
  for (const link of batch.links) {
    expect(link.type).toBe('HOLDS_CHIPS_OF');
    byPair[`${link.from.name} -> ${link.to.name}`] = JSON.parse(String(link.properties?.estimates));
  }
  return byPair;
}

/** Given a path, returns the message readChipCounts refuses it with. */
function refusal(fullPath: string, shown: string): string {
  try {
    readChipCounts(fullPath, shown);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError);
    return (error as Error).message;
  }
  throw new Error(`${shown} was read`);
}

describe('readChipCounts on files in the publisher format', () => {
  const batch = readChipCounts(PUBLISHER, 'ai-chip-counts');

  it('reads only the cumulative totals, whatever the order of their columns, coreweave/ included', () => {
    // 4 + 3 + 1 rows; the quarters file (a duplicate row) and the by-chip file (a newer date) are not read.
    expect(batch.records).toBe(8);
    expect(batch.source).toEqual({ ...CHIP_COUNTS_SOURCE, snapshotOn: '2026-04-22' });
    expect(batch.warnings).toEqual([]);
    expect(holdings(batch)).toEqual({
      'Microsoft -> AMD': [
        {
          asOf: '2024-03-31',
          h100Equivalents: 11166,
          h100EquivalentsLow: 7566,
          h100EquivalentsHigh: 16244,
          units: 8450,
        },
        {
          asOf: '2024-06-30',
          h100Equivalents: 24001,
          h100EquivalentsLow: 16310,
          h100EquivalentsHigh: 34900,
          units: 18164,
        },
      ],
      'Other owners (Epoch AI chip estimates) -> AMD': [
        {
          asOf: '2024-03-31',
          h100Equivalents: 20500.5,
          h100EquivalentsLow: null,
          h100EquivalentsHigh: null,
          units: 15600,
        },
      ],
      'CoreWeave -> NVIDIA': [
        { asOf: '2023-03-31', h100Equivalents: 4611, h100EquivalentsLow: 4611, h100EquivalentsHigh: 4611, units: 4611 },
      ],
      'Microsoft -> NVIDIA': [
        {
          asOf: '2022-03-31',
          h100Equivalents: 14769,
          h100EquivalentsLow: 8717,
          h100EquivalentsHigh: 24931,
          units: 46839,
        },
        {
          asOf: '2022-06-30',
          h100Equivalents: 30512,
          h100EquivalentsLow: 18210,
          h100EquivalentsHigh: 51200,
          units: 96012,
        },
      ],
      'China (all owners) -> NVIDIA': [
        {
          asOf: '2022-03-31',
          h100Equivalents: 9120,
          h100EquivalentsLow: 7001,
          h100EquivalentsHigh: 11800,
          units: 60210,
        },
        {
          asOf: '2022-06-30',
          h100Equivalents: 18300,
          h100EquivalentsLow: 14100,
          h100EquivalentsHigh: 23650,
          units: 120800,
        },
      ],
    });
  });

  it('links each owner to its vendor once, at the first row naming the pair, the owner depending on the vendor', () => {
    const link = batch.links.find((one) => one.from.name === 'Microsoft' && one.to.name === 'AMD') as ImportedLink;
    expect(link).toMatchObject({
      type: 'HOLDS_CHIPS_OF',
      from: { label: 'Company', name: 'Microsoft' },
      to: { label: 'Company', name: 'AMD' },
      confidence: 'REPORTED',
      at: 'ai-chip-counts/owners_csv_export/amd_owners_cumulative_totals.csv:2',
    });
    expect(Object.keys(link.properties ?? {})).toEqual(['estimates']);
  });

  it('names vendors as the seed does, and keeps China and Other as the aggregates they are', () => {
    const companies = Object.fromEntries(batch.entities.map((entity) => [entity.name, entity]));
    expect(Object.keys(companies).sort()).toEqual([
      'AMD',
      'China (all owners)',
      'CoreWeave',
      'Microsoft',
      'NVIDIA',
      'Other owners (Epoch AI chip estimates)',
    ]);
    expect(batch.entities.every((entity) => entity.label === 'Company' && entity.confidence === 'REPORTED')).toBe(true);
    expect(companies['China (all owners)']).toMatchObject({
      claims: { country: 'CN' },
      attributes: { aggregate: 'COUNTRY' },
    });
    expect(companies['Other owners (Epoch AI chip estimates)']).toMatchObject({
      claims: {},
      attributes: { aggregate: 'REMAINDER' },
    });
    expect(companies.Microsoft.attributes).toBeUndefined();
    expect(companies.NVIDIA.claims).toEqual({});
  });

  it('reads the owners_csv_export folder itself, and one file, under the name given', () => {
    const folder = readChipCounts(path.join(PUBLISHER, 'owners_csv_export'), 'export');
    expect(folder.records).toBe(8);
    expect(folder.links.map((link) => link.at)).toContain('export/coreweave/coreweave_owners_cumulative_totals.csv:2');
    const file = path.join(PUBLISHER, 'owners_csv_export/amd_owners_cumulative_totals.csv');
    const one = readChipCounts(file, 'amd.csv');
    expect(one.records).toBe(3);
    expect(one.source.snapshotOn).toBe('2026-04-03');
    expect(Object.keys(holdings(one))).toEqual(['Microsoft -> AMD', 'Other owners (Epoch AI chip estimates) -> AMD']);
  });

  it.each([
    ['bad_number', /^bad_number\.csv:2: column "Compute estimate in H100e \(median\)": "14\.769k" is not a number/],
    ['bad_date', /^bad_date\.csv:4: column "End date": "6\/31\/2022" is not a date/],
    ['missing_column', /^missing_column\.csv: required column "Chip manufacturer" is missing$/],
    [
      'duplicate',
      /^duplicate\.csv:5: a second estimate of China \(all owners\)'s NVIDIA chips at 2022-03-31 \(the first is at duplicate\.csv:3\)$/,
    ],
    ['renamed_by_chip', /^renamed_by_chip\.csv: a by-chip file \(it has a "Chip type" column\)/],
  ])('refuses %s, naming the file, the line and the column', (name, message) => {
    const file = path.join(FIXTURES, 'refused', `${name}_owners_cumulative_totals.csv`);
    expect(refusal(file, `${name}.csv`)).toMatch(message);
  });

  it('refuses a file that is not a cumulative totals file, and a folder without one', () => {
    const byChip = path.join(FIXTURES, 'refused/nvidia_owners_cumulative_by_chip.csv');
    expect(refusal(byChip, 'by_chip.csv')).toMatch(/^by_chip\.csv: not one of Epoch AI's owner estimates files/);
    expect(refusal(path.join(FIXTURES, '..', 'epoch'), 'epoch')).toMatch(/^epoch: no \*_owners_cumulative_totals/);
  });

  it('refuses a folder holding one refused file, whatever the others', () => {
    expect(refusal(path.join(FIXTURES, 'refused'), 'refused')).toMatch(/^refused\/\w+_owners_cumulative_totals\.csv/);
  });

  it('refuses files that give no date to date the snapshot by', () => {
    const text = fs.readFileSync(path.join(PUBLISHER, 'owners_csv_export/amd_owners_cumulative_totals.csv'), 'utf8');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chip-counts-'));
    const file = path.join(tmp, 'undated_owners_cumulative_totals.csv');
    fs.writeFileSync(file, text.replace(/Estimates generated on: [\d: -]+/g, ''));
    try {
      expect(refusal(file, 'undated.csv')).toBe(
        'undated.csv: no "Estimates generated on" date in the Notes to date the snapshot by',
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('readChipCounts on the shipped snapshot', () => {
  const batch = readChipCounts(SHIPPED_CHIP_COUNTS, 'epoch-ai-chip-counts');
  const rows = plainRows();
  const pair = (row: PlainRow) => `${row.owner} -> ${row.vendor}`;

  it('reads every row of the totals files, dated by their newest "Estimates generated on"', () => {
    expect(totalsFiles()).toHaveLength(6);
    expect(batch.records).toBe(rows.length);
    expect(batch.warnings).toEqual([]);
    expect(batch.source.snapshotOn).toBe(newestGeneratedOn());
  });

  it('has one holding per owner and vendor, with as many estimates as rows', () => {
    const counted: Record<string, number> = {};
    for (const row of rows) counted[pair(row)] = (counted[pair(row)] ?? 0) + 1;
    const read = holdings(batch);
    expect(Object.keys(read).sort()).toEqual(Object.keys(counted).sort());
    expect(Object.fromEntries(Object.entries(read).map(([key, list]) => [key, list.length]))).toEqual(counted);
  });

  it("gives each owner's newest H100-equivalents per vendor as the files do, and estimates oldest first", () => {
    const newest = newestByPair(rows);
    const read = holdings(batch);
    for (const [key, list] of Object.entries(read)) {
      expect({ key, asOf: list.at(-1)?.asOf, median: list.at(-1)?.h100Equivalents }).toEqual({
        key,
        asOf: newest.get(key)?.asOf,
        median: newest.get(key)?.median,
      });
      expect(list.map((estimate) => estimate.asOf)).toEqual(list.map((estimate) => estimate.asOf).sort());
    }
  });

  it('names every owner and vendor once, as a Company', () => {
    const named = new Set(rows.flatMap((row) => [row.owner, row.vendor]));
    expect(batch.entities.map((entity) => entity.name).sort()).toEqual([...named].sort());
  });
});
