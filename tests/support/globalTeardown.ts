import fs from 'node:fs';

/** Stops the Neo4j that globalSetup started and removes its data. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { testNeo4j?: { stop(): Promise<void>; dataDir: string } }).testNeo4j;
  if (!started) return;
  await started.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
