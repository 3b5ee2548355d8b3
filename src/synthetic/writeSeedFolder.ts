import fs from 'node:fs';
import path from 'node:path';
import { FILE_SPECS } from '../seed/seedSpec';
import type { SyntheticOptions } from './generateGraph';
import { seedFileName, seedFileText, type SeedFormat } from './seedFileText';
import { SEED_FILE_NAMES, type SeedRecords } from './seedRecords';

const WRITE_CHUNK = 1 << 20;
const OPTIONAL_FILES = new Set<string>(FILE_SPECS.filter((spec) => spec.optional).map((spec) => spec.file));

/**
 * Given generated records, writes each seed file into `dir` (which must exist) in the given format, about 1 MB at a
 * time so no file's whole text is held; returns each written file's name, record count and size in bytes. An optional
 * file without records (datasets.yaml) is left out.
 */
export function writeSeedFolder(
  dir: string,
  records: SeedRecords,
  format: SeedFormat,
  options: SyntheticOptions,
): { file: string; records: number; bytes: number }[] {
  return SEED_FILE_NAMES.filter((file) => records[file].length > 0 || !OPTIONAL_FILES.has(file)).map((file) => {
    const name = seedFileName(file, format);
    const bytes = writeInChunks(path.join(dir, name), seedFileText(records, file, format, options));
    return { file: name, records: records[file].length, bytes };
  });
}

function writeInChunks(fullPath: string, pieces: Iterable<string>): number {
  const fd = fs.openSync(fullPath, 'w');
  let bytes = 0;
  let chunk: string[] = [];
  let length = 0;
  const flush = () => {
    const buffer = Buffer.from(chunk.join(''));
    fs.writeSync(fd, buffer);
    bytes += buffer.length;
    chunk = [];
    length = 0;
  };
  try {
    for (const piece of pieces) {
      chunk.push(piece);
      length += piece.length;
      if (length >= WRITE_CHUNK) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}
