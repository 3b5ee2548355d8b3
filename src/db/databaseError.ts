import { Neo4jError } from 'neo4j-driver';

/**
 * What every database failure becomes: a code a caller can act on, and a message a person can read. Callers decide
 * by this code, never by Neo4j's own codes, which only this module reads.
 */
export type DatabaseErrorCode =
  | 'SERVICE_UNAVAILABLE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONSTRAINT_VIOLATION'
  | 'TIMEOUT'
  | 'TERMINATED'
  | 'BAD_QUERY'
  | 'PROCEDURE_FAILED'
  | 'TRANSIENT'
  | 'BAD_BOOKMARK'
  | 'BOOKMARK_TIMEOUT'
  | 'QUERY_FAILED';

export class DatabaseError extends Error {
  /** Whether the failure was a wait for a free connection of the driver's pool (Neo4j itself may be fine). */
  get poolExhausted(): boolean {
    return this.code === 'SERVICE_UNAVAILABLE' && this.neo4jCode === 'N/A';
  }

  constructor(
    message: string,
    readonly code: DatabaseErrorCode,
    /** Neo4j's code, for messages and logs only. */
    readonly neo4jCode?: string,
    /** The driver's own message, without the context this module adds to `message`. */
    readonly detail: string = message,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** Neo4j's codes for a transaction it stopped because it ran longer than its timeout (a client's or the server's). */
const TIMED_OUT = /^Neo\.\w+\.Transaction\.TransactionTimedOut/;

/** Neo4j's codes for a query a read-only transaction or the user's privileges do not allow. */
const NOT_ALLOWED = new Set(['Neo.ClientError.Statement.AccessMode', 'Neo.ClientError.Security.Forbidden']);

/** The code of a failure Neo4j (or the driver) reported, by its Neo4j code and, for the pool, its message. */
function classify(code: string | undefined, detail: string): DatabaseErrorCode {
  if (code === undefined) return 'QUERY_FAILED';
  if (TIMED_OUT.test(code)) return 'TIMEOUT';
  // Only the pool's acquisition timeout carries no code ('N/A') and is recognised by its message. A database that
  // is stopping or starting answers DatabaseUnavailable: it is away just the same.
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'Neo.TransientError.General.DatabaseUnavailable' ||
    (code === 'N/A' && /acquisition timed out/i.test(detail))
  )
    return 'SERVICE_UNAVAILABLE';
  if (NOT_ALLOWED.has(code)) return 'FORBIDDEN';
  if (code.startsWith('Neo.ClientError.Security.')) return 'UNAUTHENTICATED';
  if (
    code.startsWith('Neo.ClientError.Transaction.Terminated') ||
    code.startsWith('Neo.TransientError.Transaction.Terminated')
  )
    return 'TERMINATED';
  // A bookmark a client sent back that is not one of this database's, or a state this member has not reached in time.
  if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) return 'BAD_BOOKMARK';
  if (code === 'Neo.TransientError.Transaction.BookmarkTimeout') return 'BOOKMARK_TIMEOUT';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return 'CONSTRAINT_VIOLATION';
  if (code === 'Neo.ClientError.Procedure.ProcedureCallFailed') return 'PROCEDURE_FAILED';
  if (code.startsWith('Neo.ClientError.')) return 'BAD_QUERY';
  if (code.startsWith('Neo.TransientError.')) return 'TRANSIENT';
  return 'QUERY_FAILED';
}

/** Maps a driver error by its Neo4j code to a DatabaseError; timeoutMs is the one that applied. */
export function toDatabaseError(error: unknown, uri: string, timeoutMs?: number): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const neo4jCode = error instanceof Neo4jError ? error.code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  const code = classify(neo4jCode, detail);
  switch (code) {
    case 'TIMEOUT':
      return new DatabaseError(
        `The query ran longer than its ${timeoutMs ?? 'configured'} ms timeout and was stopped.`,
        code,
        neo4jCode,
        detail,
      );
    case 'SERVICE_UNAVAILABLE': {
      if (neo4jCode === 'N/A') {
        // The pool's own message lists its internal state: it stays out of every message.
        const busy = `Every connection to Neo4j at ${uri} is in use and none became free in time.`;
        return new DatabaseError(busy, code, neo4jCode, busy);
      }
      return new DatabaseError(`Neo4j at ${uri} is not reachable: ${detail}`, code, neo4jCode, detail);
    }
    case 'UNAUTHENTICATED':
      return new DatabaseError(
        `Neo4j at ${uri} refused the credentials (check NEO4J_USER and NEO4J_PASSWORD): ${detail}`,
        code,
        neo4jCode,
        detail,
      );
    default:
      return new DatabaseError(detail, code, neo4jCode);
  }
}
