/**
 * node dist/bench/profileSummary.js <file.cpuprofile> [--top 15]
 *
 * Prints where a V8 CPU profile (`npm run bench -- --cpu-prof ours`) spent its time: self time by layer (the Neo4j
 * driver, graphql-js, graphql-jit, Apollo, Express, our code, garbage collection, ...) as shares of the time not
 * idle, then the functions with the most self time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Layers by the path of a function's file (first match wins), or by V8's name for its own work. */
const LAYERS: [string, RegExp][] = [
  ['Neo4j driver', /node_modules\/neo4j-driver/],
  ['graphql-jit', /node_modules\/graphql-jit\//],
  ['graphql-js', /node_modules\/graphql\//],
  ['query limits (complexity, armor)', /node_modules\/(graphql-query-complexity|@escape\.tech)\//],
  ['Apollo Server', /node_modules\/@(apollo|as-integrations)\//],
  ['Express and body parsing', /node_modules\/(express|router|body-parser|raw-body|iconv-lite|send|finalhandler)\//],
  ['TypeGraphQL', /node_modules\/type-graphql\//],
  ['DataLoader', /node_modules\/dataloader\//],
  ['other packages', /node_modules\//],
  ['our code', /\/dist\/(src|bench)\//],
  ['Node.js internals', /^node:/],
];

/** Given a function's frame, returns the layer its self time counts for. */
function layerOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8 (program)';
  if (url === '') return 'V8 builtins (JSON, regexps, ...)';
  return LAYERS.find(([, pattern]) => pattern.test(url))?.[0] ?? 'other';
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;

function main() {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string', default: '15' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new Error('usage: node dist/bench/profileSummary.js <file.cpuprofile> [--top n]');
  const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byLayer = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const { callFrame } = nodes.get(id)!;
    const micros = profile.timeDeltas[index] ?? 0;
    const layer = layerOf(callFrame);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + micros);
    if (layer === 'idle') return;
    const where = callFrame.url ? `${path.basename(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const name = `${callFrame.functionName || '(anonymous)'} ${where} [${layer}]`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  });
  const busy = [...byLayer].filter(([layer]) => layer !== 'idle').reduce((sum, [, micros]) => sum + micros, 0);
  console.log(
    `${positionals[0]}: ${(busy / 1e6).toFixed(1)} s busy, ${((byLayer.get('idle') ?? 0) / 1e6).toFixed(1)} s idle`,
  );
  console.log('\nself time by layer (share of busy time):');
  for (const [layer, micros] of [...byLayer].filter(([name]) => name !== 'idle').sort((a, b) => b[1] - a[1]))
    console.log(`  ${percent(micros, busy)}  ${layer}`);
  console.log(`\nthe ${values.top} functions with the most self time:`);
  for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.log(`  ${percent(micros, busy)}  ${name}`);
}

main();
