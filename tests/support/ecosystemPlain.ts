/** The shipped Ecosystem Graphs assets read with a plain YAML parser, apart from the importer's code. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../src/config';

export const SHIPPED_ECOSYSTEM_ASSETS = path.join(projectRoot, 'seed/external/ecosystem-graphs/assets');

/** Given an assets folder, returns its YAML files in path order and every asset they list, in that order. */
export function plainAssets(dir = SHIPPED_ECOSYSTEM_ASSETS): { files: string[]; assets: Record<string, unknown>[] } {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const assets = files.flatMap(
    (file) => (parse(fs.readFileSync(path.join(dir, file), 'utf8')) ?? []) as Record<string, unknown>[],
  );
  return { files, assets };
}

/** Given an asset, returns the names its `dependencies` lists (a list, or a `{value, explanation}` map's value). */
export function dependencyNames(asset: Record<string, unknown>): unknown[] {
  const raw = asset.dependencies as unknown;
  return Array.isArray(raw) ? raw : ((raw as { value?: unknown[] } | null)?.value ?? []);
}
