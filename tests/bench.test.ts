import { canonicalJson, firstDifference } from '../bench/compare/canonicalJson';
import { COMPARED_QUERIES } from '../bench/compare/comparedQueries';
import { comparisonTable, cpuTable, formatRatio, Measurement, ratio } from '../bench/compare/comparisonTable';
import { cpuMeter } from '../bench/compare/processCpu';
import { operationDepth } from '../bench/compare/operationDepth';

const measurement = (server: Measurement['server'], requestsPerSecond: number): Measurement => ({
  graph: 'seed',
  query: 'company-card',
  connections: 10,
  server,
  requestsPerSecond,
  p50: 4.25,
  p95: 9.5,
  p99: 120,
  responses: Math.round(requestsPerSecond * 10),
  failures: 0,
});

describe('canonicalJson', () => {
  it('sorts keys, treats absent as null and compares nested lists as sets', () => {
    const ours = { name: 'OpenAI', id: 'openai', nameKo: undefined, models: [{ id: 'gpt-4' }, { id: 'gpt-3' }] };
    const library = { id: 'openai', models: [{ id: 'gpt-3' }, { id: 'gpt-4' }], nameKo: null, name: 'OpenAI' };
    expect(canonicalJson(ours)).toBe(
      '{"id":"openai","models":[{"id":"gpt-3"},{"id":"gpt-4"}],"name":"OpenAI","nameKo":null}',
    );
    expect(canonicalJson(library)).toBe(canonicalJson(ours));
  });

  it('keeps the order of the top-level list when ordered', () => {
    expect(canonicalJson([{ id: 'b' }, { id: 'a' }], true)).toBe('[{"id":"b"},{"id":"a"}]');
    expect(canonicalJson([{ id: 'b' }, { id: 'a' }], false)).toBe('[{"id":"a"},{"id":"b"}]');
    expect(canonicalJson([{ id: 'b', x: [2, 1] }], true)).toBe('[{"id":"b","x":[1,2]}]');
  });

  it('says where two answers first differ', () => {
    expect(firstDifference('{"a":1}', '{"a":1}')).toBeUndefined();
    expect(firstDifference('{"a":1,"b":2}', '{"a":1,"b":3}', 3)).toBe('at character 11: …b":2}… versus …b":3}…');
  });
});

describe('ratio and formatRatio', () => {
  it('gives ours as a multiple of the baseline, and says when a target is missed', () => {
    expect(ratio(150, 100)).toBe(1.5);
    expect(ratio(100, undefined)).toBeNaN();
    expect(ratio(100, 0)).toBeNaN();
    expect(formatRatio(1.5, 1)).toBe('1.50x');
    expect(formatRatio(0.61, 0.7)).toBe('0.61x (target 0.7x missed)');
    expect(formatRatio(Number.NaN, 1)).toBe('n/a');
  });
});

describe('comparisonTable', () => {
  it('puts the servers of a cell side by side with our ratios', () => {
    expect(comparisonTable([measurement('ours', 220), measurement('library', 200), measurement('floor', 400)])).toEqual(
      [
        '| graph | query | conns | ours req/s | ours p50 / p95 / p99 ms | library req/s | library p50 / p95 / p99 ms ' +
          '| floor req/s | floor p50 / p95 / p99 ms | ours / library | ours / floor |',
        '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        '| seed | company-card | 10 | 220 | 4.3 / 9.5 / 120 | 200 | 4.3 / 9.5 / 120 | 400 | 4.3 / 9.5 / 120 ' +
          '| 1.10x (target 1.5x missed) | 0.55x (target 0.8x missed) |',
      ],
    );
  });

  it('leaves a server that does not answer a query blank', () => {
    const [, , row] = comparisonTable([measurement('ours', 50.25), measurement('floor', 60)]);
    expect(row).toBe(
      '| seed | company-card | 10 | 50.3 | 4.3 / 9.5 / 120 | – | – | 60.0 | 4.3 / 9.5 / 120 | n/a | 0.84x |',
    );
  });
});

describe('cpuTable', () => {
  it('puts the CPU per request of each server and of Neo4j side by side, and is empty without figures', () => {
    const withCpu = (server: Measurement['server'], serverCpuMs: number, neo4jCpuMs?: number) => ({
      ...measurement(server, 100),
      serverCpuMs,
      neo4jCpuMs,
    });
    expect(cpuTable([withCpu('ours', 2.25, 3.5), withCpu('floor', 0.5)])).toEqual([
      '| graph | query | conns | ours: server / Neo4j ms | library: server / Neo4j ms | floor: server / Neo4j ms |',
      '|---|---|---:|---:|---:|---:|',
      '| seed | company-card | 10 | 2.3 / 3.5 | – | 0.5 / – |',
    ]);
    expect(cpuTable([measurement('ours', 100)])).toEqual([]);
  });
});

describe('processCpu', () => {
  it('counts the CPU this process spends, as Node counts it, and nothing for a process that does not exist', () => {
    const used = cpuMeter({ self: process.pid, gone: 2 ** 22 + 1 });
    const node = process.cpuUsage();
    const spentMs = () => (({ user, system }) => (user + system) / 1000)(process.cpuUsage(node));
    // Spin until Node counts 300 ms of CPU, however busy the machine is (a wall-clock spin gets less when it is).
    let spin = 0;
    while (spentMs() < 300) for (let i = 0; i < 10_000; i += 1) spin += Math.sqrt(spin + 1);
    const cpu = used();
    const nodeMs = spentMs();
    expect(spin).toBeGreaterThan(0);
    expect(nodeMs).toBeGreaterThan(50);
    // /proc counts in ticks of 10 ms, and jest's other threads count too.
    expect(Math.abs(cpu.self! - nodeMs)).toBeLessThan(60);
    expect(cpu.gone).toBeUndefined();
  });
});

describe('operationDepth', () => {
  it('counts the deepest nesting of fields with a selection set, fragments included', () => {
    expect(operationDepth('{ company(id: "x") { id name models { id } } }')).toBe(2);
    expect(operationDepth('query { a { ...F } } fragment F on A { b { c { d } } }')).toBe(3);
    expect(operationDepth('{ a { ... on B { c { d } } } }')).toBe(2);
  });

  it('gives each compared query the depth BENCHMARKS.md states', () => {
    expect(Object.fromEntries(COMPARED_QUERIES.map((query) => [query.name, operationDepth(query.ours.query)]))).toEqual(
      {
        'company-card': 2,
        'largest-models': 3,
        partnerships: 4,
        'nested-4-levels': 5,
        upstream: 3,
      },
    );
  });
});
