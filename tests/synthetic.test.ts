import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { readSeed } from '../src/seed/loadSeed';
import { parseSeedFile } from '../src/seed/readSeedFiles';
import type { ParsedSeedFile } from '../src/seed/seedGraph';
import { GRAPH } from '../src/domain/graphModel';
import { ID_PATTERN } from '../src/domain/rules';
import { validateSeed } from '../src/seed/validateSeed';
import { SOURCE_ID } from '../src/synthetic/fixedRecords';
import { generateSeedRecords } from '../src/synthetic/generateGraph';
import { GENERATED_HEADER, seedFileName, seedFileText, serializeSeedRecords } from '../src/synthetic/seedFileText';
import { SEED_FILE_NAMES, type Ref, type SeedRecords } from '../src/synthetic/seedRecords';

const options = { companies: 500, seed: 42 };
const records = generateSeedRecords(options);
const refId = (ref: Ref) => (typeof ref === 'string' ? ref : ref.id);

function parsed(all: SeedRecords): ParsedSeedFile[] {
  return SEED_FILE_NAMES.map((file) => ({
    file,
    problems: [],
    records: (all[file] as unknown[]).map((value, index) => ({ line: index + 1, value })),
  }));
}

/** Adds value to the set stored under key. */
function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

describe('generateSeedRecords', () => {
  it('writes the seed files in load order', () => {
    expect([...SEED_FILE_NAMES]).toEqual([
      'sources.yaml',
      'stages.yaml',
      'industries.yaml',
      'companies.yaml',
      'datasets.yaml',
      'models.yaml',
      'services.yaml',
      'partnerships.yaml',
    ]);
    expect(Object.keys(records)).toEqual([...SEED_FILE_NAMES]);
  });

  it('is deterministic: the same options give byte-identical files', () => {
    const again = generateSeedRecords({ ...options });
    expect(again).toEqual(records);
    expect(serializeSeedRecords(again, options)).toEqual(serializeSeedRecords(records, options));
  });

  it('keeps the records of a seed: the bench compares answers on graphs made with a given seed', () => {
    const digest = createHash('sha256');
    // The generator makes no data sets (an optional file, left out): the other files hash as they always have.
    expect(records['datasets.yaml']).toEqual([]);
    for (const file of SEED_FILE_NAMES.filter((name) => records[name].length > 0))
      for (const piece of seedFileText(records, file, 'jsonl', options)) digest.update(piece);
    expect(digest.digest('hex')).toBe('2e29b96daa166845a4e0f1e3fe9a7859332dacf2e2e6db62ca8afd732393739b');
  });

  it('writes YAML as a list of block mappings, each after a blank line', () => {
    const small = { companies: 20, seed: 0 };
    expect(serializeSeedRecords(generateSeedRecords(small), small)['sources.yaml']).toBe(
      [
        `${GENERATED_HEADER} (companies 20, seed 0); not real data. Regenerate instead of editing.`,
        '',
        '- id: synthetic-generator',
        '  name: Synthetic graph (generator seed 0)',
        '  publisher: ai-value-chain-graph synthetic generator (src/synthetic/generateGraph.ts)',
        '  description: Deterministic synthetic generative-AI value chain of 20 companies for benchmarks; not real ' +
          'data.',
        '',
      ].join('\n'),
    );
  });

  it('gives a different graph for a different seed', () => {
    const other = serializeSeedRecords(generateSeedRecords({ ...options, seed: 43 }), { ...options, seed: 43 });
    const mine = serializeSeedRecords(records, options);
    for (const file of ['companies.yaml', 'models.yaml', 'services.yaml', 'partnerships.yaml'] as const)
      expect(other[file]).not.toEqual(mine[file]);
  });

  it('passes validation with zero problems, in memory and through readSeed on a folder', () => {
    expect(validateSeed(parsed(records)).problems).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synthetic-seed-'));
    try {
      const texts = serializeSeedRecords(records, options);
      // As writeSeedFolder does, an optional file without records is not written (an empty file is refused).
      const written = SEED_FILE_NAMES.filter((file) => records[file].length > 0);
      expect(written).toEqual(SEED_FILE_NAMES.filter((file) => file !== 'datasets.yaml'));
      for (const file of written) fs.writeFileSync(path.join(dir, file), texts[file]);
      for (const file of written) expect(texts[file].startsWith(GENERATED_HEADER)).toBe(true);
      const graph = readSeed(dir);
      const total = SEED_FILE_NAMES.reduce((sum, file) => sum + records[file].length, 0);
      expect(graph.nodes).toHaveLength(total);
      // The YAML read back is exactly the records generated (numbers stay numbers, dates stay strings).
      for (const file of written) {
        expect(parseSeedFile(file, path.join(dir, file)).records.map((record) => record.value)).toEqual(records[file]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes JSON Lines: the header line, then each record on a line of its own that parses back to the record', () => {
    for (const file of SEED_FILE_NAMES) {
      const [header, ...lines] = [...seedFileText(records, file, 'jsonl', options)];
      expect(seedFileName(file, 'jsonl')).toBe(file.replace('.yaml', '.jsonl'));
      expect(header).toBe(
        `${GENERATED_HEADER} (companies 500, seed 42); not real data. Regenerate instead of editing.\n`,
      );
      expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
      expect(lines.map((line) => JSON.parse(line))).toEqual(records[file]);
    }
    expect(seedFileName('models.yaml', 'yaml')).toBe('models.yaml');
  });

  it('refuses too few companies and a seed outside 32 bits', () => {
    expect(() => generateSeedRecords({ companies: 5, seed: 1 })).toThrow(RangeError);
    expect(() => generateSeedRecords({ companies: 100, seed: -1 })).toThrow(RangeError);
    expect(() => generateSeedRecords({ companies: 100.5, seed: 1 })).toThrow(RangeError);
  });

  it('scales its record counts with the number of companies', () => {
    const count = (all: SeedRecords) => Object.fromEntries(SEED_FILE_NAMES.map((file) => [file, all[file].length]));
    const small = count(records);
    const large = count(generateSeedRecords({ companies: 2000, seed: 42 }));
    expect(small['companies.yaml']).toBe(500);
    expect(large['companies.yaml']).toBe(2000);
    for (const [file, perCompany] of [
      ['models.yaml', 0.3],
      ['services.yaml', 1.5],
      ['partnerships.yaml', 0.8],
    ] as const) {
      expect(small[file] / 500).toBeCloseTo(perCompany, 1);
      expect(large[file] / 2000).toBeCloseTo(perCompany, 1);
    }
    for (const file of ['sources.yaml', 'stages.yaml', 'industries.yaml'] as const)
      expect(large[file]).toBe(small[file]);
  });

  it('uses the real stages and real industry ids, and cites its one source everywhere', () => {
    const realStages = parseSeedFile('stages.yaml', path.join(projectRoot, 'seed', 'stages.yaml')).records.map(
      (r) => r.value as Record<string, unknown>,
    );
    expect(
      records['stages.yaml'].map(({ id, name, nameKo, order, layer }) => ({ id, name, nameKo, order, layer })),
    ).toEqual(realStages.map(({ id, name, nameKo, order, layer }) => ({ id, name, nameKo, order, layer })));
    const realIndustries = new Map(
      parseSeedFile('industries.yaml', path.join(projectRoot, 'seed', 'industries.yaml')).records.map((r) => {
        const value = r.value as { id: string; name: string };
        return [value.id, value.name];
      }),
    );
    for (const industry of records['industries.yaml']) expect(realIndustries.get(industry.id)).toBe(industry.name);

    expect(records['sources.yaml']).toEqual([
      expect.objectContaining({ id: SOURCE_ID, name: 'Synthetic graph (generator seed 42)' }),
    ]);
    for (const file of SEED_FILE_NAMES.filter((name) => name !== 'sources.yaml')) {
      for (const record of records[file]) expect((record as { sources: string[] }).sources).toEqual([SOURCE_ID]);
    }
  });

  it('uses slug ids with a prefix per kind, each defined once', () => {
    const ids = SEED_FILE_NAMES.flatMap((file) => records[file].map((record) => record.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    const prefixes = {
      'companies.yaml': /^syn-co-\d{5,}$/,
      'models.yaml': /^syn-model-\d{5,}$/,
      'services.yaml': /^syn-svc-\d{5,}$/,
      'partnerships.yaml': /^syn-deal-\d{5,}$/,
    };
    for (const [file, pattern] of Object.entries(prefixes))
      for (const record of records[file as keyof typeof prefixes]) expect(record.id).toMatch(pattern);
  });

  it('gives every partnership roles allowed for its kind, a party of each role, and no repeated deal', () => {
    const seen = new Set<string>();
    for (const deal of records['partnerships.yaml']) {
      const allowed: readonly string[] = GRAPH.rolesByKind[deal.kind];
      expect(deal.parties.length).toBeGreaterThanOrEqual(2);
      for (const party of deal.parties) expect(allowed).toContain(party.role);
      for (const role of allowed) expect(deal.parties.map((party) => party.role)).toContain(role);
      const companies = deal.parties.map((party) => party.company);
      expect(new Set(companies).size).toBe(companies.length);
      const key = `${deal.kind}|${deal.parties
        .map((party) => `${party.role}:${party.company}`)
        .sort()
        .join('|')}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const kinds = new Set(records['partnerships.yaml'].map((deal) => deal.kind));
    expect([...kinds].sort()).toEqual(Object.keys(GRAPH.rolesByKind).sort());
    const uncertain =
      records['partnerships.yaml'].filter((deal) => deal.confidence === 'UNCERTAIN').length /
      records['partnerships.yaml'].length;
    expect(uncertain).toBeGreaterThan(0);
    expect(uncertain).toBeLessThan(0.06);
  });

  describe('structure', () => {
    const big = generateSeedRecords({ companies: 2000, seed: 7 });
    const stagesOf = new Map(
      big['companies.yaml'].map((company) => [company.id, new Set((company.stages ?? []).map(refId))]),
    );
    const has = (company: string, stage: string) => stagesOf.get(company)?.has(stage) ?? false;
    // Dependency edges, dependent -> what it depends on.
    const suppliers = new Map<string, Set<string>>(); // customer -> suppliers (CLOUD and SUPPLY)
    const cloudsOf = new Map<string, Set<string>>(); // CLOUD customer -> cloud providers
    for (const deal of big['partnerships.yaml']) {
      if (deal.kind !== 'CLOUD' && deal.kind !== 'SUPPLY') continue;
      const supplier = deal.parties.find((party) => party.role === 'supplier')!.company;
      const customer = deal.parties.find((party) => party.role === 'customer')!.company;
      add(suppliers, customer, supplier);
      if (deal.kind === 'CLOUD') add(cloudsOf, customer, supplier);
    }
    const suppliersWith = (company: string, stage: string) =>
      [...(suppliers.get(company) ?? [])].filter((supplier) => has(supplier, stage));
    const developers = new Set(big['models.yaml'].flatMap((model) => model.developers.map(refId)));

    it('hosts every model developer that is not itself a cloud provider on a cloud provider', () => {
      for (const developer of developers) {
        if (has(developer, 'cloud')) continue;
        expect([...(cloudsOf.get(developer) ?? [])].filter((cloud) => has(cloud, 'cloud')).length).toBeGreaterThan(0);
      }
    });

    it('supplies every cloud provider with chips, and every chip designer from a foundry and a memory maker', () => {
      for (const [company, stages] of stagesOf) {
        if (stages.has('cloud')) expect(suppliersWith(company, 'chips').length).toBeGreaterThan(0);
        if (stages.has('chips')) {
          expect(suppliersWith(company, 'foundry').length).toBeGreaterThan(0);
          expect(suppliersWith(company, 'memory').length).toBeGreaterThan(0);
        }
      }
    });

    it('leads from every service to a foundry: service BUILT_ON model, developer, cloud, chips, foundry', () => {
      const models = new Map(big['models.yaml'].map((model) => [model.id, model]));
      const reachesFoundry = (developer: string) => {
        const clouds = has(developer, 'cloud') ? [developer] : [...(cloudsOf.get(developer) ?? [])];
        return clouds.some((cloud) =>
          suppliersWith(cloud, 'chips').some((chips) => suppliersWith(chips, 'foundry').length > 0),
        );
      };
      for (const service of big['services.yaml']) {
        const built = (service.models ?? []).map(refId);
        expect(built.length).toBeGreaterThan(0);
        expect(built.some((model) => models.get(model)!.developers.map(refId).some(reachesFoundry))).toBe(true);
      }
    });

    it('points dependencies one way: services, models, developers, clouds, chips, foundries form no cycle', () => {
      const edges = new Map<string, Set<string>>();
      for (const service of big['services.yaml'])
        for (const model of service.models ?? []) add(edges, service.id, refId(model));
      for (const model of big['models.yaml'])
        for (const developer of model.developers) add(edges, model.id, refId(developer));
      for (const [customer, set] of suppliers) for (const supplier of set) add(edges, customer, supplier);
      const state = new Map<string, 'open' | 'done'>();
      const cycleFrom = (start: string): boolean => {
        const stack: [string, Iterator<string>][] = [[start, (edges.get(start) ?? new Set<string>()).values()]];
        state.set(start, 'open');
        while (stack.length > 0) {
          const [node, next] = stack[stack.length - 1];
          const step = next.next();
          if (step.done) {
            state.set(node, 'done');
            stack.pop();
          } else if (state.get(step.value) === 'open') {
            return true;
          } else if (!state.has(step.value)) {
            state.set(step.value, 'open');
            stack.push([step.value, (edges.get(step.value) ?? new Set<string>()).values()]);
          }
        }
        return false;
      };
      const cyclic = [...edges.keys()].some((node) => !state.has(node) && cycleFrom(node));
      expect(cyclic).toBe(false);
    });

    it('is heavy-tailed: a few developers hold many models and a few models carry many services', () => {
      const tally = (ids: string[]) =>
        [
          ...ids.reduce((counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1), new Map<string, number>()).values(),
        ].sort((a, b) => b - a);
      const modelsPerDeveloper = tally(big['models.yaml'].flatMap((model) => model.developers.map(refId)));
      const servicesPerModel = tally(big['services.yaml'].flatMap((service) => (service.models ?? []).map(refId)));
      const median = (counts: number[]) => counts[Math.floor(counts.length / 2)];
      expect(modelsPerDeveloper[0]).toBeGreaterThanOrEqual(10 * median(modelsPerDeveloper));
      expect(servicesPerModel[0]).toBeGreaterThanOrEqual(10 * median(servicesPerModel));
    });

    it('keeps fields consistent: parameter notes, market caps with dates, roles by share of companies', () => {
      for (const model of big['models.yaml']) {
        if (model.parameters === null) expect(['undisclosed', 'not stated in source']).toContain(model.parametersNote);
        else expect(model.parametersNote).toMatch(/^(\d+(\.\d+)?[MBT]-)?\d+(\.\d+)?[MBT]$/);
      }
      const companies = big['companies.yaml'];
      for (const company of companies)
        expect(company.marketCapUsdBn === undefined).toBe(company.marketCapAsOf === undefined);
      const share = (test: (company: (typeof companies)[number]) => boolean) =>
        companies.filter(test).length / companies.length;
      expect(share((company) => company.marketCapUsdBn !== undefined)).toBeCloseTo(0.1, 1);
      expect(share((company) => company.adopts !== undefined)).toBeCloseTo(0.2, 1);
      expect(share((company) => has(company.id, 'foundry'))).toBeLessThan(0.005);
      expect(developers.size / companies.length).toBeGreaterThan(0.07);
    });
  });
});
