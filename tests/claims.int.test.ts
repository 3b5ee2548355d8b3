import { seedFile } from './support/seedOracle';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { encodeClaimValue } from '../src/domain/claims';
import { claimedFields, GRAPH } from '../src/domain/graphModel';
import { codeOf, startSeededServer } from './support/graphqlClient';
import {
  ALPACA,
  ALPACA_POST,
  ALSO_STATED,
  CLAIMS,
  ECOSYSTEM,
  EPOCH,
  RELATIONSHIPS,
  REPORT,
  writeClaimFixture,
} from './support/claimFixture';

/** Claims, conflicts, sources that are databases and the new relation fields, on the seed plus the claim fixture. */

let server: Awaited<ReturnType<typeof startSeededServer>>;

beforeAll(async () => {
  server = await startSeededServer();
  await writeClaimFixture(server.runner);
});
afterAll(() => server.close());

const ok = (query: string, variables?: Record<string, unknown>) => server.ok(query, variables);

/** The fixture's claims on one field of one entity. */
const fixtureClaims = (entity: string, field: string) =>
  CLAIMS.filter((one) => one.entity === entity && one.field === field);

/** The relative spread of numbers, as the contract defines a numeric disagreement. */
const spread = (values: number[]) => (Math.max(...values) - Math.min(...values)) / Math.max(...values);

describe('sources that are databases', () => {
  it('serves a database with its licence, snapshot, import time and record count; a document as DOCUMENT', async () => {
    const data = await ok(`{ sources { id sourceKind license snapshotOn importedAt records } }`);
    const byId = Object.fromEntries(data.sources.map((source: { id: string }) => [source.id, source]));
    expect(byId[EPOCH.id]).toEqual({
      id: EPOCH.id,
      sourceKind: 'DATABASE',
      license: EPOCH.license,
      snapshotOn: EPOCH.snapshotOn,
      importedAt: EPOCH.importedAt,
      records: EPOCH.records,
    });
    expect(byId[REPORT]).toEqual({
      id: REPORT,
      sourceKind: 'DOCUMENT',
      license: null,
      snapshotOn: null,
      importedAt: null,
      records: null,
    });
    expect(byId[ALPACA_POST.id].sourceKind).toBe('DOCUMENT');
  });
});

