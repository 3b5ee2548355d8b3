import { loadConfig } from '../config';
import { openDatabase } from '../neo4j/openDatabase';
import { migrate } from '../seed/migrate';
import { UsageError, runCli } from './runCli';

/**
 * npm run migrate: sets the database up once for every server that serves it (schema, then the seed and shipped
 * databases when it is empty), under a lock in the database, so several may run at once; replicas then start with
 * MIGRATE_ON_START=0.
 */
runCli('migrate', async () => {
  if (process.argv.length > 2) throw new UsageError(`usage: npm run migrate (got ${process.argv.slice(2).join(' ')})`);
  const config = loadConfig();
  const log = (line: string) => console.log(`migrate: ${line}`);
  const database = await openDatabase(config.neo4j, log);
  try {
    const report = await migrate(database.runner, config, log);
    log(report.seeded ? `done: seeded, ${report.entities} entities` : 'done: nothing to seed');
  } finally {
    await database.close();
  }
});
