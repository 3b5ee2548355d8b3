import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config';
import { startNeo4j } from '../../src/neo4j/startNeo4j';
import { freePort } from '../../src/neo4j/freePort';

/**
 * Builds dist/ (command-line tests run it) and starts a throw-away Neo4j unless NEO4J_URI points at one; its address
 * and password go to NEO4J_URI and NEO4J_PASSWORD, for the tests and the servers they start.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(projectRoot, 'tsconfig.build.json')],
    { stdio: 'inherit' },
  );
  if (process.env.NEO4J_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-test-neo4j-'));
  const neo4j = await startNeo4j({
    port: await freePort(),
    dataDir,
    heap: '1g',
    pageCache: '256m',
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`\n${neo4j.readyLine}\n`);
  process.env.NEO4J_URI = neo4j.uri;
  process.env.NEO4J_PASSWORD = neo4j.password;
  process.env.GRAPH_TEST_OWN_NEO4J = '1';
  Object.assign(globalThis, { testNeo4j: { stop: neo4j.stop, dataDir } });
}
