import {
  GraphQLArgument,
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** Strings that would change a query if anything pasted them into Cypher, or that trip naive text handling. */
export const HOSTILE_STRINGS = [
  '"}) DETACH DELETE n //',
  "'}) MATCH (n) DETACH DELETE n //",
  '`) DETACH DELETE n WITH 1 AS x MATCH (m',
  '*/ MATCH (n) SET n.id = "pwned" /*',
  '\\u0027 OR 1=1 //',
  'openai" OR true OR "',
  '$id',
  '\u0000\u0001\u001f',
  '🤖🚀 모델 ✓',
  'ＯｐｅｎＡＩ',
  '하이퍼클로바X',
  'a'.repeat(5000),
];

export interface Operation {
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

/** A valid value for a required argument that is not the one being probed. */
function validValue(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) return {};
  if (isScalarType(inner)) {
    if (inner.name === 'Int') return 1;
    if (inner.name === 'Float') return 1;
    if (inner.name === 'Boolean') return true;
    if (inner.name === 'PartialDate') return '2023';
    return 'openai';
  }
  return null;
}

const takesText = (type: GraphQLInputType) => {
  const named = getNamedType(type);
  return isScalarType(named) && ['String', 'ID', 'PartialDate'].includes(named.name);
};

/**
 * Given the schema and a string, returns one operation per place a string can go in a Query field's arguments
 * (the argument itself, each item of a list argument, each text field of an input object), with the string in
 * that place and valid values in the other required arguments. Each selects only __typename.
 */
export function stringProbes(schema: GraphQLSchema, text: string): Operation[] {
  const operations: Operation[] = [];
  const fields = Object.values(schema.getQueryType()!.getFields());
  for (const field of fields) {
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    const build = (probed: GraphQLArgument, value: unknown, label: string) => {
      const variables: Record<string, unknown> = {};
      const definitions: string[] = [];
      const args: string[] = [];
      for (const arg of field.args) {
        if (arg === probed) variables[arg.name] = value;
        else if (isNonNullType(arg.type)) variables[arg.name] = validValue(arg.type);
        else continue;
        definitions.push(`$${arg.name}: ${String(arg.type)}`);
        args.push(`${arg.name}: $${arg.name}`);
      }
      operations.push({
        label: `${field.name}(${label})`,
        query: `query (${definitions.join(', ')}) { ${field.name}(${args.join(', ')})${selection} }`,
        variables,
      });
    };
    for (const arg of field.args) {
      const inner = getNullableType(arg.type);
      if (takesText(arg.type)) build(arg, isListType(inner) ? [text] : text, arg.name);
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) {
        for (const inputField of Object.values(named.getFields())) {
          if (takesText(inputField.type)) build(arg, { [inputField.name]: text }, `${arg.name}.${inputField.name}`);
        }
      }
    }
  }
  return operations;
}

/** A JSON array nested `depth` levels deep, as text (JSON.stringify of such a value overflows the stack). */
export const deepArray = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** A request body as raw JSON text, for variables too deep for JSON.stringify. */
export interface RawOperation {
  label: string;
  body: string;
}

/** Operations that once answered 5xx or cost far more than their estimate; each must get a 4xx user error. */
export const HOSTILE_OPERATIONS: RawOperation[] = [
  {
    label: 'unused variable nested 20,000 levels deep',
    body: `{"query":"query { stages { id } }","variables":{"deep":${deepArray(20_000)}}}`,
  },
  {
    label: 'used list variable nested 20,000 levels deep',
    body:
      '{"query":"query ($ids: [ID!]) { partnershipNetwork(companies: $ids) { nodes { id } } }",' +
      `"variables":{"ids":${deepArray(20_000)}}}`,
  },
  {
    label: 'used input object variable nested 5,000 levels deep',
    body:
      '{"query":"query ($filter: CompanyFilter) { companies(filter: $filter) { totalCount } }",' +
      `"variables":{"filter":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
  },
  {
    label: 'fifteen aliases of a whole-graph export',
    body: JSON.stringify({
      query: `{ ${Array.from({ length: 15 }, (_, i) => `e${i}: exportGraph(format: GRAPHML) { content }`).join(' ')} }`,
    }),
  },
];
