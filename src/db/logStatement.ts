import { Neo4jError } from 'neo4j-driver';
import { CypherLogger, cypherLogLine } from './cypherLogLine';
import { DatabaseError } from './databaseError';

/** The code a log line names for a failure: Neo4j's own when there is one. */
export const failureCode = (error: unknown) =>
  error instanceof Neo4jError || error instanceof DatabaseError ? error.code : 'ERROR';

/** Given an answer, returns its rows when it is a list of rows, else 0. */
export const countRows = (answer: unknown) => (Array.isArray(answer) ? answer.length : 0);

/** Runs `work` and, given a logger, writes its statement's line (rows, or the code it failed with). */
export async function logStatement<T>(
  log: CypherLogger | undefined,
  query: string,
  params: Record<string, unknown>,
  work: () => Promise<T>,
  rows: (answer: T) => number,
): Promise<T> {
  if (!log) return work();
  const started = performance.now();
  try {
    const answer = await work();
    log(cypherLogLine(query, params, performance.now() - started, rows(answer)));
    return answer;
  } catch (error) {
    log(cypherLogLine(query, params, performance.now() - started, failureCode(error)));
    throw error;
  }
}
