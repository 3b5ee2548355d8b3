import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../src/config';
import { QueryRunner } from '../src/db/queryRunner';
import { LauncherError, RunningNeo4j, startNeo4j } from '../src/neo4j/startNeo4j';
import { freePort } from '../src/neo4j/freePort';
import { connectTestRunner } from './support/testDatabase';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-test-'));
  dirs.push(dir);
  return dir;
};
const options = { heap: '512m', pageCache: '64m' };

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

// Against a NEO4J_URI of the user's choosing, edition and plugins are theirs.
const describeOwnNeo4j = process.env.GRAPH_TEST_OWN_NEO4J ? describe : describe.skip;

describeOwnNeo4j('the Neo4j the tests start', () => {
  it('answers over Bolt as Neo4j 5.26 with APOC on board', async () => {
    const runner = await connectTestRunner();
    try {
      const [component] = await runner.read(
        'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
      );
      expect(component).toMatchObject({ name: 'Neo4j Kernel', edition: 'community' });
      expect(component.version).toMatch(/^5\.26\./);
      const [apoc] = await runner.read('RETURN apoc.version() AS version');
      expect(apoc.version).toMatch(/^5\.26\./);
    } finally {
      await runner.close();
    }
  });
});

describe('the launcher', () => {
  let first: RunningNeo4j;
  let firstDir: string;
  let firstPort: number;

  beforeAll(async () => {
    firstDir = tempDir();
    firstPort = await freePort();
    first = await startNeo4j({ ...options, port: firstPort, dataDir: firstDir, password: 'test-secret' });
  });
  afterAll(() => first?.stop());

  it('prints one ready line with the Bolt address and the data directory', () => {
    expect(first.readyLine).toBe(
      `Neo4j ${first.readyLine.split(' ')[1]} ready at bolt://127.0.0.1:${firstPort} (data: ${firstDir})`,
    );
  });

  it('enforces the password it was given', async () => {
    const connect = (password: string) =>
      QueryRunner.connect({ uri: first.uri, user: 'neo4j', password, database: 'neo4j' });
    await expect(connect('wrong')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const runner = await connect('test-secret');
    expect(await runner.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    await runner.close();
  });

  it('says in one line when the port is in use', async () => {
    const error = await startNeo4j({ ...options, port: firstPort, dataDir: tempDir() }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LauncherError);
    expect((error as Error).message).toBe(
      `neo4j-launcher: port ${firstPort} is already in use on 127.0.0.1; stop what uses it or pass --port <free port>`,
    );
  });

  it('says in one line when the data directory is locked by another Neo4j', async () => {
    const error = await startNeo4j({ ...options, port: await freePort(), dataDir: firstDir }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LauncherError);
    expect((error as Error).message).toBe(
      `neo4j-launcher: data directory ${firstDir} is locked by another Neo4j process; ` +
        'stop that process or pass --data <other dir>',
    );
  });

  it('says what to do when java is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = tempDir();
    const result = await startNeo4j({ ...options, port: await freePort(), dataDir: tempDir() }).catch(
      (caught: unknown) => caught,
    );
    process.env.PATH = path;
    if (!(result instanceof Error)) await (result as RunningNeo4j).stop();
    expect(result).toBeInstanceOf(LauncherError);
    expect((result as Error).message).toMatch(
      /^java was not found on PATH: install Java 17 or newer .*, or set NEO4J_URI to use a Neo4j of your own$/,
    );
  });
});

describe('npm run neo4j', () => {
  it('stops Neo4j when its parent process is killed, releasing the port and the data directory', async () => {
    const port = await freePort();
    const dataDir = tempDir();
    const parent = spawn(
      process.execPath,
      [path.join(projectRoot, 'dist/src/cli/neo4j.js'), '--port', String(port), '--data', dataDir, '--heap', '512m'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const ready = await new Promise<string>((resolve, reject) => {
      readline
        .createInterface({ input: parent.stdout! })
        .on('line', (line) => line.includes('ready at') && resolve(line));
      parent.once('exit', (code) => reject(new Error(`npm run neo4j exited early with ${code}`)));
    });
    expect(ready).toContain(`bolt://127.0.0.1:${port}`);
    parent.kill('SIGKILL');

    // The orphaned launcher notices its closed stdin and shuts down; a new one can then take the same port and data.
    const deadline = Date.now() + 60_000;
    let again: RunningNeo4j | undefined;
    while (!again) {
      again = await startNeo4j({ ...options, port, dataDir }).catch((error: Error) => {
        if (Date.now() > deadline) throw error;
        return new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000));
      });
    }
    await again.stop();
  });
});
