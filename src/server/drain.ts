import type { Server } from 'node:http';

/**
 * Closes a server gracefully: no new connections, idle keep-alive connections closed as they become idle, after
 * graceMs the connections of requests still running; then waits (within graceMs) for the operations still counted
 * by inFlight, whose clients may have gone while their resolvers run on.
 */
export async function drain(
  server: Server,
  graceMs: number,
  inFlight: () => number,
  log: (line: string) => void,
): Promise<void> {
  const deadline = Date.now() + graceMs;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const outcome = await Promise.race([closed, late]);
  clearInterval(idle);
  clearTimeout(timer);
  if (outcome === 'late') {
    log(`requests still running after ${graceMs} ms: closing their connections`);
    server.closeAllConnections();
    await closed;
  }
  while (inFlight() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
