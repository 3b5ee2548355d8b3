import type { LoadResult } from './measureLoad';

/** The servers compared: ours, the Neo4j GraphQL Library, and one hand-written Cypher statement per query. */
export type ServerName = 'ours' | 'library' | 'floor';

export const SERVER_NAMES: readonly ServerName[] = ['ours', 'library', 'floor'];

/** What one cell measured: one server answering one query on one graph at a number of connections. */
export interface Measurement extends LoadResult {
  graph: string;
  query: string;
  connections: number;
  server: ServerName;
}

/** The targets: our throughput at least this share of each baseline's, measured in the same run. */
export const TARGETS: Record<Exclude<ServerName, 'ours'>, number> = { library: 1.5, floor: 0.8 };

/** Given our throughput and a baseline's, returns ours as a multiple of it (NaN when either is missing). */
export function ratio(ours: number | undefined, baseline: number | undefined): number {
  if (ours === undefined || baseline === undefined || !(baseline > 0)) return Number.NaN;
  return ours / baseline;
}

const rate = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/**
 * Given a ratio and its target, returns it as text such as "1.32x" or "0.61x (target 0.7x missed)"; "n/a" when not
 * measured.
 */
export function formatRatio(value: number, target: number): string {
  if (Number.isNaN(value)) return 'n/a';
  return value >= target ? `${value.toFixed(2)}x` : `${value.toFixed(2)}x (target ${target.toFixed(1)}x missed)`;
}

/** Measurements by cell (graph, query, connections), each with the measurement of every server. */
function byCell(measurements: readonly Measurement[]): Map<string, Partial<Record<ServerName, Measurement>>> {
  const cells = new Map<string, Partial<Record<ServerName, Measurement>>>();
  for (const m of measurements) {
    const key = JSON.stringify([m.graph, m.query, m.connections]);
    cells.set(key, { ...cells.get(key), [m.server]: m });
  }
  return cells;
}

/**
 * Given measurements, returns one Markdown table: a row per graph, query and connection count, every server side by
 * side, and our ratios.
 */
export function comparisonTable(measurements: readonly Measurement[]): string[] {
  const cells = byCell(measurements);
  const lines = [
    '| graph | query | conns | ours req/s | ours p50 / p95 / p99 ms | library req/s | library p50 / p95 / p99 ms ' +
      '| floor req/s | floor p50 / p95 / p99 ms | ours / library | ours / floor |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [key, cell] of cells) {
    const [graph, query, connections] = JSON.parse(key) as [string, string, number];
    const columns = SERVER_NAMES.flatMap((server) => {
      const m = cell[server];
      return m
        ? [`${rate(m.requestsPerSecond)}${m.untilResponses ? '*' : ''}`, `${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)}`]
        : ['–', '–'];
    });
    const ours = cell.ours?.requestsPerSecond;
    const versus = (['library', 'floor'] as const).map((server) =>
      formatRatio(ratio(ours, cell[server]?.requestsPerSecond), TARGETS[server]),
    );
    lines.push(`| ${graph} | ${query} | ${connections} | ${columns.join(' | ')} | ${versus.join(' | ')} |`);
  }
  return lines;
}

/**
 * Given measurements, returns a Markdown table of the CPU each server and Neo4j spent per response, side by side
 * (empty when no measurement has CPU figures).
 */
export function cpuTable(measurements: readonly Measurement[]): string[] {
  if (!measurements.some((m) => m.serverCpuMs !== undefined)) return [];
  const figure = (value: number | undefined) => (value === undefined ? '–' : ms(value));
  const lines = [
    '| graph | query | conns | ours: server / Neo4j ms | library: server / Neo4j ms | floor: server / Neo4j ms |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const [key, cell] of byCell(measurements)) {
    const [graph, query, connections] = JSON.parse(key) as [string, string, number];
    const columns = SERVER_NAMES.map((server) => {
      const m = cell[server];
      return m ? `${figure(m.serverCpuMs)} / ${figure(m.neo4jCpuMs)}` : '–';
    });
    lines.push(`| ${graph} | ${query} | ${connections} | ${columns.join(' | ')} |`);
  }
  return lines;
}

/** Given one measurement, returns a line for the console as the run goes. */
export function progressLine(m: Measurement): string {
  const failures =
    (m.failures > 0 ? `  ${m.failures} FAILED` : '') +
    (m.untilResponses ? `  (ran until ${m.untilResponses} responses)` : '');
  const cpu =
    m.serverCpuMs === undefined
      ? ''
      : `  CPU/req ${ms(m.serverCpuMs)} ms server, ${m.neo4jCpuMs === undefined ? '?' : ms(m.neo4jCpuMs)} ms Neo4j`;
  return (
    `${m.graph.padEnd(5)} ${m.query.padEnd(16)} c=${String(m.connections).padEnd(3)} ${m.server.padEnd(8)} ` +
    `${rate(m.requestsPerSecond).padStart(7)} req/s  ` +
    `p50 ${ms(m.p50).padStart(6)}  p95 ${ms(m.p95).padStart(6)}  p99 ${ms(m.p99).padStart(6)} ms${cpu}${failures}`
  );
}
