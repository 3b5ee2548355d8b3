import type { ExportValue } from './model';

type Scalar = Exclude<ExportValue, ExportValue[]>;
type ScalarType = 'string' | 'long' | 'double' | 'boolean';

/** A value's type in neo4j-admin header words; '[]' is an empty list, whose element type nothing tells. */
export type ValueType = ScalarType | `${ScalarType}[]` | '[]';

/** A key's type over a whole stream: one ValueType, or the two types that clashed. */
export type KeyType = ValueType | { mixed: [ValueType, ValueType] };

/** Names the owner of a value for an error message, built only when one is thrown. */
export type Where = () => string;

/** Given a property value, returns its type; throws on a non-finite float, a nested list or a list of mixed types. */
export function valueType(value: ExportValue, where: Where): ValueType {
  if (!Array.isArray(value)) return scalarType(value, where);
  let element: ScalarType | undefined;
  for (const item of value) {
    if (Array.isArray(item)) throw new Error(`${where()} is a nested list, which Neo4j cannot store`);
    const type = scalarType(item, where);
    if (element !== undefined && element !== type)
      throw new Error(`${where()} is a list mixing ${element} and ${type}`);
    element = type;
  }
  return element === undefined ? '[]' : `${element}[]`;
}

function scalarType(value: Scalar, where: Where): ScalarType {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'bigint':
      return 'long';
    case 'boolean':
      return 'boolean';
    default:
      floatText(value, where);
      return 'double';
  }
}

/**
 * Given a stream of nodes or relationships, returns every property key in first-seen order with its type over the
 * stream.
 */
export async function collectKeyTypes<T extends { key: string; properties: Record<string, ExportValue> }>(
  items: AsyncIterable<T>,
  kind: 'node' | 'relationship',
): Promise<Map<string, KeyType>> {
  const types = new Map<string, KeyType>();
  for await (const item of items) {
    for (const [name, value] of Object.entries(item.properties)) {
      const type = valueType(value, () => describeProperty(kind, item.key, name));
      const seen = types.get(name);
      if (seen === undefined) types.set(name, type);
      else if (typeof seen === 'string' && seen !== type) types.set(name, merge(seen, type) ?? { mixed: [seen, type] });
    }
  }
  return types;
}

function merge(a: ValueType, b: ValueType): ValueType | undefined {
  if (a === '[]' && b.endsWith('[]')) return b;
  if (b === '[]' && a.endsWith('[]')) return a;
  return undefined;
}

/** Given an owner and a property name, returns how error messages name it: `node "openai" property "name"`. */
export function describeProperty(kind: 'node' | 'relationship', key: string, property: string): string {
  return `${kind} ${JSON.stringify(key)} property ${JSON.stringify(property)}`;
}

/**
 * Given a float, returns text that every target reads back as a float: always with a '.' or an exponent
 * (Cypher reads `42` as INTEGER, Python's json reads it as int). Throws on NaN and infinities.
 */
export function floatText(value: number, where: Where): string {
  if (!Number.isFinite(value)) throw new Error(`${where()} is ${value}, which cannot be exported`);
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/**
 * Given a property value, returns it as JSON text: bigint with its exact digits, float always with a '.' or an
 * exponent.
 */
export function jsonText(value: ExportValue, where: Where): string {
  if (Array.isArray(value)) return `[${value.map((item) => jsonText(item, where)).join(',')}]`;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return floatText(value, where);
    default:
      return String(value);
  }
}
