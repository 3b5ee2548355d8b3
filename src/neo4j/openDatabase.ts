import type { Neo4jConfig } from '../config';
import { QueryRunner, connectionOf } from '../db/queryRunner';
import { identifyLauncher } from './identifyLauncher';
import { LauncherError, readPassword, startNeo4j } from './startNeo4j';

export interface OpenDatabase {
  runner: QueryRunner;
  /** This process started the launcher (and close() stops it). */
  started: boolean;
  /** Closes the driver and stops the Neo4j this process started, if any. */
  close(): Promise<void>;
}

/**
 * Given the Neo4j settings, returns a connected runner: to NEO4J_URI when it is set; otherwise to the project's
 * launcher on NEO4J_BOLT_PORT, reusing one already running there for the same data directory (with the password
 * kept there) or starting one for as long as this process lives. Credentials never go to a port whose listener is
 * not identified as that launcher.
 */
export async function openDatabase(
  config: Neo4jConfig,
  log: (line: string) => void,
  onLost?: (code: number | null) => void,
): Promise<OpenDatabase> {
  if (config.uri !== undefined) {
    const runner = await QueryRunner.connect(connectionOf(config, config.uri));
    log(`using Neo4j at ${config.uri}`);
    return { runner, started: false, close: () => runner.close() };
  }
  const { boltPort, dataDir } = config.launcher;
  const localUri = `bolt://127.0.0.1:${boltPort}`;
  const owner = await identifyLauncher(boltPort, dataDir);
  if (owner === 'foreign') {
    throw new LauncherError(
      `port ${boltPort} on 127.0.0.1 is in use by a process that is not this project's Neo4j (data: ${dataDir}); ` +
        'stop it, or set NEO4J_BOLT_PORT to a free port or NEO4J_URI to a Neo4j of your own',
    );
  }
  if (owner === 'ours') {
    const runner = await QueryRunner.connect({ ...connectionOf(config, localUri), password: readPassword(dataDir) });
    log(`using the Neo4j already running at ${localUri}`);
    return { runner, started: false, close: () => runner.close() };
  }
  const neo4j = await startNeo4j({
    ...config.launcher,
    port: config.launcher.boltPort,
    password: config.password,
    log,
  });
  log(neo4j.readyLine);
  let closing = false;
  neo4j.child.once('exit', (code) => {
    if (!closing) onLost?.(code);
  });
  try {
    const runner = await QueryRunner.connect({ ...connectionOf(config, neo4j.uri), password: neo4j.password });
    return {
      runner,
      started: true,
      close: async () => {
        closing = true;
        await runner.close();
        await neo4j.stop();
      },
    };
  } catch (error) {
    closing = true;
    await neo4j.stop();
    throw error;
  }
}
