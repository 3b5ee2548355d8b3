import fc from 'fast-check';
import {
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { buildSchema } from '../src/graphql/buildSchema';
import { startSeededServer } from './support/graphqlClient';
import { HOSTILE_STRINGS } from './support/hostileOperations';
import { graphChecksum } from './support/testDatabase';

let server: Awaited<ReturnType<typeof startSeededServer>>;
let before: string;

beforeAll(async () => {
  server = await startSeededServer();
  before = await graphChecksum(server.runner);
});
afterAll(() => server.close());

const schema: GraphQLSchema = buildSchema();
const ALLOWED = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  // Key names in history records are editors' only, and the fuzzer sends no key.
  'FORBIDDEN',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Values of any JSON shape, biased to the ones the API takes: ids, dates, enum names, page sizes. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'openai',
    'naver',
    'gpt-4',
    'askup',
    'tsmc',
    'chips',
    'MODELS',
    'SERVICES',
    'COUNTRY',
    'BLOC',
    '2023',
    '2023-03',
    '2023-13-40',
    '',
    'null',
  ),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -1, 101, 2 ** 31, -(2 ** 53), 1e308, Number.MIN_VALUE),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('openai', 'microsoft', 'INVESTMENT', 'SUPPLY', 'x'), { maxLength: 5 }),
  fc.dictionary(
    fc.constantFrom('country', 'stage', 'developer', 'company', 'kind', 'from', 'minParameters', 'nope'),
    fc.constantFrom('KR', 'US', 'chips', 'openai', 'INVESTMENT', '2023', 7, null),
  ),
);

const fieldsOf = (type: GraphQLNamedType): GraphQLField<unknown, unknown>[] =>
  isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];

/** Part of an operation: its text and the variables it uses, each with the type of the argument it fills. */
interface Part {
  text: string;
  variables: { type: string; value: unknown }[];
}

/** Arguments as variables: some omitted, the rest random values of any shape (most do not fit their type). */
function args(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Part> {
  if (field.args.length === 0) return fc.constant({ text: '', variables: [] });
  return fc
    .tuple(...field.args.map((arg) => fc.option(value, { nil: undefined, freq: 3 }).map((drawn) => ({ arg, drawn }))))
    .map((pairs) => {
      const used = pairs.filter(({ drawn }) => drawn !== undefined);
      return {
        text: used.length ? `(${used.map(({ arg }) => `${arg.name}: $VAR`).join(', ')})` : '',
        variables: used.map(({ arg, drawn }) => ({ type: String(arg.type), value: drawn })),
      };
    });
}

/** A selection set over a type, `depth` levels at most, with random aliases and directives. */
function selection(type: GraphQLNamedType, depth: number): fc.Arbitrary<Part> {
  if (isUnionType(type) || depth < 0) return fc.constant({ text: '{ __typename }', variables: [] });
  const field = fc.constantFrom(...fieldsOf(type)).chain((chosen) => {
    const named = getNamedType(chosen.type);
    const composite = fieldsOf(named).length > 0 || isUnionType(named);
    const inner = composite ? selection(named, depth - 1) : fc.constant({ text: '', variables: [] });
    const alias = fc.option(fc.constantFrom('a', 'b', 'x1'), { nil: undefined });
    const directive = fc.option(fc.constantFrom('@include(if: true)', '@skip(if: false)', '@skip(if: true)'), {
      nil: undefined,
    });
    return fc.tuple(alias, directive, args(chosen), inner).map(([name, dir, given, sub]) => ({
      text: `${name ? `${name}: ` : ''}${chosen.name}${given.text} ${dir ?? ''} ${sub.text}`,
      variables: [...given.variables, ...sub.variables],
    }));
  });
  return fc.array(field, { minLength: 1, maxLength: 4 }).map((parts) => ({
    text: `{ ${parts.map((part) => part.text).join(' ')} }`,
    variables: parts.flatMap((part) => part.variables),
  }));
}

/** A whole query over the Query type, up to 10 levels deep, its variables numbered and declared. */
const operation = fc.integer({ min: 0, max: 9 }).chain((depth) =>
  selection(schema.getQueryType()!, depth).map(({ text, variables }) => {
    let index = 0;
    const body = text.replace(/\$VAR/g, () => `$v${(index += 1)}`);
    const declared = variables.map((variable, i) => `$v${i + 1}: ${variable.type}`);
    return {
      query: `query Fuzz${declared.length ? `(${declared.join(', ')})` : ''} ${body}`,
      variables: Object.fromEntries(variables.map((variable, i) => [`v${i + 1}`, variable.value])),
    };
  }),
);

/** The codes of a response's errors, or 'not JSON'. */
function codesOf(text: string): string[] {
  try {
    return ((JSON.parse(text).errors ?? []) as { extensions?: { code?: string } }[]).map(
      (error) => error.extensions?.code ?? 'none',
    );
  } catch {
    return ['not JSON'];
  }
}

describe('fuzzing', () => {
  it('answers thousands of generated operations with data or a user error, never a 5xx', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(operation, async ({ query, variables }) => {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        const text = await response.text();
        const bad = codesOf(text).filter((code) => !ALLOWED.has(code));
        if (response.status >= 500 || bad.length > 0)
          failures.push(
            `${response.status} ${bad.join(',')} ${query.slice(0, 300)} ` +
              `${JSON.stringify(variables).slice(0, 200)} -> ${text.slice(0, 300)}`,
          );
      }),
      { numRuns: 2000, seed: 20261128 },
    );
    expect(failures).toEqual([]);
  });

  it('answers arbitrary bodies and query texts with a 4xx or a GraphQL error, never a 5xx', async () => {
    const failures: string[] = [];
    const body = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.string({ unit: 'binary', maxLength: 300 }).map((query) => JSON.stringify({ query })),
      fc
        .tuple(
          fc.constantFrom('{ ', 'query { ', '{ company(id: ', 'fragment F on Company { ', '{ companies(first: '),
          fc.string({ unit: 'grapheme', maxLength: 60 }),
        )
        .map(([head, tail]) => JSON.stringify({ query: head + tail })),
      fc
        .record({
          query: fc.constantFrom('{ stages { id } }', 'query Q($a: Int) { stages { id } }'),
          variables: fc.jsonValue(),
          operationName: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        })
        .map((request) => JSON.stringify(request)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: text,
        });
        const answer = await response.text();
        const bad = codesOf(answer).filter((code) => !ALLOWED.has(code));
        if (response.status >= 500 || bad.length > 0)
          failures.push(`${response.status} ${bad.join(',')} ${text.slice(0, 200)} -> ${answer.slice(0, 300)}`);
      }),
      { numRuns: 1000, seed: 11282026 },
    );
    expect(failures).toEqual([]);
  });

  afterAll(async () => {
    expect(await graphChecksum(server.runner)).toBe(before);
    expect((await server.ok('{ company(id: "openai") { id } }')).company).toEqual({ id: 'openai' });
  });
});
