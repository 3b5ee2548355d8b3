/**
 * Imports a database's file as published: reads and maps it (the source's importer), resolves its names against the
 * graph (the identity rules), plans every change, and writes the plan in one transaction (unless a dry run). A file
 * the importer cannot read is refused before anything is read from the graph.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { QueryRunner } from '../db/queryRunner';
import type { DependencyCounts } from '../dependencies/deriveDependencies';
import { ImportRepository } from '../repositories/importRepository';
import { ImportBatch, ImportFormatError } from './importBatch';
import { readChipCounts } from './chipCounts/readChipCounts';
import { readEpochModels } from './epoch/readEpochModels';
import { readEcosystemGraphs } from './ecosystemGraphs/readEcosystemGraphs';
import { readModelsDev } from './modelsDev/readModelsDev';
import { ImportPlan, formatSummary, planImport, referenceId } from './planImport';
import { nameResolverOf } from './nameResolver';

/** A database the project imports: its source id (the command's `<source>`) and how its snapshot is read. */
export interface Importer {
  source: string;
  /**
   * What the publisher ships, as the shipped snapshot's path under seed/external/<source>/: a file
   * (all_ai_models.csv) or a folder (assets).
   */
  file: string;
  /** What `npm run import` says the path is, in its usage line. */
  describes: string;
  /**
   * Reads the snapshot at `fullPath` (a file or a folder, as the publisher lays it out); `shown` is the path as
   * messages name it. A snapshot it cannot read is an ImportFormatError that names the file and line.
   */
  read(fullPath: string, shown: string): ImportBatch;
}

export const IMPORTERS: readonly Importer[] = [
  {
    source: 'epoch-ai-models',
    file: 'all_ai_models.csv',
    describes: "a copy of the publisher's all_ai_models.csv",
    read: (fullPath, shown) => readEpochModels(readText(fullPath, shown), shown),
  },
  {
    source: 'ecosystem-graphs',
    file: 'assets',
    describes: "a copy of the repository's assets folder (or one of its .yaml files)",
    read: readEcosystemGraphs,
  },
  {
    source: 'models-dev',
    file: '',
    describes: 'a copy of the repository (the folder holding providers/ and models/)',
    read: readModelsDev,
  },
  {
    source: 'epoch-ai-chip-counts',
    file: 'owners_csv_export',
    describes:
      "a copy of the repository's owners_csv_export folder (or one of its *_owners_cumulative_totals.csv files)",
    read: readChipCounts,
  },
];

/** A file's text; a file that cannot be read is an ImportFormatError naming it. */
export function readText(fullPath: string, shown: string): string {
  try {
    return fs.readFileSync(fullPath, 'utf8');
  } catch (error) {
    throw new ImportFormatError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function importerOf(source: string): Importer | undefined {
  return IMPORTERS.find((importer) => importer.source === source);
}

export interface ImportOptions {
  dryRun: boolean;
  precedence: readonly string[];
  /** The curated alias file (seed/aliases.yaml). */
  aliasFile: string;
  now?: () => Date;
}

export interface ImportResult {
  plan: ImportPlan;
  /** The summary as printed: what was (or, in a dry run, would be) written. */
  lines: string[];
  dependencies: DependencyCounts | null;
  /** Seconds spent reading the graph, planning and writing (0 in a dry run). */
  seconds: { state: number; plan: number; write: number };
}

/**
 * Reads a snapshot (a file or a folder) for an importer; one that cannot be read or parsed is an ImportFormatError
 * naming it (as the path relative to the working directory, which is also how the summary's warnings name their
 * lines).
 */
export function readBatch(importer: Importer, file: string): ImportBatch {
  const shown =
    path.isAbsolute(file) && !path.relative(process.cwd(), file).startsWith('..')
      ? path.relative(process.cwd(), file)
      : file;
  if (!fs.existsSync(file)) throw new ImportFormatError(`${shown}: cannot be read (ENOENT)`);
  return importer.read(file, shown);
}

/** Imports (or, with dryRun, plans) a batch into the graph; see the module's comment. */
export async function importBatch(
  runner: QueryRunner,
  batch: ImportBatch,
  options: ImportOptions,
): Promise<ImportResult> {
  const repository = new ImportRepository(runner);
  const since = (start: number) => (performance.now() - start) / 1000;
  let start = performance.now();
  const references = batch.entities.flatMap((entity) => (entity.references ?? []).map(referenceId));
  const { known, state } = await repository.state([batch.source.id, ...new Set(references)]);
  const seconds = { state: since(start), plan: 0, write: 0 };
  start = performance.now();
  const { resolver, warnings } = nameResolverOf(known, options.aliasFile);
  const plan = planImport({ ...batch, warnings: [...warnings, ...batch.warnings] }, state, resolver, {
    precedence: options.precedence,
    now: (options.now?.() ?? new Date()).toISOString(),
  });
  seconds.plan = since(start);
  start = performance.now();
  const dependencies = options.dryRun ? null : await repository.write(plan);
  seconds.write = since(start);
  return { plan, lines: formatSummary(plan.summary, options.dryRun), dependencies, seconds };
}

/**
 * Imports the database snapshots shipped under `dir` (`<dir>/<source>/<file>`, seed/external by default) whose
 * sources `sources` names (all by default), in the order of IMPORTERS; a missing snapshot is skipped. Logs each
 * import's summary; returns each import's result by source.
 */
export async function importShipped(
  runner: QueryRunner,
  dir: string,
  options: Omit<ImportOptions, 'dryRun'>,
  log: (line: string) => void,
  sources: readonly string[] = IMPORTERS.map((importer) => importer.source),
): Promise<Map<string, ImportResult>> {
  const results = new Map<string, ImportResult>();
  for (const importer of IMPORTERS.filter((one) => sources.includes(one.source))) {
    const file = path.join(dir, importer.source, importer.file);
    if (!fs.existsSync(file)) continue;
    const started = Date.now();
    const result = await importBatch(runner, readBatch(importer, file), { ...options, dryRun: false });
    for (const line of result.lines) log(line);
    log(`${importer.source}: imported from ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    results.set(importer.source, result);
  }
  return results;
}
