/**
 * The TOML files of a copy of the models.dev repository, read in path order. The repository keeps a provider's entry
 * that is the same as another provider's as a symbolic link; a copy made without symbolic links holds the link's
 * target path as the file's only text ("../../alibaba/models/qwen3-coder-plus.toml"), which is read as the link.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { ImportFormatError } from '../importBatch';

/** A parsed TOML table. */
export type Table = Record<string, unknown>;

/** One TOML file: its path under the snapshot's folder (forward slashes) and its parsed table. */
export interface TomlFile {
  path: string;
  table: Table;
}

/** The text of a symbolic link kept as a file: one relative path to a .toml file, nothing else. */
const LINK_TEXT = /^\.{1,2}\/[^\s=]*\.toml$/;

/** Given a folder, returns the relative paths (forward slashes) of the files under it, sorted by code unit. */
export function filesUnder(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  if (fs.existsSync(path.join(root, folder))) walk(folder);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Given the snapshot's folder, the path of one of its TOML files and the folder as messages name it, returns the
 * file's table (a link-as-text followed to its target), or the target of a link to a file the snapshot does not hold
 * (the publisher's repository has such links); throws ImportFormatError naming the file and, for TOML that does not
 * parse, the line.
 */
export function readToml(root: string, relative: string, shown: string): { table: Table } | { missing: string } {
  const at = `${shown}/${relative}`;
  const text = readFile(root, relative, at);
  const trimmed = text.trim();
  if (!LINK_TEXT.test(trimmed)) return { table: parseToml(text, at) };
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(relative), trimmed));
  if (target.startsWith('..') || !fs.existsSync(path.join(root, target))) return { missing: trimmed };
  return { table: parseToml(readFile(root, target, `${shown}/${target}`), `${shown}/${target}`) };
}

function readFile(root: string, relative: string, at: string): string {
  try {
    return fs.readFileSync(path.join(root, relative), 'utf8');
  } catch (error) {
    throw new ImportFormatError(`${at}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function parseToml(text: string, at: string): Table {
  try {
    return parse(text) as Table;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new ImportFormatError(`${at}:${error.line}: not TOML (${error.message.split('\n')[0]})`);
    }
    throw error;
  }
}
