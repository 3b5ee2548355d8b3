import fs from 'node:fs';
import type { ParsedSeedFile, SeedRecord, UnreadableLine } from './seedGraph';

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * Given a JSON Lines seed file (one JSON record per line; blank lines and lines starting with "#" are skipped),
 * returns it as a parsed seed file whose records are read from disk again on every walk, one line at a time, so a
 * file of any size is never held whole. A line that is not JSON becomes an UnreadableLine; never throws on bad content.
 */
export function readJsonLines(file: string, fullPath: string): ParsedSeedFile {
  try {
    if (!fs.statSync(fullPath).isFile()) return { file, records: [], problems: [{ file, message: 'is not a file' }] };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file is missing' : (error as Error).message;
    return { file, records: [], problems: [{ file, message: reason }] };
  }
  return { file, records: { [Symbol.iterator]: () => jsonLineRecords(fullPath) }, problems: [] };
}

/** Parses the lines of a JSON Lines text into records; what readJsonLines yields for a file. */
export function* parseJsonLines(lines: Iterable<string>): Generator<SeedRecord | UnreadableLine> {
  let line = 0;
  let records = 0;
  for (const raw of lines) {
    line += 1;
    const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (text === '' || text.startsWith('#')) continue;
    records += 1;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (error) {
      yield { line, problem: `is not valid JSON: ${(error as Error).message}` };
    }
  }
  if (records === 0) yield { line: 1, problem: 'has no records (a .jsonl seed file holds one JSON record per line)' };
}

function jsonLineRecords(fullPath: string): Generator<SeedRecord | UnreadableLine> {
  return parseJsonLines(fileLines(fullPath));
}

/**
 * The lines of a UTF-8 file, read in 1 MB chunks; a trailing "\r" is dropped. Splitting on the byte 0x0a is safe in
 * UTF-8.
 */
export function* fileLines(fullPath: string): Generator<string> {
  const fd = fs.openSync(fullPath, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let rest = Buffer.alloc(0);
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) {
      const data = rest.length === 0 ? chunk.subarray(0, read) : Buffer.concat([rest, chunk.subarray(0, read)]);
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        yield withoutCarriageReturn(data.toString('utf8', start, end));
        start = end + 1;
      }
      // The chunk buffer is reused by the next read: keep a copy of the unfinished line.
      rest = Buffer.from(data.subarray(start));
    }
    if (rest.length > 0) yield withoutCarriageReturn(rest.toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
}

const withoutCarriageReturn = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
