import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_COMPANIES, MIN_COMPANIES, generateSeedRecords } from '../synthetic/generateGraph';
import { GENERATED_HEADER, SEED_FORMATS, SeedFormat, seedFileName } from '../synthetic/seedFileText';
import { SEED_FILE_NAMES } from '../synthetic/seedRecords';
import { writeSeedFolder } from '../synthetic/writeSeedFolder';
import { UsageError, runCli } from './runCli';

const USAGE = 'usage: npm run synthetic -- --out <folder> [--companies <n>] [--seed <n>] [--format jsonl|yaml]';

/**
 * Writes a deterministic synthetic seed folder (JSON Lines, or YAML like seed/) for benchmarks; the same arguments
 * give the same bytes.
 */
runCli('synthetic', async () => {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        companies: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
      },
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
  if (seed === undefined || seed > 0xffffffff)
    throw new UsageError(`--seed must be a whole number from 0 to ${0xffffffff}\n${USAGE}`);
  const format = (args.format ?? 'jsonl') as SeedFormat;
  if (!SEED_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${SEED_FORMATS.join(', ')}\n${USAGE}`);
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
  const previous = checkTarget(dir);

  const started = Date.now();
  const options = { companies, seed };
  const records = generateSeedRecords(options);
  fs.mkdirSync(dir, { recursive: true });
  // A folder holds one format: the other format's files (checked above to be this generator's) would clash.
  for (const file of previous)
    if (!SEED_FILE_NAMES.some((name) => seedFileName(name, format) === file)) fs.rmSync(path.join(dir, file));
  const written = writeSeedFolder(dir, records, format, options);
  const width = Math.max(...written.map(({ file }) => file.length));
  for (const { file, records: count, bytes } of written)
    console.log(`synthetic: ${file.padEnd(width)} ${String(count).padStart(9)} records ${megabytes(bytes)}`);
  const totalRecords = written.reduce((sum, { records: count }) => sum + count, 0);
  const totalBytes = written.reduce((sum, { bytes }) => sum + bytes, 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const total = `${'total'.padEnd(width)} ${String(totalRecords).padStart(9)} records ${megabytes(totalBytes)}`;
  console.log(`synthetic: ${total} (companies ${companies}, seed ${seed}) in ${dir}, ${seconds} s`);
});

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2).padStart(8)} MB`;
}

/**
 * The folder must be missing, empty, or a previous synthetic output: every seed file already there (YAML or JSON
 * Lines) must start with the generator's header, so a hand-written seed (such as seed/) or an unrelated folder is
 * never overwritten. Returns the seed files found.
 */
function checkTarget(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--out ${dir} is not a folder`);
  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return [];
  const names = SEED_FILE_NAMES.flatMap((file) => SEED_FORMATS.map((format) => seedFileName(file, format)));
  const present = names.filter((file) => entries.includes(file));
  if (present.length === 0)
    throw new UsageError(`--out ${dir} is not empty and holds no synthetic seed files; choose a new or empty folder`);
  for (const file of present) {
    const head = Buffer.alloc(GENERATED_HEADER.length);
    const fd = fs.openSync(path.join(dir, file), 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (head.toString('utf8') !== GENERATED_HEADER)
      throw new UsageError(`--out ${dir}: ${file} was not written by this generator; refusing to overwrite it`);
  }
  return present;
}
