import { describeAccess, loadConfig } from './config';
import { runCli } from './cli/runCli';
import { openDatabase } from './neo4j/openDatabase';
import { migrate } from './seed/migrate';
import { createApp } from './server/createApp';

const log = (line: string) => console.log(`start: ${line}`);

runCli('start', async () => {
  const config = loadConfig();
  let closing = false;
  // The launcher runs in a process group of its own, so only an exit outside a shutdown is a failure.
  const database = await openDatabase(config.neo4j, log, (code) => {
    if (closing) return;
    console.error(`start: the Neo4j this server started exited unexpectedly (code ${code}); stopping`);
    process.exit(1);
  });
  const served = await createApp(config, database.runner, log);
  // The app drains first (the driver stays open for the operations in flight), then the database closes. A signal
  // to the process group under npm start arrives twice (npm forwards its own): a repeat during the grace period is
  // ignored; one after it ends the process at once.
  let drainStarted = 0;
  const shutdown = async (signal: string) => {
    if (closing) {
      if (Date.now() - drainStarted <= config.shutdownGraceMs) return;
      console.error(`start: ${signal} again after the ${config.shutdownGraceMs} ms grace period; exiting now`);
      process.exit(1);
    }
    closing = true;
    drainStarted = Date.now();
    log(`${signal}: no new connections; finishing the requests in flight (at most ${config.shutdownGraceMs} ms)`);
    await served.stop();
    await database.close();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    // Replicas behind a balancer serve without migrating: `npm run migrate` (or one server) sets the database up.
    if (config.migrateOnStart) await migrate(database.runner, config, log);
    else log('MIGRATE_ON_START=0: serving the database as it is (npm run migrate sets it up)');
  } catch (error) {
    await database.close();
    throw error;
  }

  try {
    const { port } = await served.listen(config.port, config.host);
    log(`server ready at http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}/graphql`);
    log(describeAccess(config));
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(
      `start: ${inUse ? `port ${config.port} is already in use; set PORT to a free port` : (error as Error).message}`,
    );
    await database.close();
    process.exit(1);
  }
});