describe('claims(field)', () => {
  const claimsOf = async (model: string, field?: string) =>
    (
      await ok(
        `query($id: ID!, $field: String) {
          model(id: $id) {
            parameters
            claims(field: $field) { field value confidence preferred source { id sourceKind } }
          }
        }`,
        { id: model, field },
      )
    ).model;

  it('lists every claim on a field: the seed’s preferred over the databases, Epoch before Ecosystem', async () => {
    const model = await claimsOf('gpt-3', 'parameters');
    const expected = fixtureClaims('gpt-3', 'parameters');
    expect(model.claims).toHaveLength(expected.length);
    // Seed first (the preferred one), then the databases in the configured order: Epoch AI, then Ecosystem Graphs.
    expect(model.claims.map((claim: { source: { id: string } }) => claim.source.id)).toEqual([
      REPORT,
      EPOCH.id,
      ECOSYSTEM.id,
    ]);
    expect(model.claims.map((claim: { preferred: boolean }) => claim.preferred)).toEqual([true, false, false]);
    const ecosystem = expected.find((one) => one.source === ECOSYSTEM.id)!;
    expect(model.claims[2]).toEqual({
      field: 'parameters',
      value: encodeClaimValue(ecosystem.value),
      confidence: ecosystem.confidence,
      preferred: false,
      source: { id: ECOSYSTEM.id, sourceKind: 'DATABASE' },
    });
    expect(model.parameters).toBe(expected.find((one) => one.source === REPORT)!.value);
  });

  it('prefers an editor’s change over the seed and the databases, and the field shows it', async () => {
    const model = await claimsOf('palm-2', 'parameters');
    const editor = fixtureClaims('palm-2', 'parameters').find((one) => one.tier === 'EDITOR')!;
    expect(model.claims[0]).toMatchObject({ preferred: true, value: encodeClaimValue(editor.value) });
    expect(model.claims[0].source.id).toBe(editor.source);
    expect(model.claims.filter((claim: { preferred: boolean }) => claim.preferred)).toHaveLength(1);
    expect(model.parameters).toBe(editor.value);
  });

  it('lists every field by name without `field`, relationship fields from their relationships’ sources', async () => {
    const model = await claimsOf('palm-2');
    const fields = model.claims.map((claim: { field: string }) => claim.field);
    expect(fields).toEqual([...fields].sort());
    const developers = model.claims.filter((claim: { field: string }) => claim.field === 'developers');
    const seedSources = seedFile('models.yaml').find((record) => record.id === 'palm-2')!.sources as string[];
    const extra = RELATIONSHIPS.filter((rel) => rel.type === 'DEVELOPS' && rel.to === 'palm-2').map((rel) => rel.from);
    // Each seed source states Google alone; the database states Google and the developer it adds.
    expect(developers).toHaveLength(seedSources.length + 1);
    for (const claim of developers.filter((one: { source: { id: string } }) => one.source.id !== EPOCH.id))
      expect(claim.value).toBe(encodeClaimValue(['google']));
    const epoch = developers.find((one: { source: { id: string } }) => one.source.id === EPOCH.id);
    expect(epoch).toMatchObject({ value: encodeClaimValue(['google', ...extra]), preferred: false });
    expect(developers[0]).toMatchObject({ preferred: true, source: { id: [...seedSources].sort()[0] } });
  });

  it('refuses a field the entity does not have, naming the fields it has', async () => {
    const response = await server.gql(`{ model(id: "gpt-3") { claims(field: "country") { value } } }`);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toContain('"country"');
    expect(response.errors![0].message).toContain('parameters');
    expect(response.errors![0].message).toContain('baseModels');
  });

  it('reads the claims of a whole page in one statement, and none when claims are not selected', async () => {
    const query = (claims: string) => `{ models(first: 50) { nodes { id ${claims} } } }`;
    const without = await server.gql(query(''));
    const withClaims = await server.gql(query('claims { field source { id } }'));
    expect(withClaims.errors).toBeUndefined();
    // One statement for the claims of every model on the page, one for their sources.
    expect(withClaims.extensions!.cypher!.statements).toBe(without.extensions!.cypher!.statements + 2);
  });
});

