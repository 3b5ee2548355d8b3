import type { QueryRunner } from '../src/db/queryRunner';
import { deriveDependencies } from '../src/dependencies/deriveDependencies';
import { BENCHMARK_MODEL } from './support/benchmarkModel';
import { connectTestRunner, emptyDatabase } from './support/testDatabase';

let runner: QueryRunner;

beforeAll(async () => {
  runner = await connectTestRunner();
  await emptyDatabase(runner);
  await runner.write(`
    CREATE (openai:Company:Entity {id: 'openai', name: 'OpenAI', sourceIds: ['report'], confidence: 'REPORTED'})
    CREATE (gpt:FoundationModel:Entity {id: 'gpt-4', name: 'GPT-4', sourceIds: ['report'], confidence: 'REPORTED'})
    CREATE (mmlu:Benchmark:Entity {id: 'mmlu', name: 'MMLU', sourceIds: ['report']})
    CREATE (openai)-[:DEVELOPS {sourceIds: ['report'], confidence: 'CONFIRMED'}]->(gpt)
    CREATE (gpt)-[:EVALUATED_ON {sourceIds: ['paper'], confidence: 'UNCERTAIN'}]->(mmlu)`);
});
afterAll(async () => {
  await emptyDatabase(runner);
  await runner.close();
});

const dependencies = () =>
  runner.read(
    'MATCH (a)-[d:DEPENDS_ON]->(b) RETURN a.id AS from, b.id AS to, properties(d) AS properties ORDER BY d.relation',
  );

describe('the dependency derivation of a model with a new relationship', () => {
  it('writes a DEPENDS_ON for the new fact beside the others, then leaves both as they are', async () => {
    expect(await runner.inWriteTransaction((tx) => deriveDependencies(tx, BENCHMARK_MODEL))).toEqual({
      written: 2,
      deleted: 0,
      unchanged: 0,
    });
    expect(await dependencies()).toEqual([
      {
        from: 'gpt-4',
        to: 'openai',
        properties: { relation: 'DEVELOPED_BY', via: [], sourceIds: ['report'], confidence: 'CONFIRMED' },
      },
      {
        from: 'gpt-4',
        to: 'mmlu',
        properties: { relation: 'EVALUATED_ON', via: [], sourceIds: ['paper'], confidence: 'UNCERTAIN' },
      },
    ]);
    expect(await runner.inWriteTransaction((tx) => deriveDependencies(tx, BENCHMARK_MODEL))).toEqual({
      written: 0,
      deleted: 0,
      unchanged: 2,
    });
  });

  it('deletes the DEPENDS_ON of the new fact once the fact is gone', async () => {
    await runner.write('MATCH ()-[r:EVALUATED_ON]->() DELETE r');
    expect(await runner.inWriteTransaction((tx) => deriveDependencies(tx, BENCHMARK_MODEL))).toEqual({
      written: 0,
      deleted: 1,
      unchanged: 1,
    });
    expect((await dependencies()).map((row) => `${row.from} ${row.to}`)).toEqual(['gpt-4 openai']);
  });
});
