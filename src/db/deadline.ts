import { DatabaseError } from './databaseError';

/**
 * Extra time a request to Neo4j gets beyond its transaction timeout, so that Neo4j's own timeout answers first:
 * Neo4j stops a transaction past its timeout when its monitor next looks, every 2 s by default
 * (`db.transaction.monitor.check.interval`; the project's own Neo4j looks every 100 ms).
 */
export const DEADLINE_GRACE_MS = 2500;

/** The failure of a request Neo4j did not answer in time: it is away as far as the caller can tell. */
export const lateError = (uri: string, ms: number) =>
  new DatabaseError(`Neo4j at ${uri} did not answer within ${ms} ms.`, 'SERVICE_UNAVAILABLE');

/**
 * Given work waiting on Neo4j, returns its answer, or rejects with SERVICE_UNAVAILABLE when `ms` pass first (or
 * with the signal's reason when it aborts first). The work is not stopped: its owner closes its session whenever
 * it ends.
 */
export function withinDeadline<T>(work: Promise<T>, ms: number, uri: string, signal?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(lateError(uri, ms)), ms);
    if (signal) {
      onAbort = () => reject(signal.reason);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  return Promise.race([work, late]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}
