import { ApolloServer } from '@apollo/server';
import {
  ExecutionResult,
  GraphQLError,
  GraphQLID,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  execute,
  getOperationAST,
  parse,
} from 'graphql';
import { ConfigError, loadConfig } from '../src/config';
import { DomainError } from '../src/domain/errors';
import { compiledExecutor, ExecutionRequest, executorGateway } from '../src/graphql/compiledExecution';
import { formatError } from '../src/graphql/formatError';

interface Row {
  id: string;
  kind: 'PERSON' | 'ROBOT';
  name: string;
}

const ROWS: Row[] = [
  { id: 'ada', kind: 'PERSON', name: 'Ada' },
  { id: 'r2', kind: 'ROBOT', name: 'R2' },
];

const Thing: GraphQLInterfaceType = new GraphQLInterfaceType({
  name: 'Thing',
  fields: { id: { type: new GraphQLNonNull(GraphQLID) }, name: { type: GraphQLString } },
  resolveType: (row: Row) => (row.kind === 'PERSON' ? 'Person' : 'Robot'),
});
const Person = new GraphQLObjectType({
  name: 'Person',
  interfaces: [Thing],
  fields: { id: { type: new GraphQLNonNull(GraphQLID) }, name: { type: GraphQLString }, age: { type: GraphQLInt } },
});
const Robot = new GraphQLObjectType({
  name: 'Robot',
  interfaces: [Thing],
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    model: { type: GraphQLString, resolve: async (row: Row) => `${row.name}-model` },
  },
});

/** A small schema with an interface, arguments, async resolvers and each kind of failure a resolver can have. */
const schema = new GraphQLSchema({
  types: [Person, Robot],
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      things: {
        type: new GraphQLList(Thing),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: async (_root, { first }: { first: number }) => ROWS.slice(0, first),
      },
      thing: {
        type: Thing,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_root, { id }: { id: string }) => ROWS.find((row) => row.id === id) ?? null,
      },
      missing: {
        type: GraphQLString,
        resolve: async () => {
          throw new DomainError('NOT_FOUND', 'No such thing.');
        },
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('Not with this argument.', { extensions: { code: 'BAD_USER_INPUT' } });
        },
      },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('socket closed at 10.0.0.7');
        },
      },
      required: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
    },
  }),
});

/** A request as Apollo hands it over: the operation resolved by the name sent, undefined when none answers to it. */
function request(query: string, variables?: Record<string, unknown>, operationName: string | null = null) {
  const document = parse(query);
  const operation = getOperationAST(document, operationName) ?? undefined;
  return { document, source: query, operation, request: { operationName, variables }, context: {} } as ExecutionRequest;
}

/** graphql-js's answer to the same request. */
const interpreted = (req: ExecutionRequest) =>
  execute({
    schema,
    document: req.document,
    operationName: req.request.operationName,
    variableValues: req.request.variables,
    contextValue: req.context,
  }) as Promise<ExecutionResult>;

/** What of an error reaches formatError: its JSON, its class, and what was thrown. */
const shapeOf = (error: GraphQLError) => ({
  json: error.toJSON(),
  graphqlError: error instanceof GraphQLError,
  extensions: error.extensions,
  thrown: error.originalError && [error.originalError.constructor.name, error.originalError.message],
});
const shapes = (result: ExecutionResult) => ({ data: result.data, errors: result.errors?.map(shapeOf) });

