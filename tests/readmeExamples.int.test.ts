import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { startSeededServer } from './support/graphqlClient';

/**
 * The README prints queries with their answers on the seed graph ("Questions you can ask", networks);
 * they must stay true.
 */

const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
// Every block between <!-- questions:start --> and <!-- questions:end --> (analytics, networks).
const section = [...readme.matchAll(/<!-- questions:start -->([\s\S]*?)<!-- questions:end -->/g)]
  .map((block) => block[1])
  .join('\n');
const examples = [...section.matchAll(/```graphql\n((?:#.*\n)*)([\s\S]*?)\n```\n```json\n([\s\S]*?)\n```/g)].map(
  (match) => ({
    title: match[1].replace(/^# /, '').trim(),
    query: match[2],
    printed: JSON.parse(match[3]) as unknown,
  }),
);

/** Rounds every non-integer number to 4 decimals, as the README prints them. */
function rounded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(4)) : value;
}

let server: Awaited<ReturnType<typeof startSeededServer>>;

beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server.close());

it('finds an example for every analytic in the section', () => {
  const fields = [
    'concentration',
    'dependencyPaths',
    'upstream',
    'downstream',
    'systemicImportance',
    'removalImpact',
    'partnershipNetwork',
  ];
  expect(fields.filter((field) => !examples.some((example) => example.query.includes(`${field}(`)))).toEqual([]);
});

it.each(examples.map((example) => [example.title, example]))('%s', async (_title, example) => {
  const { query, printed } = example as (typeof examples)[number];
  const response = await server.gql(query);
  expect(response.errors).toBeUndefined();
  expect(rounded(response.data)).toEqual(printed);
});
