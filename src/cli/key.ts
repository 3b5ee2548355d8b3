import { parseArgs } from 'node:util';
import { ROLES, Role, newKey } from '../auth/apiKeys';
import { UsageError, runCli } from './runCli';

const USAGE = 'usage: npm run key -- --name <name> [--role editor|reader]';

/** Makes a new API key: prints the key (give it to its holder; it is not stored) and the entry for API_KEYS. */
runCli('key', async () => {
  let values;
  try {
    values = parseArgs({
      options: { name: { type: 'string' }, role: { type: 'string', default: 'editor' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.name === undefined) throw new UsageError(`--name is required\n${USAGE}`);
  if (!ROLES.includes(values.role as Role))
    throw new UsageError(`--role must be reader or editor, got "${values.role}"\n${USAGE}`);
  let made;
  try {
    made = newKey(values.name, values.role as Role);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  console.log(`key (send as "Authorization: Bearer <key>"; shown once, stored nowhere):\n  ${made.key}`);
  console.log(`API_KEYS entry (the key's SHA-256; join several with commas):\n  ${made.entry}`);
});