describe('compiledExecutor', () => {
  // formatError logs what it masks; the masked errors here are planned.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  // Each row has its variables: a row shorter than the test's parameters would make Jest pass a done callback.
  const OPERATIONS: [string, string, Record<string, unknown>][] = [
    ['variables, aliases and typename', 'query($n: Int!) { a: things(first: $n) { __typename id } }', { n: 2 }],
    [
      'interface fragments and a named fragment',
      '{ things(first: 2) { ...named ... on Person { age } ... on Robot { model } } } fragment named on Thing { id }',
      {},
    ],
    ['a single object by id', '{ thing(id: "r2") { id ... on Robot { model } } }', {}],
    ['a domain error beside data', '{ thing(id: "ada") { name } missing }', {}],
    ['a GraphQLError with a code', '{ refused }', {}],
    ['an unexpected error', '{ broken }', {}],
    ['null in a non-null field', '{ required things(first: 1) { id } }', {}],
  ];

  it.each(OPERATIONS)('answers %s as graphql-js does', async (_label, query, variables) => {
    const run = compiledExecutor(schema);
    const req = request(query, variables);
    const expected = shapes(await interpreted(req));
    expect(shapes(await run(req))).toEqual(expected);
    // The second run is the compiled function's, kept from the first.
    expect(shapes(await run(req))).toEqual(expected);
    expect(run.compiledKeys()).toEqual([`\n${query}`]);
  });

  it('gives resolver errors the path, locations and extensions formatError reads', async () => {
    const { errors } = await compiledExecutor(schema)(request('{ missing refused broken }'));
    // An asynchronous resolver's error comes after the synchronous ones, as in graphql-js.
    expect(errors!.map((error) => formatError(error.toJSON(), error))).toEqual([
      {
        message: 'Not with this argument.',
        locations: [{ line: 1, column: 11 }],
        path: ['refused'],
        extensions: { code: 'BAD_USER_INPUT' },
      },
      {
        message: 'Unexpected error.',
        locations: [{ line: 1, column: 19 }],
        path: ['broken'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
      {
        message: 'No such thing.',
        locations: [{ line: 1, column: 3 }],
        path: ['missing'],
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
  });

  it("answers variables that do not coerce with graphql-js's messages", async () => {
    const req = request('query($n: Int!) { things(first: $n) { id } }', { n: 'two' });
    const answer = await compiledExecutor(schema)(req);
    expect(answer.data).toBeUndefined();
    expect(answer.errors!.map((error) => error.message)).toEqual([
      'Variable "$n" got invalid value "two"; Int cannot represent non-integer value: "two"',
    ]);
    expect(shapes(answer)).toEqual(shapes(await interpreted(req)));
  });

  it.each([['Two'], ['']])(
    'runs an operation Apollo found none for by the name "%s" through graphql-js',
    async (name) => {
      // graphql-jit would run a document's only operation for an empty name; graphql-js refuses, as Apollo expects.
      const req = request('{ thing(id: "ada") { id } }', {}, name);
      expect(req.operation).toBeUndefined();
      const run = compiledExecutor(schema);
      const answer = await run(req);
      expect(answer.errors!.map((error) => error.message)).toEqual([`Unknown operation named "${name}".`]);
      expect(shapes(answer)).toEqual(shapes(await interpreted(req)));
      expect(run.compiledKeys()).toEqual([]);
    },
  );

  it('runs a document graphql-jit refuses to compile through graphql-js, and remembers that it does', async () => {
    // Made up: an operation that is not the one named; graphql-jit refuses to compile for a name the document lacks.
    const req = {
      ...request('query One { thing(id: "ada") { id } }', {}, 'Two'),
      operation: request('{ a: __typename }').operation,
    };
    const run = compiledExecutor(schema);
    const answer = await run(req);
    expect(answer.errors!.map((error) => error.message)).toEqual(['Unknown operation named "Two".']);
    expect(shapes(answer)).toEqual(shapes(await interpreted(req)));
    expect(run.compiledKeys()).toEqual(['Two\nquery One { thing(id: "ada") { id } }']);
  });

  it('keys compiled operations by name and text and drops the least recently used first', async () => {
    const run = compiledExecutor(schema, 2);
    const two = 'query A { thing(id: "ada") { id } } query B { thing(id: "r2") { id } }';
    const one = '{ things(first: 1) { id } }';
    expect((await run(request(two, undefined, 'A'))).data).toEqual({ thing: { id: 'ada' } });
    expect((await run(request(two, undefined, 'B'))).data).toEqual({ thing: { id: 'r2' } });
    expect(run.compiledKeys()).toEqual([`A\n${two}`, `B\n${two}`]);
    await run(request(two, undefined, 'A'));
    expect(run.compiledKeys()).toEqual([`B\n${two}`, `A\n${two}`]);
    await run(request(one));
    expect(run.compiledKeys()).toEqual([`A\n${two}`, `\n${one}`]);
  });

  it('runs through Apollo as its gateway, with formatError masking what was not planned', async () => {
    const apollo = new ApolloServer({
      gateway: executorGateway(schema, compiledExecutor(schema)),
      formatError,
      includeStacktraceInErrorResponses: false,
    });
    await apollo.start();
    try {
      const response = await apollo.executeOperation({ query: '{ thing(id: "ada") { __typename name } broken }' });
      expect(response.body).toEqual({
        kind: 'single',
        singleResult: {
          data: { thing: { __typename: 'Person', name: 'Ada' }, broken: null },
          errors: [
            {
              message: 'Unexpected error.',
              locations: [{ line: 1, column: 40 }],
              path: ['broken'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
        },
      });
      const badVariables = await apollo.executeOperation({
        query: 'query($n: Int!) { things(first: $n) { id } }',
        variables: { n: 'two' },
      });
      expect(badVariables.http.status).toBe(400);
      const unknown = await apollo.executeOperation({ query: '{ thing(id: "ada") { id } }', operationName: 'Q' });
      expect(unknown.body).toEqual({
        kind: 'single',
        singleResult: {
          errors: [{ message: 'Unknown operation named "Q".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }],
        },
      });
    } finally {
      await apollo.stop();
    }
  });
});

describe('GRAPHQL_JIT', () => {
  it('turns compiled execution on by default, and off with 0', () => {
    expect(loadConfig({}).compiledExecution).toBe(true);
    expect(loadConfig({ GRAPHQL_JIT: '0' }).compiledExecution).toBe(false);
    expect(loadConfig({ GRAPHQL_JIT: '1' }).compiledExecution).toBe(true);
  });

  it('refuses anything but a flag, naming the variable', () => {
    expect(() => loadConfig({ GRAPHQL_JIT: 'fast' })).toThrow(
      new ConfigError('GRAPHQL_JIT', 'expected 1 or 0, got "fast"'),
    );
  });
});
