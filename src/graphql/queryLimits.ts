import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  DocumentNode,
  GraphQLError,
  Kind,
  SelectionNode,
  ValidationContext,
  ValidationRule,
  getNamedType,
  getNullableType,
  isListType,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import type { QueryLimits } from '../config';

/** The environment variable that sets each limit, named in its error so an operator knows what to change. */
export const LIMIT_VARIABLES: Record<keyof QueryLimits, string> = {
  bodyBytes: 'MAX_BODY_BYTES',
  tokens: 'MAX_TOKENS',
  depth: 'MAX_DEPTH',
  aliases: 'MAX_ALIASES',
  directives: 'MAX_DIRECTIVES',
  cost: 'MAX_COST',
  listItems: 'MAX_LIST_ITEMS',
};

/** An operation over a limit: QUERY_TOO_COMPLEX, with the limit's name and value in the message and extensions. */
export function tooComplex(limit: keyof QueryLimits, value: number, message: string): GraphQLError {
  return new GraphQLError(`${message} (${LIMIT_VARIABLES[limit]} = ${value}).`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: LIMIT_VARIABLES[limit], value, http: { status: 400 } },
  });
}

/** How deep a request's variables may nest (objects and lists): ample for every input type of the schema. */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * Given a request's variables, refuses (BAD_USER_INPUT) one nested more than MAX_VARIABLE_DEPTH levels of objects
 * and lists, naming the path to the first value too deep. It walks without recursion, before anything else walks
 * the variables (JSON.stringify, coercion), which would overflow the stack on thousands of levels.
 */
export function checkVariableDepth(variables: Record<string, unknown>): void {
  const stack: [unknown, number, string][] = Object.entries(variables).map(([name, value]) => [value, 0, `$${name}`]);
  while (stack.length > 0) {
    const [value, depth, path] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth === MAX_VARIABLE_DEPTH) {
      throw new GraphQLError(
        `Variable ${path.match(/^\$[^.[]*/)![0]} is nested more than ${MAX_VARIABLE_DEPTH} levels deep (at ${path}); ` +
          `at most ${MAX_VARIABLE_DEPTH} levels of objects and lists are allowed.`,
        { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
      );
    }
    for (const [key, item] of Object.entries(value)) {
      stack.push([item, depth + 1, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key.slice(0, 40)}`]);
    }
  }
}

/** Query fields that read the whole graph: an operation may ask for one of them once. */
const WHOLE_GRAPH_FIELDS = ['exportGraph'];

/**
 * Refuses (QUERY_TOO_COMPLEX) an operation that asks for a whole-graph field under more than one response key:
 * each alias would read and serialise the whole graph again. Uses of one key (through fragments) merge into one.
 */
export const oneWholeGraphExport: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    for (const field of WHOLE_GRAPH_FIELDS) {
      const keys = new Set<string>();
      const spread = new Set<string>();
      const pending: (readonly SelectionNode[])[] = [operation.selectionSet.selections];
      while (pending.length > 0) {
        for (const selection of pending.pop()!) {
          if (selection.kind === Kind.FIELD && selection.name.value === field)
            keys.add(selection.alias?.value ?? field);
          else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet.selections);
          else if (selection.kind === Kind.FRAGMENT_SPREAD && !spread.has(selection.name.value)) {
            spread.add(selection.name.value);
            const fragment = context.getFragment(selection.name.value);
            if (fragment) pending.push(fragment.selectionSet.selections);
          }
        }
      }
      if (keys.size > 1) {
        const named = [...keys].slice(0, 2).join(', ') + (keys.size > 2 ? ', ...' : '');
        context.reportError(
          new GraphQLError(
            `The operation asks for ${field} ${keys.size} times (${named}); ` +
              'one whole-graph export per operation is allowed.',
            { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } },
          ),
        );
      }
    }
  },
});

/**
 * Multiplies the cost of what a list field selects when it does not say how many items it returns: the typical
 * fan-out of a relation (a company's models, a model's services).
 */
export const LIST_FANOUT = 5;

/** Fields that read or compute over a large part of the graph, whatever they select: their own cost. */
export const FIELD_COSTS: Record<string, number> = {
  'Query.concentration': 50,
  'Query.systemicImportance': 100,
  'Query.upstream': 50,
  'Query.downstream': 50,
  'Query.dependencyPaths': 50,
  'Query.removalImpact': 100,
  'RemovalImpact.exposedOnlyThroughUncertain': 50,
  'Query.partnershipNetwork': 50,
  'Query.exportGraph': 200,
  'Query.search': 10,
};

/**
 * The cost of one field: its own (1, or FIELD_COSTS) plus what it selects times the items it returns: `first`
 * where the field takes it, LIST_FANOUT for other lists, 1 for a single object. The nodes and edges of a
 * connection are its `first` items already. Introspection costs nothing. A list argument longer than maxListItems
 * is refused here, where every argument's value is known.
 */
export function fieldCost(maxListItems: number) {
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (field.name.startsWith('__')) return 0;
    for (const [name, value] of Object.entries(args)) {
      if (Array.isArray(value) && value.length > maxListItems) {
        throw tooComplex(
          'listItems',
          maxListItems,
          `${field.name}(${name}:) lists ${value.length} items; at most ${maxListItems} are allowed`,
        );
      }
    }
    const own = FIELD_COSTS[`${type.name}.${field.name}`] ?? 1;
    if (childComplexity === 0) return own;
    const returnsList = isListType(getNullableType(field.type));
    const connection = getNamedType(field.type).name.endsWith('Connection');
    let items = 1;
    if (type.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges')) items = 1;
    else if (typeof args.first === 'number' && (returnsList || connection)) items = Math.max(args.first, 1);
    else if (returnsList) items = LIST_FANOUT;
    return own + childComplexity * items;
  };
}

/** Reports a rule's rejection as QUERY_TOO_COMPLEX naming the limit (Armor's message says what it found). */
function reject(limit: keyof QueryLimits, value: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    const noun = { depth: 'is nested', aliases: 'uses', directives: 'uses' }[
      limit as 'depth' | 'aliases' | 'directives'
    ];
    const what = { depth: 'levels deep', aliases: 'aliases', directives: 'directives' }[
      limit as 'depth' | 'aliases' | 'directives'
    ];
    context?.reportError(
      tooComplex(
        limit,
        value,
        `The operation ${noun} ${found ?? 'more than ' + value} ${what}; at most ${value} are allowed`,
      ),
    );
  };
}

/**
 * Costs kept per parsed document (Apollo reuses the parsed document of a repeated operation), then by operation and
 * variables.
 */
const COSTS_PER_DOCUMENT = 32;

/**
 * Computes each operation's cost once its variables are known (a validation rule would be cached with the
 * document and could not see them) and refuses it above limits.cost. The cost depends only on the document, the
 * operation and the variables, so a repeated request reuses it.
 */
function costPlugin(limits: QueryLimits): ApolloServerPlugin {
  const estimators = [fieldCost(limits.listItems)];
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const variables = request.variables ?? {};
          checkVariableDepth(variables);
          const key = `${operationName ?? ''} ${JSON.stringify(variables)}`;
          let costs = known.get(document);
          let cost = costs?.get(key);
          if (cost === undefined) {
            try {
              // Without fragments an operation selects fewer fields than it has tokens; more means fragments that
              // expand many times over (a fragment bomb), refused before the walk gets expensive.
              const maxQueryNodes = limits.tokens;
              cost = getComplexity({
                schema,
                query: document,
                variables,
                operationName: operationName ?? undefined,
                estimators,
                maxQueryNodes,
              });
            } catch (error) {
              if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COMPLEX') throw error;
              if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
                throw tooComplex(
                  'tokens',
                  limits.tokens,
                  `The operation selects more than ${limits.tokens} fields once its fragments are expanded`,
                );
              }
              // Variables that do not fit their types: execution reports them as BAD_USER_INPUT.
              return;
            }
            if (!costs) known.set(document, (costs = new Map()));
            if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
            costs.set(key, cost);
          }
          if (cost > limits.cost)
            throw tooComplex(
              'cost',
              limits.cost,
              `The operation's estimated cost is ${cost}; at most ${limits.cost} is allowed`,
            );
        },
      };
    },
  };
}

