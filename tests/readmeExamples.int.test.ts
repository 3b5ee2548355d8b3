import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { startSeededServer } from './support/graphqlClient';

/** The README's "Questions you can ask" prints each query with its answer on the seed graph; they must stay true. */

const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('<!-- questions:start -->'), readme.indexOf('<!-- questions:end -->'));
const examples = [...section.matchAll(/```graphql\n((?:#.*\n)*)([\s\S]*?)\n```\n```json\n([\s\S]*?)\n```/g)].map((match) => ({
  title: match[1].replace(/^# /, '').trim(),
  query: match[2],
  printed: JSON.parse(match[3]) as unknown,
}));

/** Rounds every non-integer number to 4 decimals, as the README prints them. */
function rounded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(4)) : value;
}

let server: Awaited<ReturnType<typeof startSeededServer>>;

beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server.close());

it('finds an example for every analytic in the section', () => {
  const fields = ['concentration', 'dependencyPaths', 'upstream', 'downstream', 'systemicImportance', 'removalImpact'];
  expect(fields.filter((field) => !examples.some((example) => example.query.includes(`${field}(`)))).toEqual([]);
});

it.each(examples.map((example) => [example.title, example]))('%s', async (_title, example) => {
  const { query, printed } = example as (typeof examples)[number];
  const response = await server.gql(query);
  expect(response.errors).toBeUndefined();
  expect(rounded(response.data)).toEqual(printed);
});
