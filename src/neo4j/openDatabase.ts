import type { Neo4jConfig } from '../config';
import { DatabaseError, QueryRunner, connectionOf } from '../db/queryRunner';
import { startNeo4j } from './startNeo4j';

export interface OpenDatabase {
  runner: QueryRunner;
  /** Closes the driver and stops the Neo4j this process started, if any. */
  close(): Promise<void>;
}

/**
 * Given the Neo4j settings, returns a connected runner: to NEO4J_URI when it is set; otherwise to the project's
 * launcher on NEO4J_BOLT_PORT, reusing one already running there or starting one for as long as this process lives.
 */
export async function openDatabase(
  config: Neo4jConfig,
  log: (line: string) => void,
  onLost?: (code: number | null) => void,
): Promise<OpenDatabase> {
  if (config.uri !== undefined) {
    const runner = await QueryRunner.connect(connectionOf(config, config.uri));
    log(`using Neo4j at ${config.uri}`);
    return { runner, close: () => runner.close() };
  }
  const localUri = `bolt://127.0.0.1:${config.launcher.boltPort}`;
  try {
    const runner = await QueryRunner.connect(connectionOf(config, localUri));
    log(`using the Neo4j already running at ${localUri}`);
    return { runner, close: () => runner.close() };
  } catch (error) {
    if (!(error instanceof DatabaseError) || error.code !== 'SERVICE_UNAVAILABLE') throw error;
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
    const runner = await QueryRunner.connect(connectionOf(config, neo4j.uri));
    return {
      runner,
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
