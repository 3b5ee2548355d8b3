import type { ExportValue, GraphSource } from './model';
import { describeProperty, floatText } from './values';
import type { Where } from './values';

export interface CypherExportOptions {
  /** CREATE CONSTRAINT/INDEX ... IF NOT EXISTS statements, run before any data. */
  schema: string[];
  /** Rows per UNWIND statement; default 500. */
  batchSize?: number;
}

/**
 * Given a graph and its schema statements, yields a Cypher script, a statement at a time, that recreates the graph
 * on an empty Neo4j 5 when run as-is by cypher-shell or Neo4j Browser: literals only, no parameters, no APOC.
 * Relationships find their ends by `(:Entity {id})`, so every node must carry the Entity label and `id` = its key.
 */
export async function* toCypher(source: GraphSource, options: CypherExportOptions): AsyncGenerator<string> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  yield (
    '// Neo4j 5 Cypher script recreating the AI value-chain graph; run it on an empty database ' +
    '(cypher-shell -f, or Neo4j Browser).\n'
  );
  for (const statement of options.schema) yield `${statement.trim().replace(/;$/, '')};\n`;

  // One open batch per label set (and below per type), so memory is bounded by label sets x batchSize, not by the
  // graph.
  const nodeBatches = new Map<string, string[]>();
  const nodeStatement = (labels: string, rows: string[]) =>
    `UNWIND [\n${rows.join(',\n')}\n] AS row CREATE (n${labels}) SET n = row;\n`;
  for await (const node of source.nodes()) {
    if (!node.labels.includes('Entity'))
      throw new Error(`node ${JSON.stringify(node.key)} lacks the Entity label that relationships are matched by`);
    if (node.properties.id !== node.key)
      throw new Error(`node ${JSON.stringify(node.key)} must have property id equal to its key`);
    const labels = node.labels.map((label) => `:${identifier(label)}`).join('');
    const rows = nodeBatches.get(labels) ?? [];
    rows.push(mapLiteral(node.properties, (name) => () => describeProperty('node', node.key, name)));
    nodeBatches.set(labels, rows);
    if (rows.length >= batchSize) {
      nodeBatches.delete(labels);
      yield nodeStatement(labels, rows);
    }
  }
  for (const [labels, rows] of nodeBatches) yield nodeStatement(labels, rows);

  const relationshipBatches = new Map<string, string[]>();
  const relationshipStatement = (type: string, rows: string[]) =>
    `UNWIND [\n${rows.join(',\n')}\n] AS row ` +
    'MATCH (a:Entity {id: row.start}) MATCH (b:Entity {id: row.end}) ' +
    `CREATE (a)-[r:${type}]->(b) SET r = row.properties;\n`;
  for await (const relationship of source.relationships()) {
    const type = identifier(relationship.type);
    const rows = relationshipBatches.get(type) ?? [];
    const properties = mapLiteral(
      relationship.properties,
      (name) => () => describeProperty('relationship', relationship.key, name),
    );
    const ends = `start: ${stringLiteral(relationship.start)}, end: ${stringLiteral(relationship.end)}`;
    rows.push(`{${ends}, properties: ${properties}}`);
    relationshipBatches.set(type, rows);
    if (rows.length >= batchSize) {
      relationshipBatches.delete(type);
      yield relationshipStatement(type, rows);
    }
  }
  for (const [type, rows] of relationshipBatches) yield relationshipStatement(type, rows);
}

/**
 * Given a label, type or property key, returns it as Cypher writes it: plain, or backtick-quoted with backticks
 * doubled.
 */
export function identifier(name: string): string {
  if (name === '') throw new Error('an empty name cannot be a Cypher label, type or property key');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** Given a property value, returns it as a Cypher literal of the same type (INTEGER, FLOAT, STRING, BOOLEAN, LIST). */
export function cypherLiteral(value: ExportValue, where: Where): string {
  if (Array.isArray(value)) return `[${value.map((item) => cypherLiteral(item, where)).join(', ')}]`;
  switch (typeof value) {
    case 'string':
      return stringLiteral(value);
    case 'number':
      return floatText(value, where);
    default:
      return String(value);
  }
}

function mapLiteral(properties: Record<string, ExportValue>, where: (name: string) => Where): string {
  const entries = Object.entries(properties).map(
    ([name, value]) => `${identifier(name)}: ${cypherLiteral(value, where(name))}`,
  );
  return `{${entries.join(', ')}}`;
}

const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// Control characters, line/paragraph separators and lone surrogates become \uXXXX so the script stays one
// statement per visible line block and survives UTF-8 encoding.
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  /[\\'\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function stringLiteral(value: string): string {
  const escaped = value.replace(
    NEEDS_ESCAPE,
    (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `'${escaped}'`;
}
