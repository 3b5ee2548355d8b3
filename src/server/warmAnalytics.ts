/**
 * Keeps the whole-graph analytics warm: computes them into the snapshot cache at start, after every commit this
 * server makes, and whenever a poll of the database's version finds that another process wrote (an import, a seed),
 * so that the first analyst after a change does not wait for them.
 */
import type { SnapshotCache } from '../analytics/snapshotCache';
import type { QueryRunner } from '../db/queryRunner';
import { warmSnapshots } from '../graphql/analyticsSnapshots';
import { createContext } from '../graphql/context';

export interface AnalyticsWarmer {
  /** Resolves once no warming runs or waits; gives the database version last warmed. */
  settled(): Promise<string | undefined>;
  /** Stops polling and listening for commits; resolves when the warming under way ends. */
  stop(): Promise<void>;
}

/**
 * Given the runner, the app's snapshot cache, a poll interval (0: no poll) and a log, starts warming (at once) and
 * returns the warmer. A warming that fails is logged and tried again on the next commit or poll.
 */
export function warmAnalytics(
  runner: QueryRunner,
  snapshots: SnapshotCache,
  intervalMs: number,
  log: (line: string) => void = () => undefined,
): AnalyticsWarmer {
  const scoped = runner.scoped({ operation: 'analytics-warm' });
  let warmed: string | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const warmOnce = async () => {
    const context = createContext(scoped, snapshots, 'none', 'analytics-warm');
    const version = await scoped.version();
    if (version === warmed) return;
    const started = performance.now();
    await warmSnapshots(context);
    warmed = version;
    log(`analytics warmed in ${Math.round(performance.now() - started)} ms`);
  };

  /** Warms now, or once more after the warming under way when one runs (commits during it change the version). */
  const schedule = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await warmOnce();
        } catch (error) {
          log(`analytics warming failed: ${(error as Error).message}`);
        }
      } while (again && !stopped);
      running = undefined;
    })();
  };

  const unsubscribe = runner.onCommit(schedule);
  const timer = intervalMs > 0 ? setInterval(schedule, intervalMs) : undefined;
  timer?.unref();
  schedule();
  return {
    settled: async () => {
      while (running) await running;
      return warmed;
    },
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (timer) clearInterval(timer);
      while (running) await running;
    },
  };
}
