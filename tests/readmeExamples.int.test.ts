import { startSeededServer } from './support/graphqlClient';
import { readmeExamples, rounded } from './support/readmeExamples';

/**
 * The README prints queries with their answers on the seed graph ("Questions you can ask", networks);
 * they must stay true.
 */

const examples = readmeExamples('questions');

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
