import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { PARTIAL_DATE_PATTERN } from '../domain/rules';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !PARTIAL_DATE_PATTERN.test(value)) {
    throw new GraphQLError(`PartialDate must be "YYYY", "YYYY-MM" or "YYYY-MM-DD", got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** ISO-8601 calendar date, possibly partial; stored and compared as text. */
export const PartialDate = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description:
    'ISO-8601 calendar date, possibly partial: "2023", "2023-06" or "2023-06-07". Compared as text, oldest first.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
