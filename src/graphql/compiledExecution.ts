import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  DocumentNode,
  ExecutionResult,
  OperationDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  SourceLocation,
  execute,
  printSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** What an executor needs of Apollo's request: the parsed document, its text, the operation and its variables. */
export interface ExecutionRequest {
  document: DocumentNode;
  /** The operation's text as sent (keys the compiled queries); without it the request runs uncompiled. */
  source?: string;
  /** The operation Apollo resolved, by the request's operation name; undefined when none answers to it. */
  operation?: OperationDefinitionNode;
  /** The operation's name and the variables, as the client sent them. */
  request: { operationName?: string | null; variables?: Record<string, unknown> };
  context: unknown;
}

/** Runs one validated operation and returns its result, as Apollo's gateway executor does. */
export interface Executor {
  (request: ExecutionRequest): Promise<ExecutionResult>;
  /** The keys of the operations kept compiled, least recently used first. */
  compiledKeys(): string[];
}

/** A compiled operation, or `interpreted` for a document graphql-jit cannot compile (graphql-js runs it). */
type Compiled = ((root: unknown, context: unknown, variables: unknown) => unknown) | 'interpreted';

/**
 * Given a graphql-jit error, returns the error graphql-js would give: its message, locations and path, the thrown
 * error as originalError and that error's extensions (graphql-jit leaves them undefined where graphql-js gives {},
 * on which Apollo's error formatting fails).
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    // graphql-jit raises its own failures (null in a non-null field) without one; graphql-js wraps a plain Error.
    originalError: error.originalError ?? new Error(error.message),
    extensions: error.extensions ?? undefined,
  });
  // graphql-js computes locations from the AST nodes, which graphql-jit keeps only as line and column.
  (rebuilt as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return rebuilt;
}

/** Given graphql-jit's result, returns it with errors as graphql-js gives them. */
function withGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
}

/**
 * Given the schema and how many compiled operations to keep, returns an executor that compiles each operation once
 * with graphql-jit (kept least recently used first out, keyed by operation name and text) and runs the compiled
 * function. A document graphql-jit cannot compile, and variables that do not coerce, run through graphql-js's
 * `execute`, so that their answers and messages are graphql-js's own.
 */
export function compiledExecutor(schema: GraphQLSchema, capacity = 1000): Executor {
  const compiled = new Map<string, Compiled>();
  const compile = (document: DocumentNode, operationName: string | null, key: string): Compiled => {
    let entry = compiled.get(key);
    if (entry === undefined) {
      const query = compileQuery(schema, document, operationName ?? undefined);
      entry = isCompiledQuery(query) ? (query.query as Exclude<Compiled, 'interpreted'>) : 'interpreted';
      if (compiled.size >= capacity) compiled.delete(compiled.keys().next().value!);
    } else compiled.delete(key);
    compiled.set(key, entry);
    return entry;
  };
  const interpret = ({ document, request, context }: ExecutionRequest) =>
    execute({
      schema,
      document,
      operationName: request.operationName,
      variableValues: request.variables,
      contextValue: context,
    });
  const executor = async (request: ExecutionRequest) => {
    const { document, source, operation, context } = request;
    // Where Apollo found no operation by the name sent, graphql-js's execute says so in its words, as Apollo expects
    // (graphql-jit would run the only operation of a document for an empty name).
    if (source === undefined || !operation) return interpret(request);
    const operationName = request.request.operationName ?? null;
    // An operation name is never empty and holds no line break, so the key cannot be read two ways.
    const query = compile(document, operationName, `${operationName ?? ''}\n${source}`);
    if (query === 'interpreted') return interpret(request);
    const result = (await query(undefined, context, request.request.variables ?? {})) as ExecutionResult;
    // No data at all: the variables did not coerce and nothing ran; graphql-js says why in its own words.
    if (result.data === undefined && result.errors) return interpret(request);
    return withGraphqlJsErrors(result);
  };
  return Object.assign(executor, { compiledKeys: () => [...compiled.keys()] });
}

/**
 * Given the schema and an executor, returns the minimal Apollo gateway that serves the schema and runs operations
 * with the executor (Apollo Server 5 takes a custom executor only from a gateway).
 */
export function executorGateway(schema: GraphQLSchema, executor: Executor): Gateway {
  type Listener = Parameters<Gateway['onSchemaLoadOrUpdate']>[0];
  const listeners = new Set<Listener>();
  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      const loaded = { apiSchema: schema, coreSupergraphSdl: printSchema(schema) };
      for (const listener of listeners) listener(loaded);
      return { executor };
    },
    stop: async () => undefined,
  };
}
