import fs from 'node:fs';
import { readAliasFile } from '../identity/curatedAliases';
import { NameIndex, type KnownEntity } from '../identity/nameIndex';
import { formatProblem } from '../seed/seedGraph';
import type { ImportWarning } from './importBatch';
import type { NameResolver } from './planImport';

/**
 * Given the graph's entities (live and retired) and the curated alias file (none when the file is absent, as in a
 * seed folder of one's own), returns the resolver an import names things with (the identity rules of src/identity),
 * and what of the file does not fit this graph as warnings: an entry whose entity the graph does not hold (an import
 * into an empty database) cannot apply and is left out. The seed's own checks hold the file to the seed.
 */
export function nameResolverOf(
  known: readonly KnownEntity[],
  aliasFile: string,
): { resolver: NameResolver; warnings: ImportWarning[] } {
  if (!fs.existsSync(aliasFile)) return { resolver: new NameIndex(known), warnings: [] };
  const { curated, problems } = readAliasFile(aliasFile, known);
  const warnings = problems.map((problem) => ({
    at: problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`,
    message: `${formatProblem({ ...problem, file: '', line: undefined }).trim()}: curated alias left out`,
  }));
  return { resolver: new NameIndex(known, curated), warnings };
}
