import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATED_HEADER, MAX_COMPANIES, MIN_COMPANIES, SEED_FILE_NAMES, generateSeedRecords, serializeSeedRecords } from '../synthetic/generateGraph';
import { UsageError, runCli } from './runCli';

const USAGE = 'usage: npm run synthetic -- --out <folder> [--companies <n>] [--seed <n>]';

/** Writes a deterministic synthetic seed folder (the format of seed/) for benchmarks; the same arguments give the same bytes. */
runCli('synthetic', async () => {
  let args;
  try {
    args = parseArgs({
      options: { out: { type: 'string' }, companies: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (args.out === undefined) throw new UsageError(`--out is required\n${USAGE}`);
  const companies = wholeNumber(args.companies ?? '10000');
  if (companies === undefined || companies < MIN_COMPANIES || companies > MAX_COMPANIES) {
    throw new UsageError(`--companies must be a whole number from ${MIN_COMPANIES} to ${MAX_COMPANIES}\n${USAGE}`);
  }
  const seed = wholeNumber(args.seed ?? '42');
  if (seed === undefined || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to ${0xffffffff}\n${USAGE}`);
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
  checkTarget(dir);

  const started = Date.now();
  const options = { companies, seed };
  const records = generateSeedRecords(options);
  const texts = serializeSeedRecords(records, options);
  fs.mkdirSync(dir, { recursive: true });
  let totalRecords = 0;
  let totalBytes = 0;
  const width = Math.max(...SEED_FILE_NAMES.map((file) => file.length));
  for (const file of SEED_FILE_NAMES) {
    fs.writeFileSync(path.join(dir, file), texts[file]);
    const count = records[file].length;
    const bytes = Buffer.byteLength(texts[file]);
    totalRecords += count;
    totalBytes += bytes;
    console.log(`synthetic: ${file.padEnd(width)} ${String(count).padStart(9)} records ${megabytes(bytes)}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`synthetic: ${'total'.padEnd(width)} ${String(totalRecords).padStart(9)} records ${megabytes(totalBytes)} (companies ${companies}, seed ${seed}) in ${dir}, ${seconds} s`);
});

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2).padStart(8)} MB`;
}

/**
 * The folder must be missing, empty, or a previous synthetic output: every seed file already there must start with
 * the generator's header, so a hand-written seed (such as seed/) or an unrelated folder is never overwritten.
 */
function checkTarget(dir: string): void {
  if (!fs.existsSync(dir)) return;
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is not a folder`);
  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return;
  const present = SEED_FILE_NAMES.filter((file) => entries.includes(file));
  if (present.length === 0) throw new UsageError(`--out ${dir} is not empty and holds no synthetic seed files; choose a new or empty folder`);
  for (const file of present) {
    const head = fs.readFileSync(path.join(dir, file), 'utf8').slice(0, GENERATED_HEADER.length);
    if (head !== GENERATED_HEADER) throw new UsageError(`--out ${dir}: ${file} was not written by this generator; refusing to overwrite it`);
  }
}
