import fs from 'node:fs';
import path from 'node:path';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import type { ParsedSeedFile } from './seedGraph';
import { FILE_SPECS } from './seedSpec';

/** Given a seed folder, parses each expected YAML file, keeping every record's line; never throws on bad content. */
export function readSeedFiles(dir: string): ParsedSeedFile[] {
  return FILE_SPECS.map(({ file }) => parseSeedFile(file, path.join(dir, file)));
}

/** Parses one YAML seed file (a list of mappings) into records with line numbers, and the problems met on the way. */
export function parseSeedFile(file: string, fullPath: string): ParsedSeedFile {
  let text: string;
  try {
    text = fs.readFileSync(fullPath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file is missing' : (error as Error).message;
    return { file, records: [], problems: [{ file, message: reason }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      file,
      records: [],
      problems: doc.errors.map((error) => ({
        file,
        line: lines.linePos(error.pos[0]).line,
        message: `is not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  if (doc.contents === null || (isSeq(doc.contents) && doc.contents.items.length === 0)) {
    return { file, records: [], problems: [{ file, line: 1, message: 'has no records (a seed file is a YAML list of records, each starting with "- ")' }] };
  }
  if (!isSeq(doc.contents)) {
    return { file, records: [], problems: [{ file, line: 1, message: 'must be a YAML list of records (each starting with "- ")' }] };
  }
  // toJS on the whole document resolves anchors and aliases; the nodes give each record's line.
  const values = doc.toJS() as unknown[];
  const records = doc.contents.items.map((item, index) => {
    const range = (item as { range?: [number, number, number] | null } | null)?.range;
    return { line: lines.linePos(range?.[0] ?? 0).line, value: values[index] };
  });
  return { file, records, problems: [] };
}
