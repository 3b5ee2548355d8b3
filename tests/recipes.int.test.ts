import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import type { QueryRunner, Row } from '../src/db/queryRunner';
import { GraphQLResponse, startSeededServer } from './support/graphqlClient';

/** The researchers' recipes in cypher/recipes answer as the API does, on the seed graph. */

const RECIPES = path.join(projectRoot, 'cypher', 'recipes');
let server: Awaited<ReturnType<typeof startSeededServer>>;
let runner: QueryRunner;

beforeAll(async () => {
  server = await startSeededServer();
  runner = server.runner;
});
afterAll(() => server.close());

/** Runs a recipe as a researcher would paste it: the file's text, comments and final semicolon included. */
const recipe = (name: string): Promise<Row[]> =>
  runner.read(
    fs
      .readFileSync(path.join(RECIPES, `${name}.cypher`), 'utf8')
      .trim()
      .replace(/;$/, ''),
  );
const api = async (query: string) => {
  const response: GraphQLResponse = await server.gql(query);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

it('has a test below for every recipe file', () => {
  const files = fs
    .readdirSync(RECIPES)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => file.replace(/\.cypher$/, ''))
    .sort();
  expect(files).toEqual(
    [
      // claims-disagreements is tested in claims.int.test.ts, on a graph with claims.
      'claims-disagreements',
      'concentration-models',
      'concentration-services-by-country',
      'dependency-paths',
      'downstream',
      'removal-impact',
      'systemic-importance',
      'upstream',
    ].sort(),
  );
});

it.each([
  ['upstream', 'upstream(of: "askup", maxHops: 6)'],
  ['downstream', 'downstream(of: "tsmc", maxHops: 6)'],
])('%s matches the API', async (name: string, field: string) => {
  const rows = await recipe(name);
  const data = await api(`{ result: ${field} { nodes { distance entity { id } } } }`);
  const fromApi = Object.fromEntries(
    data.result.nodes.map((n: { distance: number; entity: { id: string } }) => [n.entity.id, n.distance]),
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(Object.fromEntries(rows.map((row) => [row.id, row.distance]))).toEqual(fromApi);
});

it('dependency-paths matches the API', async () => {
  const rows = await recipe('dependency-paths');
  const data = await api(
    '{ dependencyPaths(from: "askup", to: "tsmc", maxHops: 6, first: 10) { ' +
      'length entities { id } steps { relations } } }',
  );
  const key = (length: number, ids: string[], relations: string[][]) =>
    `${length} ${ids.join(',')} ${relations.map((step) => [...step].sort().join('|')).join(',')}`;
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.map((row) => key(row.length as number, row.entities as string[], row.relations as string[][]))).toEqual(
    data.dependencyPaths.map((p: { length: number; entities: { id: string }[]; steps: { relations: string[] }[] }) =>
      key(
        p.length,
        p.entities.map((e) => e.id),
        p.steps.map((s) => s.relations),
      ),
    ),
  );
});

it.each([
  ['concentration-models', 'MODELS', 'COMPANY', 'company'],
  ['concentration-services-by-country', 'SERVICES', 'COUNTRY', 'country'],
])('%s matches the API', async (name: string, measure: string, groupBy: string, keyField: string) => {
  const [row] = await recipe(name);
  const { concentration } = await api(
    `{ concentration(measure: ${measure}, groupBy: ${groupBy}) { total hhi cr4 shares { key value share } } }`,
  );
  expect(row.total).toBeCloseTo(concentration.total, 9);
  expect(row.hhi).toBeCloseTo(concentration.hhi, 6);
  if (row.cr4 !== undefined) expect(row.cr4).toBeCloseTo(concentration.cr4, 9);
  const fromRecipe = Object.fromEntries(
    (row.shares as Record<string, number | string>[]).map((share) => [share[keyField], share.value]),
  );
  expect(fromRecipe).toEqual(
    Object.fromEntries(concentration.shares.map((share: { key: string; value: number }) => [share.key, share.value])),
  );
});

it('systemic-importance gives the API counts for the companies it lists', async () => {
  const rows = await recipe('systemic-importance');
  const { systemicImportance } = await api(
    '{ systemicImportance(first: 100) { company { id } dependentServices dependentModels dependentCompanies } }',
  );
  const byId = new Map(systemicImportance.map((r: { company: { id: string } }) => [r.company.id, r]));
  expect(rows).toHaveLength(10);
  for (const row of rows) {
    expect(byId.get(row.company as string)).toMatchObject({
      dependentServices: row.services,
      dependentModels: row.models,
      dependentCompanies: row.companies,
    });
  }
  expect(rows[0].services).toBe(systemicImportance[0].dependentServices);
});

it('removal-impact matches the API', async () => {
  const [row] = await recipe('removal-impact');
  const { removalImpact } = await api(
    '{ removalImpact(id: "openai") { exposed { id } singleSourcedServices { id } } }',
  );
  expect([...(row.exposed as string[])].sort()).toEqual(removalImpact.exposed.map((e: { id: string }) => e.id).sort());
  expect([...(row.singleSourcedServices as string[])].sort()).toEqual(
    removalImpact.singleSourcedServices.map((s: { id: string }) => s.id).sort(),
  );
});
