import fs from 'node:fs';
import { loadAliasFile } from '../identity/curatedAliases';
import { NameIndex, type KnownEntity } from '../identity/nameIndex';
import type { NameResolver } from './planImport';

/**
 * Given the graph's entities (live and retired) and the curated alias file (none when the file is absent, as in a
 * seed folder of one's own), returns the resolver an import names things with: the identity rules of src/identity.
 */
export function nameResolverOf(known: readonly KnownEntity[], aliasFile: string): NameResolver {
  const curated = fs.existsSync(aliasFile) ? loadAliasFile(aliasFile, known) : undefined;
  return new NameIndex(known, curated);
}
