import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/config';
import type { QueryRunner } from '../src/db/queryRunner';
import { readSeed } from '../src/seed/loadSeed';
import { MIGRATION_LOCK, takeMigrationLock } from '../src/seed/migrate';
import { connectTestRunner, emptyDatabase } from './support/testDatabase';

const seedSize = readSeed(path.join(projectRoot, 'seed')).nodes.length;

let runner: QueryRunner;
beforeAll(async () => {
  runner = await connectTestRunner();
});
afterAll(async () => {
  await runner?.close();
});

/** Runs `node dist/src/cli/migrate.js` (what npm run migrate runs); resolves with its exit code and output. */
function runMigrate(env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/cli/migrate.js')], {
      env: { ...process.env, EXTERNAL_DATABASES: 'none', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const locks = async () => (await runner.read('MATCH (l:MigrationLock) RETURN count(l) AS n'))[0].n;

describe('npm run migrate', () => {
  it('seeds an empty database once when three migrators run at once; the others wait and find it done', async () => {
    await emptyDatabase(runner);
    const runs = await Promise.all([runMigrate(), runMigrate(), runMigrate()]);
    for (const run of runs) expect(run).toMatchObject({ code: 0 });
    const outputs = runs.map((run) => run.output);
    expect(outputs.filter((output) => output.includes('the database is empty: seeding it'))).toHaveLength(1);
    expect(outputs.filter((output) => output.includes('done: seeded'))).toHaveLength(1);
    expect(outputs.filter((output) => output.includes('done: nothing to seed'))).toHaveLength(2);
    const [{ entities }] = await runner.read('MATCH (n:Entity) RETURN count(n) AS entities');
    expect(entities).toBe(seedSize);
    expect(await locks()).toBe(0);
  });

  it('refuses arguments it does not take', async () => {
    const run = await runMigrate();
    expect(run.code).toBe(0);
    const wrong = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/cli/migrate.js'), '--reset'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => resolve({ code, output }));
    });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('usage: npm run migrate');
  });
});

describe('the migration lock', () => {
  it('makes a second migrator wait until the first releases it', async () => {
    const first = await takeMigrationLock(runner, 60_000, () => undefined, 'first');
    let secondHolds = false;
    const second = takeMigrationLock(runner, 60_000, () => undefined, 'second').then((lock) => {
      secondHolds = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(secondHolds).toBe(false);
    await first.release();
    const lock = await second;
    expect(lock.owner).toBe('second');
    const [row] = await runner.read('MATCH (l:MigrationLock {name: $name}) RETURN l.owner AS owner', {
      name: MIGRATION_LOCK,
    });
    expect(row.owner).toBe('second');
    await lock.release();
    expect(await locks()).toBe(0);
  });

  it('is taken over once the lock of a migrator that died (no renewal) has expired', async () => {
    await runner.write('CREATE (:MigrationLock {name: $name, owner: $owner, expiresAt: timestamp() + 1500})', {
      name: MIGRATION_LOCK,
      owner: 'killed-migrator',
    });
    const started = Date.now();
    const lock = await takeMigrationLock(runner, 60_000, () => undefined, 'next');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(lock.lost()).toBe(false);
    await lock.release();
    expect(await locks()).toBe(0);
  });

  it('is renewed while held: a holder past its first expiry keeps it', async () => {
    const held = await takeMigrationLock(runner, 1500, () => undefined, 'long-runner');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const [{ taken }] = await runner.inWriteTransaction((tx) =>
      tx.run('MATCH (l:MigrationLock {name: $name}) RETURN l.owner = $owner AND l.expiresAt > timestamp() AS taken', {
        name: MIGRATION_LOCK,
        owner: 'long-runner',
      }),
    );
    expect(taken).toBe(true);
    expect(held.lost()).toBe(false);
    await held.release();
  });
});
