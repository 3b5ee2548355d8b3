import path from 'node:path';
import { parseArgs } from 'node:util';
import { SIZE_PATTERN, loadConfig } from '../config';
import { passwordFileOf, startNeo4j } from '../neo4j/startNeo4j';
import { UsageError, runCli } from './runCli';

const USAGE = 'usage: npm run neo4j [-- --port <n>] [--data <dir>] [--heap <size>] [--pagecache <size>]';

runCli('neo4j', async () => {
  const { launcher, password } = loadConfig().neo4j;
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        heap: { type: 'string' },
        pagecache: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const port = args.port === undefined ? launcher.boltPort : Number(args.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`--port must be a port number from 1 to 65535\n${USAGE}`);
  for (const flag of ['heap', 'pagecache'] as const) {
    if (args[flag] !== undefined && !SIZE_PATTERN.test(args[flag]))
      throw new UsageError(`--${flag} must be a size such as 512m or 2g\n${USAGE}`);
  }
  const dataDir =
    args.data === undefined ? launcher.dataDir : path.resolve(process.env.INIT_CWD ?? process.cwd(), args.data);
  const neo4j = await startNeo4j({
    port,
    dataDir,
    heap: args.heap ?? launcher.heap,
    pageCache: args.pagecache ?? launcher.pageCache,
    password,
    log: (line) => console.error(`neo4j: ${line}`),
  });
  console.log(neo4j.readyLine);
  console.error(`neo4j: user neo4j, password in ${passwordFileOf(dataDir)}`);
  // Under npm run, a Ctrl-C comes twice (npm forwards its own); stopping again is a no-op.
  const stop = () => void neo4j.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  neo4j.child.once('exit', (code) => {
    console.error(`neo4j: Neo4j exited (code ${code})`);
    process.exit(code ?? 1);
  });
});
