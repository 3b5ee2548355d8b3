import autocannon from 'autocannon';
import { quantile } from '../support';
import { cpuMeter } from './processCpu';

export interface LoadResult {
  requestsPerSecond: number;
  /** Latency percentiles of the 2xx responses, in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  responses: number;
  /** Errors, timeouts, non-2xx responses and answers that carry GraphQL errors. */
  failures: number;
  /** Set when the duration gave fewer responses than asked: the figures come from a run until this many responses. */
  untilResponses?: number;
  /** CPU milliseconds per response of the server process and Neo4j's JVM, where their process ids are known (/proc). */
  serverCpuMs?: number;
  neo4jCpuMs?: number;
}

/** The processes whose CPU a run counts. */
export interface MeteredProcesses {
  server?: number;
  neo4j?: number;
}

/**
 * Given a URL and a JSON body, sends it over `connections` keep-alive connections, each sending its next request when
 * the previous one is answered, for `seconds`; returns successful responses per second and their latency percentiles.
 * When that gives fewer than `minResponses` (slow answers: responses still in flight at the end are not counted), it
 * runs again until that many responses have come, however long it takes.
 */
export async function measureLoad(options: {
  url: string;
  body: string;
  connections: number;
  seconds: number;
  minResponses?: number;
  processes?: MeteredProcesses;
}): Promise<LoadResult> {
  const first = await metered(options);
  if (!options.minResponses || first.responses >= options.minResponses) return first;
  return { ...(await metered({ ...options, amount: options.minResponses })), untilResponses: options.minResponses };
}

/** One run, with the CPU the server and Neo4j used for it divided by its responses. */
async function metered(options: {
  url: string;
  body: string;
  connections: number;
  seconds: number;
  amount?: number;
  processes?: MeteredProcesses;
}): Promise<LoadResult> {
  const used = cpuMeter({ server: options.processes?.server, neo4j: options.processes?.neo4j });
  const result = await run(options);
  const cpu = used();
  const perResponse = (value: number | undefined) =>
    value === undefined || result.responses === 0 ? undefined : value / result.responses;
  return { ...result, serverCpuMs: perResponse(cpu.server), neo4jCpuMs: perResponse(cpu.neo4j) };
}

async function run(options: {
  url: string;
  body: string;
  connections: number;
  seconds: number;
  amount?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  // A GraphQL answer with errors (a timeout, a refused query) is a 200 too; it counts as a failure, not a response.
  let answeredWithErrors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: options.body,
            onResponse: (status: number, body: string) => {
              if (status >= 200 && status < 300 && body.includes('"errors":')) answeredWithErrors += 1;
            },
          },
        ],
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
        timeout: 30,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's own summary has p97.5 but no p95: the latencies are kept here and ranked.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const answered = latencies.length - answeredWithErrors;
  return {
    requestsPerSecond: answered / result.duration,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    responses: answered,
    failures: result.errors + result.non2xx + answeredWithErrors,
  };
}