/**
 * Given the limits, returns what Apollo Server needs to enforce them: validation rules for depth, aliases and
 * directives (GraphQL Armor), the cost plugin, the masking of field suggestions when they are off, and the
 * parser's token limit. HTTP batching stays off.
 */
export function queryLimits(limits: QueryLimits, { fieldSuggestions }: { fieldSuggestions: boolean }) {
  const armor = new ApolloArmor({
    // Its mask leaves a stray "?" behind: noSuggestions drops the whole sentence.
    blockFieldSuggestion: { enabled: false },
    // Cost is the plugin's (it needs the variables); tokens are the parser's.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: {
      n: limits.depth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reject('depth', limits.depth)],
    },
    maxAliases: { n: limits.aliases, propagateOnRejection: false, onReject: [reject('aliases', limits.aliases)] },
    maxDirectives: {
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [reject('directives', limits.directives)],
    },
  }).protect();
  return {
    validationRules: [...(armor.validationRules as ValidationRule[]), oneWholeGraphExport],
    plugins: [
      ...armor.plugins,
      costPlugin(limits),
      ...(fieldSuggestions ? [] : [noSuggestions]),
    ] as ApolloServerPlugin[],
    parseOptions: { maxTokens: limits.tokens },
    allowBatchedHttpRequests: false,
  };
}

/**
 * graphql-js's message when the parser stops at the token limit (it says "more that"); formatError turns it into
 * QUERY_TOO_COMPLEX.
 */
export const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens/;

/** Drops graphql-js's "Did you mean ...?" from validation errors, so they do not reveal the schema's names. */
const noSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/ ?Did you mean [^?]*\?/g, '');
      },
    };
  },
};
