import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config';
import { applySchema } from '../db/applySchema';
import { cypherFile } from '../db/cypherFile';
import type { QueryRunner } from '../db/queryRunner';
import { importShipped } from '../imports/importSource';
import { loadSeed, summarize } from './loadSeed';

/** The one lock migrators take. */
export const MIGRATION_LOCK = 'migrate';
/** How often a migrator waiting for the lock tries again. */
const RETRY_MS = 1000;

/** The settings a migration reads. */
export type MigrateConfig = Pick<
  Config,
  'seedDir' | 'seedOnStart' | 'seedBatchSize' | 'sourcePrecedence' | 'externalDir' | 'externalDatabases'
> & { migrateLockTtlMs: number };

/** What a migration did: whether it seeded, and how many entities the database holds at the end. */
export interface MigrationReport {
  seeded: boolean;
  entities: number;
}

/** A lock held in the database, renewed while held; release() gives it up. */
export interface HeldLock {
  owner: string;
  release(): Promise<void>;
  /** Whether a renewal found the lock taken by another (held past its expiry without renewal). */
  lost(): boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the migration lock in the database (a :MigrationLock node whose name is unique), waiting while another
 * migrator holds it; a holder that stops renewing (killed) loses it after `ttlMs`. Renews it every third of `ttlMs`
 * until released.
 */
export async function takeMigrationLock(
  runner: QueryRunner,
  ttlMs: number,
  log: (line: string) => void,
  owner = `${hostname()}:${process.pid}:${randomUUID()}`,
): Promise<HeldLock> {
  // Migrators starting together may all create the constraint: one that loses that race finds it made next time.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await runner.write(cypherFile('migrate/lock-constraint'), {}, { timeoutMs: runner.queryTimeoutMs });
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(RETRY_MS * attempt);
    }
  }
  let waitingSince: number | undefined;
  let lastLog = 0;
  for (;;) {
    const [row] = await runner.inWriteTransaction(
      (tx) => tx.run(cypherFile('migrate/take-lock'), { name: MIGRATION_LOCK, owner, ttlMs }),
      { timeoutMs: runner.queryTimeoutMs },
    );
    if (row.taken === true) break;
    const now = Date.now();
    waitingSince ??= now;
    if (now - lastLog >= 10_000) {
      lastLog = now;
      log(`waiting for another migrator (${String(row.owner)}; its lock expires in ${Number(row.expiresInMs)} ms)`);
    }
    await sleep(RETRY_MS);
  }
  let lost = false;
  const renewing = setInterval(
    () => {
      runner
        .write(cypherFile('migrate/renew-lock'), { name: MIGRATION_LOCK, owner, ttlMs }, { timeoutMs: ttlMs / 3 })
        .then((rows) => {
          if (rows.length === 0 && !lost) {
            lost = true;
            log('the migration lock was taken by another migrator (this one did not renew it in time)');
          }
        })
        // A failed renewal is tried again at the next tick; the lock lasts ttlMs.
        .catch(() => undefined);
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  renewing.unref();
  return {
    owner,
    lost: () => lost,
    release: async () => {
      clearInterval(renewing);
      await runner.write(cypherFile('migrate/release-lock'), { name: MIGRATION_LOCK, owner });
    },
  };
}

/**
 * Sets the database up, under the migration lock so that several processes may run it at once: the schema, then,
 * when the database holds no entity and seeding is on, the seed and the shipped databases. A second migrator waits
 * for the first and finds the work done.
 */
export async function migrate(
  runner: QueryRunner,
  config: MigrateConfig,
  log: (line: string) => void,
): Promise<MigrationReport> {
  const lock = await takeMigrationLock(runner, config.migrateLockTtlMs, log);
  try {
    await applySchema(runner);
    const [{ entities }] = await runner.read(cypherFile('seed/count-entities'));
    if (entities !== 0 || !config.seedOnStart) {
      log(`the database holds ${entities} entities`);
      return { seeded: false, entities: Number(entities) };
    }
    log(`the database is empty: seeding it from ${config.seedDir}`);
    const { report } = await loadSeed(runner, config.seedDir, {
      reset: false,
      batchSize: config.seedBatchSize,
      onProgress: log,
      precedence: config.sourcePrecedence,
    });
    log(summarize(report));
    await importShipped(
      runner,
      config.externalDir,
      { precedence: config.sourcePrecedence, aliasFile: path.join(config.seedDir, 'aliases.yaml') },
      log,
      config.externalDatabases,
    );
    const [after] = await runner.read(cypherFile('seed/count-entities'));
    return { seeded: true, entities: Number(after.entities) };
  } finally {
    await lock.release();
  }
}
