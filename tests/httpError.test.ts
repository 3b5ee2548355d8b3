import type { AddressInfo } from 'node:net';
import express from 'express';
import { GraphQLError } from 'graphql';
import { DatabaseError } from '../src/db/queryRunner';
import { BadInputError, DomainError, NotFoundError } from '../src/domain/errors';
import { formatError, publicError } from '../src/graphql/formatError';
import { userError } from '../src/graphql/errors';
import { sendFailure, sendRefusal, statusOf } from '../src/server/httpError';

const unreachable = new DatabaseError('Neo4j at bolt://db:7687 is not reachable: ECONNREFUSED', 'SERVICE_UNAVAILABLE');
const timedOut = new DatabaseError('The query ran longer than its 5000 ms timeout and was stopped.', 'TIMEOUT');
const syntax = new DatabaseError('Invalid input: MATCH (n) RETURN', 'QUERY_FAILED');

describe('publicError and statusOf', () => {
  it('tell a user the code and message of a domain error, with its HTTP status', () => {
    expect(publicError(new NotFoundError('no entity has id "x"'))).toEqual({
      code: 'NOT_FOUND',
      message: 'no entity has id "x"',
    });
    expect(publicError(new DomainError('CONFLICT', 'edited meanwhile'))).toEqual({
      code: 'CONFLICT',
      message: 'edited meanwhile',
    });
    expect(
      [
        new BadInputError('x'),
        new NotFoundError('x'),
        new DomainError('CONFLICT', 'x'),
        new DomainError('FORBIDDEN', 'x'),
        new DomainError('UNAUTHENTICATED', 'x'),
      ].map(statusOf),
    ).toEqual([400, 404, 409, 403, 401]);
  });

  it('say plainly that Neo4j is away or a query ran out of time, without the address', () => {
    expect(publicError(unreachable)).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The graph database is not reachable right now; try again shortly.',
    });
    expect(publicError(timedOut)?.code).toBe('QUERY_TIMEOUT');
    expect([statusOf(unreachable), statusOf(timedOut)]).toEqual([503, 504]);
  });

  it('give nothing of any other error, which is a 500', () => {
    expect([publicError(syntax), publicError(new TypeError('x is undefined'))]).toEqual([undefined, undefined]);
    expect([statusOf(syntax), statusOf(new TypeError('x'))]).toEqual([500, 500]);
  });
});

describe('formatError', () => {
  it('maps a domain error thrown in a resolver to its code and message', () => {
    const thrown = new NotFoundError('no entity has id "x"');
    const wrapped = new GraphQLError(thrown.message, { originalError: thrown, path: ['retire'] });
    expect(
      formatError(
        { message: thrown.message, path: ['retire'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        wrapped,
      ),
    ).toEqual({ message: 'no entity has id "x"', path: ['retire'], extensions: { code: 'NOT_FOUND' } });
    const bad = userError('first must be from 1 to 100, got 0');
    expect(formatError({ message: bad.message }, new GraphQLError(bad.message, { originalError: bad }))).toEqual({
      message: 'first must be from 1 to 100, got 0',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

/** Mounts `answer` at /graphql and at /export/x, as the app mounts its routes; returns a function fetching them. */
async function serve(answer: (request: express.Request, response: express.Response) => void) {
  const app = express();
  app.use('/graphql', answer);
  app.use('/export/x', answer);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  };
  return { get, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the HTTP answers', () => {
  it('sendFailure writes the envelope with the status and masks what nobody planned for', async () => {
    const errors: Record<string, unknown> = {
      '/export/x?e=missing': new NotFoundError('no export named "x"'),
      '/export/x?e=away': unreachable,
      '/export/x?e=bug': new TypeError("Cannot read properties of undefined (reading 'id')"),
    };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = await serve((request, response) => sendFailure(request, response, errors[request.originalUrl]));
    try {
      expect(await server.get('/export/x?e=missing')).toEqual({
        status: 404,
        type: 'application/json; charset=utf-8',
        body: { error: { code: 'NOT_FOUND', message: 'no export named "x"' } },
      });
      expect(await server.get('/export/x?e=away')).toMatchObject({
        status: 503,
        body: { error: { code: 'SERVICE_UNAVAILABLE', message: expect.not.stringContaining('bolt') } },
      });
      expect(await server.get('/export/x?e=bug')).toMatchObject({
        status: 500,
        body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' } },
      });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
      await server.close();
    }
  });

  it("sendRefusal keeps GraphQL's errors shape under /graphql and writes the envelope elsewhere", async () => {
    const server = await serve((request, response) =>
      sendRefusal(request, response, 429, 'RATE_LIMITED', 'Too many requests.', {
        limit: 'RATE_LIMIT_PER_MINUTE',
        value: 5,
      }),
    );
    try {
      expect((await server.get('/graphql')).body).toEqual({
        errors: [
          {
            message: 'Too many requests.',
            extensions: { code: 'RATE_LIMITED', limit: 'RATE_LIMIT_PER_MINUTE', value: 5 },
          },
        ],
      });
      expect(await server.get('/export/x')).toMatchObject({
        status: 429,
        body: {
          error: { code: 'RATE_LIMITED', message: 'Too many requests.', limit: 'RATE_LIMIT_PER_MINUTE', value: 5 },
        },
      });
    } finally {
      await server.close();
    }
  });
});