describe('relation fields', () => {
  it('serves a parent and subsidiaries, base and derived models, training chips and clouds', async () => {
    const data = await ok(`{
      deepmind: company(id: "deepmind") { parent { id } }
      google: company(id: "google") { parent { id } subsidiaries { id } }
      lg: company(id: "lg") { subsidiaries { id } }
      alpaca: model(id: "alpaca") { baseModels { id } developers { id } trainingComputeFlop }
      llama: model(id: "llama") { derivedModels { id } }
      gpt3: model(id: "gpt-3") { trainingChipVendors { id } trainingClouds { id } }
      nvidia: company(id: "nvidia") { chipsTrainedModels { id } }
      microsoft: company(id: "microsoft") { cloudTrainedModels { id } }
    }`);
    // The fixture's relationships and the seed's parents (seed/companies.yaml), each once, by id.
    const seedParents = seedFile('companies.yaml')
      .filter((record) => record.parent !== undefined)
      .map((record) => ({
        type: 'SUBSIDIARY_OF',
        from: record.id,
        to: typeof record.parent === 'string' ? record.parent : (record.parent as { id: string }).id,
      }));
    const ends = (type: string, end: 'from' | 'to', id: string) =>
      [
        ...new Set(
          [...RELATIONSHIPS, ...seedParents]
            .filter((rel) => rel.type === type && rel[end === 'from' ? 'to' : 'from'] === id)
            .map((rel) => rel[end]),
        ),
      ]
        .sort()
        .map((other) => ({ id: other }));
    expect(data.deepmind.parent).toEqual(ends('SUBSIDIARY_OF', 'to', 'deepmind')[0]);
    expect(data.google.parent).toBeNull();
    expect(data.google.subsidiaries).toEqual(ends('SUBSIDIARY_OF', 'from', 'google'));
    expect(data.lg.subsidiaries).toEqual(ends('SUBSIDIARY_OF', 'from', 'lg'));
    expect(data.alpaca.baseModels).toEqual(ends('BASED_ON', 'to', ALPACA.id));
    expect(data.alpaca.developers).toEqual(ends('DEVELOPS', 'from', ALPACA.id));
    expect(data.alpaca.trainingComputeFlop).toBe(fixtureClaims(ALPACA.id, 'trainingComputeFlop')[0].value);
    expect(data.llama.derivedModels).toEqual(ends('BASED_ON', 'from', 'llama'));
    expect(data.gpt3.trainingChipVendors).toEqual(ends('TRAINED_ON_CHIPS_OF', 'to', 'gpt-3'));
    expect(data.gpt3.trainingClouds).toEqual(ends('TRAINED_IN_CLOUD_OF', 'to', 'gpt-3'));
    expect(data.nvidia.chipsTrainedModels).toEqual(ends('TRAINED_ON_CHIPS_OF', 'from', 'nvidia'));
    expect(data.microsoft.cloudTrainedModels).toEqual(ends('TRAINED_IN_CLOUD_OF', 'from', 'microsoft'));
  });

  it('reads the new relation fields of a page with the page, not one statement per entity', async () => {
    const response = await server.gql(`{
      models(first: 50) { nodes { id baseModels { id parent: developers { parent { id } } } trainingClouds { id } } }
      companies(first: 50) { nodes { id parent { id } subsidiaries { id } } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.extensions!.cypher!.statements).toBeLessThanOrEqual(2);
  });
});

describe('models: source, training compute and base model filters; training compute order', () => {
  const modelIds = async (filter: object, orderBy = 'NAME') =>
    (
      await ok(
        `query($filter: ModelFilter, $orderBy: ModelOrder) {
          models(filter: $filter, orderBy: $orderBy, first: 100) { totalCount nodes { id trainingComputeFlop } }
        }`,
        { filter, orderBy },
      )
    ).models;
  /** The preferred training compute of each model the fixture gives one. */
  const compute = new Map(
    CLAIMS.filter((one) => one.field === 'trainingComputeFlop' && one.source === EPOCH.id).map((one) => [
      one.entity,
      one.value as number,
    ]),
  );

  it('keeps models with a claim, a relationship or a citation from the source', async () => {
    const models = new Set(
      seedFile('models.yaml')
        .map((record) => record.id)
        .concat(ALPACA.id),
    );
    const statedBy = (source: string) =>
      [
        ...new Set([
          ...CLAIMS.filter((one) => one.source === source).map((one) => one.entity),
          ...[...RELATIONSHIPS, ...ALSO_STATED.map((rel) => ({ ...rel, sourceIds: [rel.source] }))]
            .filter((rel) => rel.sourceIds.includes(source))
            .flatMap((rel) => [rel.from, rel.to]),
          ...(ALPACA.sourceIds.includes(source) ? [ALPACA.id] : []),
        ]),
      ]
        .filter((id) => models.has(id))
        .sort();
    for (const source of [EPOCH.id, ALPACA_POST.id]) {
      const page = await modelIds({ source });
      expect({ source, ids: page.nodes.map((node: { id: string }) => node.id).sort() }).toEqual({
        source,
        ids: statedBy(source),
      });
    }
  });

  it('keeps models of at least the training compute asked, and models built from a model', async () => {
    const page = await modelIds({ minTrainingComputeFlop: 1e24 });
    expect(page.nodes.map((node: { id: string }) => node.id).sort()).toEqual(
      [...compute]
        .filter(([, flop]) => flop >= 1e24)
        .map(([id]) => id)
        .sort(),
    );
    expect((await modelIds({ baseModel: 'llama' })).nodes.map((node: { id: string }) => node.id)).toEqual(
      RELATIONSHIPS.filter((rel) => rel.type === 'BASED_ON' && rel.to === 'llama').map((rel) => rel.from),
    );
  });

  it('orders by training compute, largest first, models without it last', async () => {
    const page = await modelIds({}, 'TRAINING_COMPUTE_DESC');
    const known = [...compute].sort((a, b) => b[1] - a[1]).map(([id, flop]) => ({ id, trainingComputeFlop: flop }));
    expect(page.nodes.slice(0, known.length)).toEqual(known);
    expect(
      page.nodes.slice(known.length).every((node: { trainingComputeFlop: null }) => node.trainingComputeFlop === null),
    ).toBe(true);
    expect(page.nodes).toHaveLength(page.totalCount);
  });
});

describe('conflicts', () => {
  const conflictsOf = async (args: string) =>
    (
      await ok(`{
        conflicts(${args}) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { entity { id kind } field claims { value preferred source { id } } }
        }
      }`)
    ).conflicts;
  const keys = (page: { nodes: { entity: { id: string }; field: string }[] }) =>
    page.nodes.map((node) => `${node.entity.id}.${node.field}`);

  /** The Epoch AI conflicts on models the fixture makes at a tolerance: computed from its claims and relationships. */
  const expectedModelConflicts = (tolerance: number) => {
    const numeric = ['gpt-3.parameters', 'gpt-3.trainingComputeFlop', 'palm-2.parameters']
      .map((key) => {
        const [entity, field] = key.split('.');
        return { key, by: spread(fixtureClaims(entity, field).map((one) => one.value as number)) };
      })
      .filter(({ by }) => by > tolerance);
    // The release dates differ as text; the database adds a developer of PaLM 2: both disagree fully.
    const whole = ['gpt-3.releasedOn', 'palm-2.developers'].map((key) => ({ key, by: 1 }));
    return [...whole, ...numeric].sort((a, b) => b.by - a.by || a.key.localeCompare(b.key)).map(({ key }) => key);
  };

  it('finds the fields where a source disagrees, largest disagreement first, claims preferred first', async () => {
    const page = await conflictsOf(`kind: FOUNDATION_MODEL, source: "${EPOCH.id}"`);
    expect(keys(page)).toEqual(expectedModelConflicts(0.1));
    expect(page.totalCount).toBe(page.nodes.length);
    for (const node of page.nodes) {
      expect(node.entity.kind).toBe('FOUNDATION_MODEL');
      expect(node.claims[0].preferred).toBe(true);
      expect(node.claims.slice(1).every((claim: { preferred: boolean }) => !claim.preferred)).toBe(true);
      expect(node.claims.some((claim: { source: { id: string } }) => claim.source.id === EPOCH.id)).toBe(true);
    }
  });

  it('applies the tolerance to numbers only', async () => {
    for (const tolerance of [0, 0.01, 0.2, 0.5])
      expect(keys(await conflictsOf(`kind: FOUNDATION_MODEL, source: "${EPOCH.id}", tolerance: ${tolerance}`))).toEqual(
        expectedModelConflicts(tolerance),
      );
  });

  it('narrows to a field', async () => {
    const page = await conflictsOf('field: "parameters"');
    expect(keys(page)).toEqual(expectedModelConflicts(0.1).filter((key) => key.endsWith('.parameters')));
  });

  it('pages with cursors and counts every conflict', async () => {
    const all = await conflictsOf(`kind: FOUNDATION_MODEL, source: "${EPOCH.id}", first: 100`);
    const first = await conflictsOf(`kind: FOUNDATION_MODEL, source: "${EPOCH.id}", first: 2`);
    expect(first.pageInfo.hasNextPage).toBe(all.nodes.length > 2);
    expect(first.totalCount).toBe(all.nodes.length);
    const rest = await conflictsOf(
      `kind: FOUNDATION_MODEL, source: "${EPOCH.id}", first: 100, after: "${first.pageInfo.endCursor}"`,
    );
    expect([...keys(first), ...keys(rest)]).toEqual(keys(all));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a negative or infinite tolerance, an unknown field and an unknown source', async () => {
    for (const args of [
      'tolerance: -0.5',
      'field: "colour"',
      'kind: COMPANY, field: "parameters"',
      'source: "nobody"',
    ]) {
      const response = await server.gql(`{ conflicts(${args}) { totalCount } }`);
      expect({ args, code: codeOf(response) }).toEqual({ args, code: 'BAD_USER_INPUT' });
    }
    // JSON has no infinity: a literal too large for a double is the way to send one.
    for (const tolerance of ['null', '1e400']) {
      const response = await server.gql(`{ conflicts(tolerance: ${tolerance}) { totalCount } }`);
      expect({ tolerance, code: codeOf(response) }).toEqual({ tolerance, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('TRAINING_COMPUTE concentration', () => {
  const companies = seedFile('companies.yaml');
  const countryOf = new Map(companies.map((company) => [company.id, company.country as string]));
  const releasedOn = new Map([
    ...seedFile('models.yaml').map((record) => [record.id, record.releasedOn as string] as const),
    [ALPACA.id, ALPACA.releasedOn] as const,
  ]);
  const preferredCompute = CLAIMS.filter((one) => one.field === 'trainingComputeFlop' && one.source === EPOCH.id);
  const developersOf = (model: string) => [
    ...((seedFile('models.yaml').find((record) => record.id === model)?.developers ?? []) as string[]),
    ...RELATIONSHIPS.filter((rel) => rel.type === 'DEVELOPS' && rel.to === model).map((rel) => rel.from),
  ];
  /** Each company's training compute: a model's split equally among its developers; asOf keeps released models. */
  const byCompany = (asOf?: string) => {
    const held = new Map<string, number>();
    for (const one of preferredCompute) {
      if (asOf && !(`${releasedOn.get(one.entity)}-01-01`.slice(0, 10) <= `${asOf}-01-01`.slice(0, 10))) continue;
      const developers = developersOf(one.entity);
      for (const developer of developers)
        held.set(developer, (held.get(developer) ?? 0) + (one.value as number) / developers.length);
    }
    return held;
  };
  const sharesOf = async (groupBy: string, asOf?: string) =>
    (
      await ok(
        `query($groupBy: ConcentrationGroup, $asOf: PartialDate) {
          concentration(measure: TRAINING_COMPUTE, groupBy: $groupBy, asOf: $asOf) {
            total shares { key value members { id } }
          }
        }`,
        { groupBy, asOf },
      )
    ).concentration;

  it('splits each model’s compute among its developers, by company', async () => {
    const expected = byCompany();
    const result = await sharesOf('COMPANY');
    expect(result.total).toBeCloseTo(
      preferredCompute.reduce((sum, one) => sum + (one.value as number), 0),
      -10,
    );
    expect(result.shares).toHaveLength(expected.size);
    for (const share of result.shares) expect(share.value / expected.get(share.key)!).toBeCloseTo(1, 9);
  });

  it('sums companies by country', async () => {
    const expected = new Map<string, number>();
    for (const [company, flop] of byCompany()) {
      const country = countryOf.get(company) ?? 'unknown';
      expected.set(country, (expected.get(country) ?? 0) + flop);
    }
    const result = await sharesOf('COUNTRY');
    expect(result.shares.map((share: { key: string }) => share.key).sort()).toEqual([...expected.keys()].sort());
    for (const share of result.shares) expect(share.value / expected.get(share.key)!).toBeCloseTo(1, 9);
  });

  it('merges a subsidiary with its parent in a bloc', async () => {
    const result = await sharesOf('BLOC');
    const google = result.shares.find((share: { members: { id: string }[] }) =>
      share.members.some((member) => member.id === 'google'),
    );
    expect(google.members.map((member: { id: string }) => member.id)).toContain('deepmind');
    const held = byCompany();
    expect(google.value).toBeGreaterThanOrEqual(((held.get('google') ?? 0) + (held.get('deepmind') ?? 0)) * (1 - 1e-9));
  });

  it('keeps models released on or before asOf', async () => {
    const asOf = '2023-02';
    const expected = byCompany(asOf);
    const result = await sharesOf('COMPANY', asOf);
    expect(result.shares.map((share: { key: string }) => share.key).sort()).toEqual([...expected.keys()].sort());
    for (const share of result.shares) expect(share.value / expected.get(share.key)!).toBeCloseTo(1, 9);
  });
});

describe('dependencies along the new relationships', () => {
  it.each([
    ['SUBSIDIARY_OF', 'OWNED_BY'],
    ['BASED_ON', 'BUILT_ON'],
    ['TRAINED_ON_CHIPS_OF', 'SUPPLIED_BY'],
    ['TRAINED_IN_CLOUD_OF', 'HOSTED_BY'],
  ])('a %s relationship is a %s step of a dependency path', async (type, relation) => {
    const rel = RELATIONSHIPS.find((one) => one.type === type)!;
    const data = await ok(
      `query($from: ID!, $to: ID!) {
        dependencyPaths(from: $from, to: $to, maxHops: 1) { length steps { from to relation } }
      }`,
      { from: rel.from, to: rel.to },
    );
    expect(data.dependencyPaths[0].steps).toContainEqual({ from: rel.from, to: rel.to, relation });
  });

  it('counts the models trained on a vendor’s chips in its systemic importance', async () => {
    const data = await ok(`{ systemicImportance(first: 100) { company { id } dependentModels } }`);
    const nvidia = data.systemicImportance.find((rank: { company: { id: string } }) => rank.company.id === 'nvidia');
    const trained = RELATIONSHIPS.filter((rel) => rel.type === 'TRAINED_ON_CHIPS_OF' && rel.to === 'nvidia');
    expect(nvidia.dependentModels).toBeGreaterThanOrEqual(trained.length);
  });
});

describe('the claims recipe', () => {
  it('finds the property disagreements the API finds', async () => {
    const text = fs.readFileSync(path.join(projectRoot, 'cypher/recipes/claims-disagreements.cypher'), 'utf8');
    const rows = await server.runner.read(text.trim().replace(/;$/, ''));
    const claimed = new Set(Object.values(claimedFields(GRAPH)).flat());
    const data = await ok(`{ conflicts(first: 100) { nodes { entity { id } field } } }`);
    const fromApi = data.conflicts.nodes
      .filter((node: { field: string }) => claimed.has(node.field))
      .map((node: { entity: { id: string }; field: string }) => `${node.entity.id}.${node.field}`);
    expect(rows.map((row) => `${row.entity}.${row.field}`)).toEqual(fromApi);
    expect(fromApi.length).toBeGreaterThan(0);
  });
});

describe('a retired entity', () => {
  it('leaves the conflicts', async () => {
    const before = await server.ok(`{ conflicts(source: "${EPOCH.id}", first: 100) { nodes { entity { id } } } }`);
    expect(before.conflicts.nodes.some((node: { entity: { id: string } }) => node.entity.id === 'palm-2')).toBe(true);
    // As curation/retire does: the entity loses :Entity, its label and its relationships.
    await server.runner.write(
      `MATCH (n:FoundationModel {id: 'palm-2'}) OPTIONAL MATCH (n)-[r]-() DELETE r
       WITH DISTINCT n REMOVE n:Entity:FoundationModel SET n:Retired`,
    );
    const after = await server.ok(`{ conflicts(source: "${EPOCH.id}", first: 100) { nodes { entity { id } } } }`);
    expect(after.conflicts.nodes.some((node: { entity: { id: string } }) => node.entity.id === 'palm-2')).toBe(false);
  });
});
