import type { ExportValue, GraphSource } from './model';
import { collectKeyTypes, describeProperty, floatText, jsonText } from './values';
import type { KeyType, Where } from './values';

/**
 * Given a graph, yields it as GraphML (a directed graph, one chunk per element) that NetworkX and Gephi read.
 * Two passes: the first collects property keys and types for the <key> declarations, the second writes elements.
 * Node labels go in key "labels" (":Entity:Company", as apoc.export.graphml writes them); relationship types go in
 * key "type" (apoc writes "label"; "type" is the Neo4j word). Lists are JSON text in string keys, and a key whose
 * values mix types is a string key.
 */
export async function* toGraphML(source: GraphSource): AsyncGenerator<string> {
  const nodeKeys = keyIds(await collectKeyTypes(source.nodes(), 'node'), 'n', 'labels');
  const edgeKeys = keyIds(await collectKeyTypes(source.relationships(), 'relationship'), 'e', 'type');
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns ' +
      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '<!-- Neo4j graph export. Node labels are in key "labels" (":Entity:Company"), relationship types in key "type". ' +
      'List properties are JSON text in string keys; a key whose values mix types is a string key. -->',
    ...keyLines(nodeKeys, 'node'),
    ...keyLines(edgeKeys, 'edge'),
    '<graph id="G" edgedefault="directed">',
    '',
  ].join('\n');
  for await (const node of source.nodes()) {
    const labels = node.labels.map((label) => `:${label}`).join('');
    const data = dataElements(
      nodeKeys,
      labels,
      node.properties,
      (name) => () => describeProperty('node', node.key, name),
    );
    yield `<node id="${attribute(node.key)}">${data}</node>\n`;
  }
  for await (const edge of source.relationships()) {
    const data = dataElements(
      edgeKeys,
      edge.type,
      edge.properties,
      (name) => () => describeProperty('relationship', edge.key, name),
    );
    const ends = `source="${attribute(edge.start)}" target="${attribute(edge.end)}"`;
    yield `<edge id="${attribute(edge.key)}" ${ends}>${data}</edge>\n`;
  }
  yield '</graph>\n</graphml>\n';
}

interface GraphMLKey {
  id: string;
  type: 'string' | 'long' | 'double' | 'boolean';
}

/**
 * Maps property names to key ids: the reserved key (labels / type) is `${prefix}0`, properties follow in first-seen
 * order.
 */
function keyIds(types: Map<string, KeyType>, prefix: string, reserved: string): Map<string, GraphMLKey> {
  if (types.has(reserved))
    throw new Error(`a property named "${reserved}" would clash with the GraphML key that holds ${reserved}`);
  const keys = new Map<string, GraphMLKey>([[reserved, { id: `${prefix}0`, type: 'string' }]]);
  for (const [name, type] of types) keys.set(name, { id: `${prefix}${keys.size}`, type: graphMLType(type) });
  return keys;
}

function graphMLType(type: KeyType): GraphMLKey['type'] {
  return type === 'long' || type === 'double' || type === 'boolean' ? type : 'string';
}

function keyLines(keys: Map<string, GraphMLKey>, domain: 'node' | 'edge'): string[] {
  return [...keys].map(
    ([name, key]) => `<key id="${key.id}" for="${domain}" attr.name="${attribute(name)}" attr.type="${key.type}"/>`,
  );
}

function dataElements(
  keys: Map<string, GraphMLKey>,
  first: string,
  properties: Record<string, ExportValue>,
  where: (name: string) => Where,
): string {
  const [reservedId] = keys.values();
  let out = `<data key="${reservedId.id}">${text(first)}</data>`;
  for (const [name, value] of Object.entries(properties)) {
    out += `<data key="${keys.get(name)!.id}">${text(valueText(value, where(name)))}</data>`;
  }
  return out;
}

function valueText(value: ExportValue, where: Where): string {
  if (Array.isArray(value)) return jsonText(value, where);
  if (typeof value === 'number') return floatText(value, where);
  return String(value);
}

// XML 1.0 allows only these characters; a lone surrogate is not one of them either.
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Element text: newlines and tabs stay literal, a carriage return is a reference (parsers would turn it into \n). */
function text(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>"'\r]/g, (char) => ENTITIES[char]);
}

/** Attribute values: also newline and tab as references, which attribute-value normalisation would turn into spaces. */
function attribute(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/[&<>"'\r\n\t]/g, (char) => ENTITIES[char]);
}
