import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig, projectRoot } from '../src/config';
import { QueryRunner } from '../src/db/queryRunner';
import { LauncherError, RunningNeo4j, startNeo4j } from '../src/neo4j/startNeo4j';
import { freePort } from '../src/neo4j/freePort';
import { openDatabase } from '../src/neo4j/openDatabase';
import { connectTestRunner } from './support/testDatabase';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-test-'));
  dirs.push(dir);
  return dir;
};
const options = { heap: '512m', pageCache: '64m' };
const SECRET = 'chosen-Secret-7f3a9c';
const API_KEYS_VALUE = 'alice:editor:' + 'a'.repeat(64);

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const connect = (uri: string, password?: string) =>
  QueryRunner.connect({ uri, user: 'neo4j', password, database: 'neo4j', queryTimeoutMs: 30_000 });

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

// Against a NEO4J_URI of the user's choosing, edition and plugins are theirs.
const describeOwnNeo4j = process.env.GRAPH_TEST_OWN_NEO4J ? describe : describe.skip;

describeOwnNeo4j('the Neo4j the tests start', () => {
  it('answers over Bolt as Neo4j 5.26 with its built-in procedures and only the APOC functions it needs', async () => {
    const runner = await connectTestRunner();
    try {
      const [component] = await runner.read(
        'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
      );
      expect(component).toMatchObject({ name: 'Neo4j Kernel', edition: 'community' });
      expect(component.version).toMatch(/^5\.26\./);
      const [builtIn] = await runner.read(
        "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'db.index.fulltext.' RETURN count(*) AS count",
      );
      expect(builtIn.count).toBeGreaterThan(0);
      const apoc = await runner.read(
        "SHOW FUNCTIONS YIELD name WHERE name STARTS WITH 'apoc.' RETURN name ORDER BY name",
      );
      expect(apoc.map((row) => row.name)).toEqual(['apoc.date.convertFormat', 'apoc.util.validatePredicate']);
      const [procedure] = await runner.read(
        "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc.' RETURN collect(name) AS names",
      );
      expect(procedure.names).toEqual(['apoc.util.validate']);
    } finally {
      await runner.close();
    }
  });
});

describe('the launcher, started with NEO4J_PASSWORD and API_KEYS in the environment', () => {
  let first: RunningNeo4j;
  let firstDir: string;
  let firstPort: number;
  let runner: QueryRunner;
  const saved = { API_KEYS: process.env.API_KEYS, NEO4J_PASSWORD: process.env.NEO4J_PASSWORD };

  beforeAll(async () => {
    firstDir = tempDir();
    firstPort = await freePort();
    process.env.API_KEYS = API_KEYS_VALUE;
    process.env.NEO4J_PASSWORD = SECRET;
    try {
      first = await startNeo4j({ ...options, port: firstPort, dataDir: firstDir, password: SECRET });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    runner = await connect(first.uri, first.password);
  });
  afterAll(async () => {
    await runner?.close();
    await first?.stop();
  });

  it('prints one ready line with the Bolt address and the data directory', () => {
    expect(first.readyLine).toBe(
      `Neo4j ${first.readyLine.split(' ')[1]} ready at bolt://127.0.0.1:${firstPort} (data: ${firstDir})`,
    );
  });

  it('refuses a Bolt client without the password or with a wrong one', async () => {
    await expect(connect(first.uri)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(connect(first.uri, 'wrong')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(first.password).toBe(SECRET);
  });

  it.each(['file:///etc/passwd', 'file:///proc/self/environ'])('refuses LOAD CSV FROM %s', async (url) => {
    const error = await runner.read(`LOAD CSV FROM '${url}' AS line RETURN line LIMIT 1`).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/file URLs|not allowed|Configuration property/i);
    expect((error as Error).message).not.toContain(API_KEYS_VALUE);
  });

  it("keeps the password off the JVM's command line and the server's secrets out of its environment", () => {
    const pid = first.child.pid!;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    expect(cmdline).toContain('Neo4jLauncher');
    expect(cmdline).not.toContain(SECRET);
    const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
    expect(environ).toContain('PATH=');
    expect(environ).not.toContain(API_KEYS_VALUE);
    expect(environ).not.toContain(SECRET);
  });

  it('offers no APOC procedure beyond the few functions the benchmarks need', async () => {
    await expect(runner.read("CALL apoc.help('x')")).rejects.toThrow(/apoc\.help/);
    await expect(runner.read("RETURN apoc.text.join(['a', 'b'], ',') AS x")).rejects.toThrow(/apoc\.text\.join/);
    const [row] = await runner.read("RETURN apoc.date.convertFormat('2024-01-02', 'date', 'basic_date') AS d");
    expect(row.d).toBe('20240102');
  });

  it('keeps the password in the data directory, readable by its owner only', () => {
    const file = path.join(firstDir, 'auth', 'password');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(SECRET);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(path.join(firstDir, 'auth'))).toBe(0o700);
    expect(modeOf(firstDir)).toBe(0o700);
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

describe('a launcher started without a password', () => {
  it('creates a random one on first start, keeps it, and lets openDatabase reuse the launcher as its own', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const neo4j = await startNeo4j({ ...options, port, dataDir });
    try {
      expect(neo4j.password).toMatch(/^[0-9a-f]{32}$/);
      const file = path.join(dataDir, 'auth', 'password');
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(neo4j.password);
      expect(modeOf(file)).toBe(0o600);
      await expect(connect(neo4j.uri)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

      const lines: string[] = [];
      const config = loadConfig({ NEO4J_BOLT_PORT: String(port), NEO4J_DATA_DIR: dataDir }).neo4j;
      const database = await openDatabase(config, (line) => lines.push(line));
      try {
        expect(await database.runner.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
        expect(lines).toEqual([`using the Neo4j already running at bolt://127.0.0.1:${port}`]);
      } finally {
        await database.close();
      }
    } finally {
      await neo4j.stop();
    }
  });
});

/** A TCP listener that speaks just enough Bolt (the handshake) for a client to send it its credentials. */
async function fakeBolt(): Promise<{ port: number; received: () => Buffer; close: () => Promise<void> }> {
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let handshaken = false;
    socket.on('error', () => undefined);
    socket.on('data', (data) => {
      chunks.push(data);
      if (!handshaken) {
        handshaken = true;
        socket.write(Buffer.from([0, 0, 0, 5]));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received: () => Buffer.concat(chunks),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('openDatabase with the Bolt port taken by another process', () => {
  it('sends it no credentials and says the port is not the project’s Neo4j', async () => {
    const fake = await fakeBolt();
    try {
      const config = loadConfig({
        NEO4J_BOLT_PORT: String(fake.port),
        NEO4J_DATA_DIR: tempDir(),
        NEO4J_PASSWORD: SECRET,
        QUERY_TIMEOUT_MS: '2000',
      }).neo4j;
      const error = await openDatabase(config, () => undefined).catch((caught: unknown) => caught);
      expect(fake.received().includes(SECRET)).toBe(false);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(
        `port ${fake.port} on 127.0.0.1 is in use by a process that is not this project's Neo4j ` +
          `(data: ${config.launcher.dataDir}); stop it, or set NEO4J_BOLT_PORT to a free port ` +
          'or NEO4J_URI to a Neo4j of your own',
      );
    } finally {
      await fake.close();
    }
  });
});
