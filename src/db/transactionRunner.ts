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
  ) {}

  /** Runs one statement in the transaction and returns its rows as plain objects. */
  run(query: string, params: Params = {}): Promise<Row[]> {
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
