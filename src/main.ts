import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { runCli } from './cli/runCli';
import { applySchema } from './db/applySchema';
import { cypherFile } from './db/cypherFile';
import { openDatabase } from './neo4j/openDatabase';
import { loadSeed, summarize } from './seed/loadSeed';
import { createApp } from './server/createApp';

const log = (line: string) => console.log(`start: ${line}`);

/**
 * Closes the server: no new connections, idle keep-alive connections closed as they become idle, and after
 * graceMs the connections of requests still running.
 */
async function drain(server: Server, graceMs: number, operationsInFlight: () => number): Promise<void> {
  const deadline = Date.now() + graceMs;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const outcome = await Promise.race([closed, late]);
  clearInterval(idle);
  clearTimeout(timer);
  if (outcome === 'late') {
    log(`requests still running after ${graceMs} ms: closing their connections`);
    server.closeAllConnections();
    await closed;
  }
  // Operations whose clients went away still run until they finish; the driver stays open for them.
  while (operationsInFlight() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

runCli('start', async () => {
  const config = loadConfig();
  let server: Server | undefined;
  let closing = false;
  // Ctrl-C reaches Neo4j too; only an exit outside a shutdown is a failure.
  const database = await openDatabase(config.neo4j, log, (code) => {
    if (closing) return;
    console.error(`start: the Neo4j this server started exited unexpectedly (code ${code}); stopping`);
    process.exit(1);
  });
  // Stop accepting, let requests in flight finish (up to the grace period), then close the driver and the launcher.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    if (server) {
      log(`${signal}: no new connections; finishing the requests in flight (at most ${config.shutdownGraceMs} ms)`);
      await drain(server, config.shutdownGraceMs, app.locals.operationsInFlight as () => number);
    }
    await database.close();
    log('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await applySchema(database.runner);
    const [{ entities }] = await database.runner.read(cypherFile('seed/count-entities'));
    if (entities === 0 && config.seedOnStart) {
      log(`the database is empty: seeding it from ${config.seedDir}`);
      const { report } = await loadSeed(database.runner, config.seedDir, {
        reset: false,
        batchSize: config.seedBatchSize,
        onProgress: log,
      });
      log(summarize(report));
    } else {
      log(`the database holds ${entities} entities`);
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = await createApp({
    runner: database.runner,
    traceCypher: config.traceCypher,
    cypherEndpoint: config.cypherEndpoint.enabled ? config.cypherEndpoint : undefined,
    limits: config.limits,
    introspection: config.introspection,
    fieldSuggestions: config.fieldSuggestions,
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigins: config.corsOrigins,
    apiKeys: config.apiKeys,
    requireKeyForReads: config.requireKeyForReads,
  });
  server = app.listen(config.port, config.host, (error?: Error) => {
    if (error) {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      console.error(
        `start: ${inUse ? `port ${config.port} is already in use; set PORT to a free port` : error.message}`,
      );
      void database.close().then(() => process.exit(1));
      return;
    }
    const { port } = server!.address() as AddressInfo;
    log(`server ready at http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}/graphql`);
  });
});
