/**
 * The assets of an Ecosystem Graphs snapshot as the publisher lays them out: a folder of YAML files (the repository's
 * `assets`, or a folder holding it), or one such file, each a list of assets. Files are read in sorted order; each
 * asset keeps the file and line it starts on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import { ImportFormatError, type Location } from '../importBatch';

/** One asset as written: its fields (YAML values, dates as text) and where it starts. */
export interface RawAsset {
  fields: Record<string, unknown>;
  at: Location;
}

/** Given a path (a folder or a .yaml file) and the path as messages name it, returns every asset, file by file. */
export function readAssets(fullPath: string, shown: string): RawAsset[] {
  const stat = fs.statSync(fullPath);
  if (!stat.isDirectory()) return readAssetFile(fullPath, shown);
  const inner = path.join(fullPath, 'assets');
  const [dir, dirShown] = fs.existsSync(inner) ? [inner, path.join(shown, 'assets')] : [fullPath, shown];
  const files = fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort();
  if (files.length === 0) throw new ImportFormatError(`${dirShown}: no .yaml file`);
  return files.flatMap((name) => readAssetFile(path.join(dir, name), path.join(dirShown, name)));
}

/** Given one YAML file, returns its assets; a file that is not YAML or not a list of maps is an ImportFormatError. */
export function readAssetFile(fullPath: string, shown: string): RawAsset[] {
  let text: string;
  try {
    text = fs.readFileSync(fullPath, 'utf8');
  } catch (error) {
    throw new ImportFormatError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  const lineOf = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line;
  if (document.errors.length > 0) {
    const [error] = document.errors;
    throw new ImportFormatError(`${shown}:${lineOf(error.pos[0])}: not YAML (${error.message.split('\n')[0]})`);
  }
  const contents = document.contents;
  if (!isSeq(contents)) throw new ImportFormatError(`${shown}:${lineOf(contents?.range?.[0])}: not a list of assets`);
  return contents.items.map((item) => {
    const line = lineOf((item as { range?: [number, number, number] }).range?.[0]);
    if (!isMap(item)) throw new ImportFormatError(`${shown}:${line}: an asset that is not a map`);
    return { fields: item.toJSON() as Record<string, unknown>, at: `${shown}:${line}` };
  });
}
