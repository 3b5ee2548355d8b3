/**
 * Epoch AI's models CSV read for the tests' own expectations, apart from the project's reader: a small RFC 4180
 * parser, rows as objects keyed by the header. Tests compute what the graph should say from these rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config';

export const SHIPPED_EPOCH_CSV = path.join(projectRoot, 'seed/external/epoch-ai-models/all_ai_models.csv');

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The CSV's rows as objects keyed by column name. */
export function epochRows(file = SHIPPED_EPOCH_CSV): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return rows
    .filter((row) => row.length > 1)
    .map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

/** Writes rows back as CSV (every field quoted). */
export function toCsv(header: string[], rows: Record<string, string>[]): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return [header, ...rows.map((row) => header.map((name) => row[name] ?? ''))]
    .map((fields) => fields.map(quote).join(','))
    .join('\n')
    .concat('\n');
}

/** A name as a cell writes it, its white space (line breaks, no-break spaces) as single spaces. */
export const cellName = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A multi-valued cell's values: Epoch joins them with a bare comma ("A,B"); ", " is part of a name. */
export const cellList = (text: string) =>
  text
    .split(/,(?! )/)
    .map(cellName)
    .filter((value) => value !== '');
