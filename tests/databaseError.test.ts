import { Neo4jError } from 'neo4j-driver';
import { DatabaseError, toDatabaseError } from '../src/db/databaseError';
import { toEndpointError } from '../src/server/cypher/endpointError';

const URI = 'bolt://db:7687';

/** A driver error as Neo4j reports it: a message (first line, then a caret line) and a code. */
const neo4jError = (code: string, message = 'what Neo4j said\n  ^') =>
  new Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('toDatabaseError', () => {
  it.each([
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'TIMEOUT'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'TIMEOUT'],
    ['ServiceUnavailable', 'SERVICE_UNAVAILABLE'],
    ['SessionExpired', 'SERVICE_UNAVAILABLE'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'SERVICE_UNAVAILABLE'],
    ['Neo.ClientError.Statement.AccessMode', 'FORBIDDEN'],
    ['Neo.ClientError.Security.Forbidden', 'FORBIDDEN'],
    ['Neo.ClientError.Security.Unauthorized', 'UNAUTHENTICATED'],
    ['Neo.ClientError.Transaction.Terminated', 'TERMINATED'],
    ['Neo.TransientError.Transaction.Terminated', 'TERMINATED'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONSTRAINT_VIOLATION'],
    ['Neo.ClientError.Procedure.ProcedureCallFailed', 'PROCEDURE_FAILED'],
    ['Neo.ClientError.Statement.SyntaxError', 'BAD_QUERY'],
    ['Neo.ClientError.Statement.ParameterMissing', 'BAD_QUERY'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'TRANSIENT'],
    ['Neo.DatabaseError.General.UnknownError', 'QUERY_FAILED'],
    ['N/A', 'QUERY_FAILED'],
  ])('maps %s to %s', (code, expected) => {
    const error = toDatabaseError(neo4jError(code), URI, 300);
    expect({ code: error.code, neo4jCode: error.neo4jCode, detail: error.detail }).toEqual({
      code: expected,
      neo4jCode: code,
      detail: 'what Neo4j said\n  ^',
    });
  });

  it("tells the pool's acquisition timeout (no code) by its message and leaves the pool's state out", () => {
    const internals =
      'Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 50, Idle conn count = 0.';
    const error = toDatabaseError(neo4jError('N/A', internals), URI);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.poolExhausted).toBe(true);
    expect(error.message).toBe('Every connection to Neo4j at bolt://db:7687 is in use and none became free in time.');
    expect(`${error.message} ${error.detail}`).not.toMatch(/Pool status|conn count/);
    expect(toEndpointError(error, 300)).toMatchObject({ status: 503, code: 'BUSY', retryAfter: 1 });
    expect(toEndpointError(error, 300).message).not.toMatch(/Pool status|conn count/);
  });

  it('says which timeout applied, and leaves a DatabaseError and a plain error as they are', () => {
    expect(toDatabaseError(neo4jError('Neo.ClientError.Transaction.TransactionTimedOut'), URI, 300).message).toBe(
      'The query ran longer than its 300 ms timeout and was stopped.',
    );
    const mapped = new DatabaseError('gone', 'SERVICE_UNAVAILABLE');
    expect(toDatabaseError(mapped, URI)).toBe(mapped);
    expect(toDatabaseError(new Error('boom'), URI)).toMatchObject({ code: 'QUERY_FAILED', neo4jCode: undefined });
  });
});

describe('toEndpointError', () => {
  const answer = (error: unknown) => {
    const failure = toEndpointError(error, 300);
    return [failure.status, failure.code, failure.message];
  };

  it.each([
    [
      'Neo.ClientError.Transaction.TransactionTimedOut',
      408,
      'TIMEOUT',
      'the query ran longer than 300 ms and was stopped',
    ],
    ['ServiceUnavailable', 503, 'SERVICE_UNAVAILABLE', 'Neo4j is not reachable: what Neo4j said'],
    [
      'Neo.ClientError.Statement.AccessMode',
      403,
      'FORBIDDEN',
      'Neo4j refused the query: what Neo4j said; only reads are allowed',
    ],
    [
      'Neo.ClientError.Security.Unauthorized',
      503,
      'SERVICE_UNAVAILABLE',
      'the server cannot authenticate with Neo4j: what Neo4j said',
    ],
    [
      'Neo.ClientError.Transaction.Terminated',
      503,
      'SERVICE_UNAVAILABLE',
      'the query was terminated by Neo4j: what Neo4j said',
    ],
    ['Neo.ClientError.Statement.SyntaxError', 400, 'BAD_REQUEST', 'Neo4j rejected the query: what Neo4j said'],
    ['Neo.ClientError.Procedure.ProcedureCallFailed', 400, 'BAD_REQUEST', 'Neo4j rejected the query: what Neo4j said'],
    [
      'Neo.TransientError.General.OutOfMemoryError',
      503,
      'SERVICE_UNAVAILABLE',
      'Neo4j could not run the query now (Neo.TransientError.General.OutOfMemoryError): what Neo4j said',
    ],
    [
      'Neo.DatabaseError.General.UnknownError',
      500,
      'INTERNAL_SERVER_ERROR',
      'Neo4j failed to run the query (Neo.DatabaseError.General.UnknownError): what Neo4j said',
    ],
  ])('answers %s with %s %s', (code, status, endpointCode, message) => {
    expect(answer(toDatabaseError(neo4jError(code), URI, 10_000))).toEqual([status, endpointCode, message]);
  });

  it('answers a failure that is not from Neo4j with 500 and its first line', () => {
    expect(answer(new TypeError('bad value\nat somewhere'))).toEqual([
      500,
      'INTERNAL_SERVER_ERROR',
      'the query failed: bad value',
    ]);
  });
});
