import type { ExportValue, GraphSource } from './model';
import { collectKeyTypes, describeProperty, floatText } from './values';
import type { KeyType, ValueType, Where } from './values';

// Files for `neo4j-admin database import full` with its defaults: ',' between fields, ';' between array elements,
// '"' quotes (doubled inside). A value with a newline needs `--multiline-fields=true`. An empty string is written as
// "" (kept, since --ignore-empty-strings is false); a missing property as an empty field. Empty lists are written as
// an empty field, so they are not imported: neo4j-admin cannot tell an empty array from a missing one.

/**
 * Given a graph, yields a node CSV file, header first (`id:ID,:LABEL,<key>:<type>...`), then a chunk per node.
 * The ID column is named `id`, so neo4j-admin stores it as the string property `id`; the `id` property is not repeated.
 */
export async function* toCsvNodes(source: GraphSource): AsyncGenerator<string> {
  const columns = csvColumns(await collectKeyTypes(source.nodes(), 'node'), 'node').filter(([name]) => name !== 'id');
  yield line(['id:ID', ':LABEL', ...columns.map(([name, type]) => `${name}:${type}`)]);
  for await (const node of source.nodes()) {
    if (node.properties.id !== node.key)
      throw new Error(`node ${JSON.stringify(node.key)} must have property id equal to its key`);
    for (const label of node.labels) {
      if (label.includes(';'))
        throw new Error(
          `node ${JSON.stringify(node.key)} has label ${JSON.stringify(label)}, and ';' separates labels in CSV`,
        );
    }
    const cells = columns.map(([name]) => cell(node.properties[name], () => describeProperty('node', node.key, name)));
    yield line([node.key, node.labels.join(';'), ...cells]);
  }
}

/**
 * Given a graph, yields a relationship CSV file, header first (`:START_ID,:END_ID,:TYPE,<key>:<type>...`), then a chunk
 * per relationship.
 */
export async function* toCsvRelationships(source: GraphSource): AsyncGenerator<string> {
  const columns = csvColumns(await collectKeyTypes(source.relationships(), 'relationship'), 'relationship');
  yield line([':START_ID', ':END_ID', ':TYPE', ...columns.map(([name, type]) => `${name}:${type}`)]);
  for await (const rel of source.relationships()) {
    const cells = columns.map(([name]) =>
      cell(rel.properties[name], () => describeProperty('relationship', rel.key, name)),
    );
    yield line([rel.start, rel.end, rel.type, ...cells]);
  }
}

function csvColumns(types: Map<string, KeyType>, kind: string): [string, Exclude<ValueType, '[]'>][] {
  return [...types].map(([name, type]) => {
    if (typeof type !== 'string') {
      throw new Error(
        `${kind} property ${JSON.stringify(name)} has values of types ${type.mixed[0]} and ${type.mixed[1]}; a CSV ` +
          `column has one type`,
      );
    }
    if (name.includes(':'))
      throw new Error(`${kind} property ${JSON.stringify(name)} contains ':', which the CSV header cannot express`);
    return [name, type === '[]' ? 'string[]' : type];
  });
}

/** A cell's text and whether it must be quoted even without special characters (an empty string, to keep it). */
function cell(value: ExportValue | undefined, where: Where): { text: string; quote: boolean } {
  if (value === undefined) return { text: '', quote: false };
  if (typeof value === 'string') return { text: value, quote: value === '' };
  if (!Array.isArray(value)) return { text: scalarText(value, where), quote: false };
  const items = value.map((item) => {
    const text = scalarText(item as Exclude<ExportValue, ExportValue[]>, where);
    if (text.includes(';'))
      throw new Error(`${where()} has the element ${JSON.stringify(text)}; ';' separates array elements in CSV`);
    if (text === '')
      throw new Error(`${where()} has an empty string element, which a CSV array cannot tell from no element`);
    return text;
  });
  return { text: items.join(';'), quote: false };
}

function scalarText(value: Exclude<ExportValue, ExportValue[]>, where: Where): string {
  return typeof value === 'number' ? floatText(value, where) : String(value);
}

function line(cells: (string | { text: string; quote: boolean })[]): string {
  return `${cells.map((c) => (typeof c === 'string' ? field(c, false) : field(c.text, c.quote))).join(',')}\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(text: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
