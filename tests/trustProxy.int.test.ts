import type { QueryRunner } from '../src/db/queryRunner';
import { startTestServer } from './support/graphqlClient';
import { connectTestRunner } from './support/testDatabase';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await connectTestRunner();
});
afterAll(() => runner?.close());

/** Posts `{ __typename }` as a client behind a proxy that says it is `client`; returns the status. */
const post = (url: string, client: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ query: '{ __typename }' }),
  }).then((response) => response.status);

/** Sends two requests as each of two clients (through the same proxy, 127.0.0.1) with a limit of 2 per minute. */
async function twoClients(trustProxy: number | string[]): Promise<number[]> {
  const server = await startTestServer(runner, { rateLimitPerMinute: 2, trustProxy });
  try {
    const statuses: number[] = [];
    for (const client of ['203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.2'])
      statuses.push(await post(server.url, client));
    return statuses;
  } finally {
    await server.close();
  }
}

describe('TRUST_PROXY', () => {
  it('without it, every client behind the proxy shares the proxy address and its rate limit', async () => {
    // express-rate-limit warns of the forwarded address it was not told to believe (once per limiter).
    const warned = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await twoClients(0)).toEqual([200, 200, 429, 429]);
      expect(warned).toHaveBeenCalledWith(expect.objectContaining({ code: 'ERR_ERL_UNEXPECTED_X_FORWARDED_FOR' }));
    } finally {
      warned.mockRestore();
    }
  });

  it('with a hop count, each client has its own limit, by the address the proxy forwarded', async () => {
    expect(await twoClients(1)).toEqual([200, 200, 200, 200]);
  });

  it("with the proxy's address or range, likewise; a proxy not listed is not believed", async () => {
    expect(await twoClients(['127.0.0.1'])).toEqual([200, 200, 200, 200]);
    expect(await twoClients(['loopback'])).toEqual([200, 200, 200, 200]);
    expect(await twoClients(['10.0.0.0/8'])).toEqual([200, 200, 429, 429]);
  });
});
