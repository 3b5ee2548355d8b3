import type { QueryRunner } from '../db/queryRunner';
import { readSeedFiles } from './readSeedFiles';
import { ParsedSeedFile, SeedEntity, SeedGraph, SeedProblem, formatProblem } from './seedGraph';
import { SeedCheck, checkSeed, validateSeed } from './validateSeed';
import { WriteOptions, WriteReport, writeSeed } from './writeSeed';

/** Every problem of a seed folder at once; thrown before anything is written. */
export class SeedValidationError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: SeedProblem[],
  ) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the seed files of ` +
        `${dir}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'SeedValidationError';
  }
}

/** Given a seed folder, returns its validated graph or throws SeedValidationError listing every problem. */
export function readSeed(dir: string): SeedGraph {
  const { graph, problems } = validateSeed(readSeedFiles(dir));
  if (problems.length > 0) throw new SeedValidationError(dir, problems);
  return graph;
}

/**
 * Given a seed folder, checks it completely without keeping its graph (for seeds of any size) and returns its files
 * with the check, or throws SeedValidationError listing every problem. Each valid entity goes to `onEntity` as the
 * check walks it (while no problem has been found), so that it can be written out in the same walk.
 */
export function checkSeedFolder(
  dir: string,
  onEntity?: (entity: SeedEntity) => void,
): { files: ParsedSeedFile[]; check: SeedCheck } {
  const files = readSeedFiles(dir);
  const check = checkSeed(files, undefined, onEntity);
  if (check.problems.length > 0) throw new SeedValidationError(dir, check.problems);
  return { files, check };
}

/** Validates a seed folder completely, then writes it in one transaction; returns what changed. */
export async function loadSeed(
  runner: QueryRunner,
  dir: string,
  options: WriteOptions,
): Promise<{ graph: SeedGraph; report: WriteReport }> {
  const graph = readSeed(dir);
  options.onProgress?.(
    `validated ${graph.nodes.length} nodes and ${graph.relationships.length} relationships in ${dir}`,
  );
  const report = await writeSeed(runner, graph, options);
  return { graph, report };
}

/** A one-line summary of a write: "no changes" when the database already held the seed. */
export function summarize(report: WriteReport): string {
  const { nodes, relationships, claims } = report;
  const { dependencies } = report;
  const changed =
    nodes.created +
    nodes.updated +
    relationships.created +
    relationships.updated +
    claims.created +
    claims.updated +
    claims.deleted +
    report.deleted +
    dependencies.written +
    dependencies.deleted;
  const head =
    changed === 0
      ? 'no changes'
      : `nodes: ${nodes.created} created, ${nodes.updated} updated; ` +
        `relationships: ${relationships.created} created, ${relationships.updated} updated; ` +
        `claims: ${claims.created} created, ${claims.updated} updated, ${claims.deleted} deleted; ` +
        `dependencies: ${dependencies.written} written, ${dependencies.deleted} deleted`;
  const unchanged = `${nodes.unchanged} nodes and ${relationships.unchanged} relationships unchanged`;
  const stale =
    report.stale + report.staleRelationships > 0
      ? `; ${report.stale} entities and ${report.staleRelationships} relationships in the database are not in the ` +
        'seed files (kept; --reset drops them)'
      : '';
  return `${head} (${unchanged})${stale}`;
}
