/**
 * The text of generated seed files: JSON Lines (the default, fast to read at any size) or YAML like seed/, both
 * after a header line that marks the file as generated.
 */
import { stringify } from 'yaml';
import type { SyntheticOptions } from './generateGraph';
import { SEED_FILE_NAMES, type SeedFileName, type SeedRecords } from './seedRecords';

/** First line of every generated file; the CLI only overwrites seed files that start with it. */
export const GENERATED_HEADER = '# Synthetic seed written by src/synthetic/generateGraph.ts';

export const SEED_FORMATS = ['jsonl', 'yaml'] as const;
export type SeedFormat = (typeof SEED_FORMATS)[number];

/** Given a seed file and a format, returns the generated file's name: companies.yaml or companies.jsonl. */
export function seedFileName(file: SeedFileName, format: SeedFormat): string {
  return format === 'yaml' ? file : file.replace(/\.yaml$/, '.jsonl');
}

/** One record as a one-item YAML list; no line width, so long strings stay on one line. */
const yamlRecord = (record: object) => stringify([record], { lineWidth: 0 });

/**
 * Given generated records, yields the text of one seed file piece by piece (the "#" header line, then one record at
 * a time), so a file of any size is written without holding its text whole. JSON Lines: one JSON record per line;
 * YAML: list items, each after a blank line.
 */
export function* seedFileText(
  records: SeedRecords,
  file: SeedFileName,
  format: SeedFormat,
  options?: SyntheticOptions,
): Generator<string> {
  const about = options ? ` (companies ${options.companies}, seed ${options.seed})` : '';
  yield `${GENERATED_HEADER}${about}; not real data. Regenerate instead of editing.\n`;
  for (const record of records[file] as object[])
    yield format === 'jsonl' ? `${JSON.stringify(record)}\n` : `\n${yamlRecord(record)}`;
}

/** Given generated records, returns each seed file's YAML text, keyed by file name (same records, same bytes). */
export function serializeSeedRecords(records: SeedRecords, options?: SyntheticOptions): Record<SeedFileName, string> {
  return Object.fromEntries(
    SEED_FILE_NAMES.map((file) => [file, [...seedFileText(records, file, 'yaml', options)].join('')]),
  ) as Record<SeedFileName, string>;
}
