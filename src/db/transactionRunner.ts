import type { ManagedTransaction } from 'neo4j-driver';
import type { CypherLogger } from './cypherLogLine';
import { countRows, logStatement } from './logStatement';
import { plain } from './plain';
import type { Params, Row } from './queryRunner';

/** Statements inside one transaction, with the same value conversion and logging as the runner. */
export class TransactionRunner {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly log?: CypherLogger,
    /** Aborted when the caller has given up on the transaction: its next statement fails, so it rolls back. */
    private readonly abandoned?: AbortSignal,
  ) {}

  /** Runs one statement in the transaction and returns its rows as plain objects. */
  run(query: string, params: Params = {}): Promise<Row[]> {
    if (this.abandoned?.aborted) return Promise.reject(new Error('the transaction was given up on'));
    return logStatement(
      this.log,
      query,
      params,
      async () => {
        const result = await this.tx.run(query, params);
        return result.records.map((record) => plain(record.toObject()) as Row);
      },
      countRows,
    );
  }
}
