/**
 * npm run bench:export [-- --companies 10000] [--seed 42]
 *
 * Time, size and peak memory of each streamed export (GET /export/<file>) on a synthetic graph. The server and the
 * client that reads the download run in this process; the download is consumed and dropped as it arrives, so the
 * memory figure is what serving the export costs. It uses a Neo4j of its own, or BENCH_NEO4J_URI (replaced!).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EXPORT_FILES } from '../src/exports/formats';
import { generateSeedRecords } from '../src/synthetic/generateGraph';
import { SectionRecorder } from './benchmarksFile';
import { bulkLoadRecords, openBenchDatabase, serveApi } from './support';

const log = (line: string) => console.error(`bench: ${line}`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function main() {
  const { values } = parseArgs({
    options: { companies: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' } },
    strict: true,
  });
  const [companies, seed] = [Number(values.companies), Number(values.seed)];
  if (![companies, seed].every(Number.isInteger)) throw new Error('--companies and --seed must be whole numbers');
  const recorder = new SectionRecorder('bench:export');
  const database = await openBenchDatabase(log);
  const api = await serveApi(database.runner);
  try {
    const report = await bulkLoadRecords(database.runner, generateSeedRecords({ companies, seed }));
    log(
      `synthetic graph of ${companies} companies (seed ${seed}): ${report.nodes} nodes, ` +
        `${report.relationships + report.dependencies} relationships`,
    );
    console.log(`\nstreamed exports of the synthetic graph, ${companies} companies`);
    console.log(
      `${'file'.padEnd(18)}  ${'seconds'.padStart(7)}  ${'size'.padStart(10)}  ` +
        `${'RSS before'.padStart(10)}  ${'peak RSS growth'.padStart(15)}  ${'peak heap growth'.padStart(16)}`,
    );
    for (const file of Object.keys(EXPORT_FILES)) {
      global.gc?.();
      const before = process.memoryUsage();
      let peak = before.rss;
      let peakHeap = before.heapUsed;
      const sample = () => {
        const now = process.memoryUsage();
        peak = Math.max(peak, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      };
      const sampler = setInterval(sample, 20);
      const started = performance.now();
      const response = await fetch(api.url.replace(/graphql$/, `export/${file}`));
      if (response.status !== 200) throw new Error(`${file}: HTTP ${response.status}`);
      let size = 0;
      for await (const chunk of response.body!) size += (chunk as Uint8Array).length;
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      sample();
      console.log(
        `${file.padEnd(18)}  ${seconds.toFixed(1).padStart(7)}  ${mb(size).padStart(10)}  ` +
          `${mb(before.rss).padStart(10)}  ${mb(peak - before.rss).padStart(15)}  ` +
          `${mb(peakHeap - before.heapUsed).padStart(16)}`,
      );
    }
    recorder.section('bench:export', 'Streamed exports of a synthetic graph');
  } finally {
    await api.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
