import fs from 'node:fs';
import path from 'node:path';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { readJsonLines } from './readJsonLines';
import type { ParsedSeedFile, SeedProblem, SeedRecord } from './seedGraph';
import { FILE_SPECS, FileSpec, jsonLinesName } from './seedSpec';

/**
 * Given a seed folder, opens each expected file, <name>.yaml or <name>.jsonl (either, not both), keeping every
 * record's line; YAML is parsed here, JSON Lines are read line by line whenever their records are walked. An
 * optional file (datasets.yaml) may be absent: no records. Never throws on bad content. The files expected are those
 * of the specs given (GRAPH's by default).
 */
export function readSeedFiles(dir: string, specs: readonly FileSpec[] = FILE_SPECS): ParsedSeedFile[] {
  return specs.map((spec) => {
    const jsonl = jsonLinesName(spec);
    if (spec.optional && !fs.existsSync(path.join(dir, jsonl)) && !fs.existsSync(path.join(dir, spec.file)))
      return { file: spec.file, records: [], problems: [] };
    if (!fs.existsSync(path.join(dir, jsonl))) return parseSeedFile(spec.file, path.join(dir, spec.file));
    if (fs.existsSync(path.join(dir, spec.file))) {
      return {
        file: jsonl,
        records: [],
        problems: [{ file: jsonl, message: `and ${spec.file} are both in the folder: keep one of them` }],
      };
    }
    return readJsonLines(jsonl, path.join(dir, jsonl));
  });
}

/** Parses one YAML seed file (a list of mappings) into records with line numbers, and the problems met on the way. */
export function parseSeedFile(
  file: string,
  fullPath: string,
): { file: string; records: SeedRecord[]; problems: SeedProblem[] } {
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
    return {
      file,
      records: [],
      problems: [
        { file, line: 1, message: 'has no records (a seed file is a YAML list of records, each starting with "- ")' },
      ],
    };
  }
  if (!isSeq(doc.contents)) {
    return {
      file,
      records: [],
      problems: [{ file, line: 1, message: 'must be a YAML list of records (each starting with "- ")' }],
    };
  }
  // toJS on the whole document resolves anchors and aliases; the nodes give each record's line.
  const values = doc.toJS() as unknown[];
  const records = doc.contents.items.map((item, index) => {
    const range = (item as { range?: [number, number, number] | null } | null)?.range;
    return { line: lines.linePos(range?.[0] ?? 0).line, value: values[index] };
  });
  return { file, records, problems: [] };
}
