import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryRunner } from '../src/db/queryRunner';
import { splitStatements } from '../src/db/cypherFile';
import { CSV_SEPARATOR } from '../src/exports/formats';
import { freePort } from '../src/neo4j/freePort';
import { RunningNeo4j, startNeo4j } from '../src/neo4j/startNeo4j';
import { startSeededServer } from './support/graphqlClient';
import { graphChecksum } from './support/testDatabase';

let server: Awaited<ReturnType<typeof startSeededServer>>;
let counts: { nodes: number; relationships: number };
beforeAll(async () => {
  server = await startSeededServer();
  const [row] = await server.runner.read(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } ' +
      'CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  counts = row as typeof counts;
});
afterAll(() => server.close());

const download = async (file: string) => {
  const response = await fetch(server.url.replace(/graphql$/, `export/${file}`));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    text: await response.text(),
  };
};

/** Counts CSV records (RFC 4180: a quoted field may hold newlines). */
function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) records += 1;
  }
  return records;
}

describe('the Cypher export', () => {
  let second: RunningNeo4j;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-roundtrip-'));
    second = await startNeo4j({ port: await freePort(), dataDir, heap: '512m', pageCache: '64m' });
  });
  afterAll(async () => {
    await second?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('recreates the graph exactly on an empty Neo4j: every node, relationship and property', async () => {
    const { status, type, disposition, text } = await download('graph.cypher');
    expect([status, type, disposition]).toEqual([
      200,
      'application/x-cypher-query; charset=utf-8',
      'attachment; filename="graph.cypher"',
    ]);
    const copy = await QueryRunner.connect({
      uri: second.uri,
      user: 'neo4j',
      password: second.password,
      database: 'neo4j',
    });
    try {
      for (const statement of splitStatements(text)) await copy.write(statement);
      expect(await graphChecksum(copy)).toBe(await graphChecksum(server.runner));
      const constraints = await copy.read('SHOW CONSTRAINTS YIELD name RETURN count(*) AS count');
      expect(constraints[0].count).toBeGreaterThan(0);
    } finally {
      await copy.close();
    }
  });
});

describe('the other formats', () => {
  it('JSON carries exactly the database counts, with integers and floats apart', async () => {
    const { status, type, text } = await download('graph.json');
    expect([status, type]).toEqual([200, 'application/json; charset=utf-8']);
    const graph = JSON.parse(text);
    expect([graph.nodes.length, graph.relationships.length]).toEqual([counts.nodes, counts.relationships]);
    const stage = graph.nodes.find((n: { id: string }) => n.id === 'model-training');
    expect(stage.labels).toEqual(['Entity', 'ValueChainStage']);
    expect(text).toMatch(/"order":2[,}]/);
    expect(text).toMatch(/"marketCapUsdBn":\d+\.\d+/);
  });

  it('CSV files carry exactly the database counts in neo4j-admin headers', async () => {
    const nodes = await download('nodes.csv');
    const relationships = await download('relationships.csv');
    expect([nodes.status, nodes.type, relationships.status]).toEqual([200, 'text/csv; charset=utf-8', 200]);
    expect(nodes.text.split('\n')[0]).toMatch(/^id:ID,:LABEL,/);
    expect(nodes.text.split('\n')[0]).toContain('order:long');
    expect(relationships.text.split('\n')[0]).toMatch(/^:START_ID,:END_ID,:TYPE/);
    expect(csvRecords(nodes.text) - 1).toBe(counts.nodes);
    expect(csvRecords(relationships.text) - 1).toBe(counts.relationships);
  });

  it('GraphML has a node per node and an edge per relationship, with typed keys', async () => {
    const { status, type, text } = await download('graph.graphml');
    expect([status, type]).toEqual([200, 'application/graphml+xml; charset=utf-8']);
    expect(text.match(/<node /g)).toHaveLength(counts.nodes);
    expect(text.match(/<edge /g)).toHaveLength(counts.relationships);
    expect(text).toMatch(/attr\.name="order" attr\.type="long"/);
  });

  it('exportGraph returns the same files with the counts', async () => {
    // One whole-graph export per operation.
    const data = {
      ...(await server.ok(
        '{ json: exportGraph(format: JSON) { format contentType filename content nodeCount relationshipCount } }',
      )),
      ...(await server.ok('{ csv: exportGraph(format: CSV) { filename content } }')),
    };
    expect(data.json).toMatchObject({
      format: 'JSON',
      contentType: 'application/json; charset=utf-8',
      filename: 'graph.json',
      nodeCount: counts.nodes,
      relationshipCount: counts.relationships,
    });
    expect(JSON.parse(data.json.content)).toEqual(JSON.parse((await download('graph.json')).text));
    const [nodesCsv, relationshipsCsv] = data.csv.content.split(CSV_SEPARATOR);
    expect(nodesCsv).toBe((await download('nodes.csv')).text);
    expect(relationshipsCsv).toBe((await download('relationships.csv')).text);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'answers /export/%s, a name only an object prototype has, with a JSON 404',
    async (name) => {
      const { status, type, text } = await download(name);
      expect({ status, type }).toEqual({ status: 404, type: 'application/json; charset=utf-8' });
      expect(JSON.parse(text).error).toMatchObject({
        code: 'NOT_FOUND',
        message: `no export named "${name}"; try graph.cypher, graph.graphml, graph.json, nodes.csv, relationships.csv`,
      });
    },
  );

  it('answers an unknown export with 404 and the names it has', async () => {
    const { status, text } = await download('graph.xlsx');
    expect(status).toBe(404);
    expect(JSON.parse(text).error.message).toContain('graph.cypher');
  });
});
