/**
 * A child process of `npm run bench` serving one compared server:
 * `node serveCompared.js <ours|library|floor> <bolt uri>`.
 * It reports `{ url }` to its parent when listening, and closes when the parent sends "stop" or goes away.
 */
import { startComparedServer } from './comparedServers';
import { SERVER_NAMES, ServerName } from './comparisonTable';

async function main() {
  const [name, uri] = process.argv.slice(2);
  if (!SERVER_NAMES.includes(name as ServerName) || !uri)
    throw new Error(`usage: serveCompared.js <${SERVER_NAMES.join('|')}> <bolt uri>`);
  const server = await startComparedServer(name as ServerName, {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD,
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('message', (message) => void (message === 'stop' && stop()));
  process.on('disconnect', () => void stop());
  process.send!({ url: server.url });
}

main().catch((error: unknown) => {
  console.error(`serveCompared: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
