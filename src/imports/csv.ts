/**
 * A reader for CSV as RFC 4180 describes it: fields separated by commas, records by CRLF (or LF), a field in double
 * quotes may hold commas, line breaks and doubled quotes (""). A UTF-8 byte order mark before the header is skipped.
 * Strict: a file that breaks the format is refused with the line where it does, never guessed at.
 */
import { ImportFormatError } from './importBatch';

/** One record after the header: its fields, and the line of the file it starts on (1 is the header's). */
export interface CsvRow {
  fields: string[];
  line: number;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Given a CSV file's text and its name (for messages), returns its header and rows; throws ImportFormatError naming
 * the line for an empty file, an unterminated quoted field, text after a closing quote, a quote inside an unquoted
 * field, or a row whose field count differs from the header's (said to be truncated when it is the last row).
 */
export function csv(text: string, file: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ImportFormatError(`${file}: empty file`);
  const records = readRecords(body, file);
  const [header, ...rest] = records;
  const rows = rest.map((record, index) => {
    if (record.fields.length !== header.fields.length) {
      const last = index === rest.length - 1 && record.fields.length < header.fields.length;
      throw new ImportFormatError(
        `${file}:${record.line}: ${last ? 'last ' : ''}row has ${fields(record.fields.length)}, the header has ` +
          `${header.fields.length}${last ? ' (truncated file?)' : ''}`,
      );
    }
    return record;
  });
  return { header: header.fields, rows };
}

/** Given a count, returns it with "field" or "fields". */
function fields(count: number): string {
  return `${count} field${count === 1 ? '' : 's'}`;
}

/** Given a file's text (no BOM), returns its records with the line each starts on; trailing line breaks end none. */
function readRecords(text: string, file: string): CsvRow[] {
  const records: CsvRow[] = [];
  const length = text.length;
  let line = 1;
  let position = 0;
  while (position < length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(position) === QUOTE) {
        const parts: string[] = [];
        let from = position + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) {
            throw new ImportFormatError(
              `${file}:${start}: a quoted field is never closed (truncated file?) in the row starting on this line`,
            );
          }
          parts.push(text.slice(from, quote));
          if (text.charCodeAt(quote + 1) === QUOTE) {
            parts.push('"');
            from = quote + 2;
            continue;
          }
          position = quote + 1;
          break;
        }
        field = parts.join('');
        line += countLineBreaks(field);
        const next = text.charCodeAt(position);
        if (position < length && next !== COMMA && next !== LF && next !== CR) {
          throw new ImportFormatError(`${file}:${line}: text after a closing quote (a field is badly quoted)`);
        }
      } else {
        let end = position;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          if (code === QUOTE) {
            throw new ImportFormatError(`${file}:${line}: a quote inside an unquoted field (not a CSV file?)`);
          }
          end++;
        }
        field = text.slice(position, end);
        position = end;
      }
      fields.push(field);
      if (position >= length) break;
      const code = text.charCodeAt(position);
      position++;
      if (code === COMMA) continue;
      if (code === CR && text.charCodeAt(position) === LF) position++;
      line++;
      break;
    }
    records.push({ fields, line: start });
  }
  return trimTrailingEmpty(records);
}

/** Given a quoted field's text, returns how many line breaks (CRLF, LF or CR) it holds. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) count++;
  }
  return count;
}

/** Given the records, drops the empty ones at the end (blank lines after the last record). */
function trimTrailingEmpty(records: CsvRow[]): CsvRow[] {
  let end = records.length;
  while (end > 1 && records[end - 1].fields.length === 1 && records[end - 1].fields[0] === '') end--;
  return records.slice(0, end);
}
