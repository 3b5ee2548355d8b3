import { applySchema, fulltextDefinition, schemaStatements } from '../src/db/applySchema';
import { cypherFile, splitStatements } from '../src/db/cypherFile';
import type { QueryRunner } from '../src/db/queryRunner';
import { LABELS } from '../src/domain/graphModel';
import { connectTestRunner, emptyDatabase } from './support/testDatabase';

let runner: QueryRunner;

beforeAll(async () => {
  runner = await connectTestRunner();
  await emptyDatabase(runner);
  await runner.write('DROP INDEX entity_names IF EXISTS');
});
afterAll(() => runner.close());

describe('cypher/schema.cypher', () => {
  it('is applied idempotently: a second run adds nothing and fails on nothing', async () => {
    await applySchema(runner);
    const first = await runner.read('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    expect(await applySchema(runner)).toBe(splitStatements(cypherFile('schema')).length);
    expect(await runner.read('SHOW INDEXES YIELD name RETURN name ORDER BY name')).toEqual(first);
  });

  it('makes id unique for every label and across all entities', async () => {
    const rows = await runner.read(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' " +
        'RETURN labelsOrTypes[0] AS label, properties',
    );
    const unique = rows.filter((row) => (row.properties as string[]).join() === 'id').map((row) => row.label);
    expect(unique.sort()).toEqual(['Entity', ...LABELS].sort());
    await runner.write("CREATE (:Entity:Company {id: 'dup'})");
    await expect(runner.write("CREATE (:Entity:Source {id: 'dup'})")).rejects.toMatchObject({
      code: 'CONSTRAINT_VIOLATION',
    });
    await emptyDatabase(runner);
  });

  it('has a full-text index over name, nameKo and aliases of every label, with the cjk analyzer', async () => {
    const [index] = await runner.read(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options, state WHERE name = 'entity_names' " +
        "RETURN labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer, state",
    );
    expect(index).toMatchObject({ properties: ['name', 'nameKo', 'aliases'], analyzer: 'cjk', state: 'ONLINE' });
    expect([...(index.labelsOrTypes as string[])].sort()).toEqual([...LABELS].sort());
  });

  it('rebuilds the full-text index of a graph made before a label was added', async () => {
    const definition = schemaStatements()
      .map(fulltextDefinition)
      .find((one) => one?.name === 'entity_names')!;
    expect(definition.labels).toContain('Dataset');
    expect(definition.properties).toEqual(['name', 'nameKo', 'aliases']);
    await runner.write('DROP INDEX entity_names IF EXISTS');
    await runner.write(
      'CREATE FULLTEXT INDEX entity_names FOR (n:Company|FoundationModel) ON EACH [n.name] ' +
        "OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
    );
    await applySchema(runner);
    const [index] = await runner.read(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = 'entity_names' " +
        'RETURN labelsOrTypes, properties',
    );
    expect([...(index.labelsOrTypes as string[])].sort()).toEqual([...definition.labels].sort());
    expect(index.properties).toEqual(['name', 'nameKo', 'aliases']);
    await runner.write("CREATE (:Entity:Dataset {id: 'the-pile', name: 'The Pile'})");
    await runner.write('CALL db.awaitIndexes(300)');
    const found = await runner.read(
      "CALL db.index.fulltext.queryNodes('entity_names', 'pile') YIELD node RETURN node.id AS id",
    );
    expect(found).toEqual([{ id: 'the-pile' }]);
    await emptyDatabase(runner);
  });

  it('indexes the properties that filters use', async () => {
    const rows = await runner.read(
      "SHOW RANGE INDEXES YIELD labelsOrTypes, properties RETURN labelsOrTypes[0] + '.' + properties[0] AS key",
    );
    expect(rows.map((row) => row.key)).toEqual(
      expect.arrayContaining([
        'Company.country',
        'FoundationModel.parameters',
        'FoundationModel.releasedOn',
        'FoundationModel.access',
        'Partnership.kind',
        'Partnership.announcedOn',
        'Service.launchedOn',
      ]),
    );
  });
});
