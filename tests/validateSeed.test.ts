import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSeedFile } from '../src/seed/readSeedFiles';
import { ParsedSeedFile, formatProblem } from '../src/seed/seedGraph';
import { FILE_SPECS } from '../src/seed/seedSpec';
import { validateSeed } from '../src/seed/validateSeed';

type Records = Record<string, unknown[]>;

const base: Records = {
  'sources.yaml': [{ id: 'report', name: 'The report', publisher: 'A bank', publishedOn: '2023-06' }],
  'stages.yaml': [{ id: 'model-training', name: 'Model training', order: 2, layer: 'CORE', sources: ['report'] }],
  'industries.yaml': [{ id: 'finance', name: 'Finance', sources: ['report'] }],
  'companies.yaml': [
    { id: 'openai', name: 'OpenAI', country: 'US', stages: ['model-training'], sources: ['report'] },
    {
      id: 'microsoft',
      name: 'Microsoft',
      nameKo: '마이크로소프트',
      country: 'US',
      adopts: ['gpt-4'],
      sources: ['report'],
    },
  ],
  'models.yaml': [
    {
      id: 'gpt-4',
      name: 'GPT-4',
      developers: ['openai'],
      parameters: null,
      parametersNote: 'undisclosed',
      releasedOn: '2023-03',
      sources: ['report'],
    },
  ],
  'services.yaml': [
    {
      id: 'copilot',
      name: 'Copilot',
      providers: ['microsoft'],
      models: [{ id: 'gpt-4', confidence: 'UNCERTAIN', note: 'hedged' }],
      industries: ['finance'],
      sources: ['report'],
    },
  ],
  'partnerships.yaml': [
    {
      id: 'investment-microsoft-openai-2023',
      name: 'Microsoft invests in OpenAI',
      kind: 'INVESTMENT',
      parties: [
        { company: 'microsoft', role: 'investor' },
        { company: 'openai', role: 'investee' },
      ],
      announcedOn: '2023-01',
      valueUsd: 10e9,
      confidence: 'REPORTED',
      sources: ['report'],
    },
  ],
};

function parsed(records: Records): ParsedSeedFile[] {
  return FILE_SPECS.map(({ file }) => ({
    file,
    problems: [],
    records: (records[file] ?? []).map((value, index) => ({ line: index + 1, value })),
  }));
}

function withChange(file: string, change: (records: Record<string, unknown>[]) => void): Records {
  const copy = structuredClone(base) as Record<string, Record<string, unknown>[]>;
  change(copy[file]);
  return copy;
}

const messages = (records: Records) => validateSeed(parsed(records)).problems.map(formatProblem);

describe('validateSeed', () => {
  it('turns a valid seed into nodes and relationships, each with sources', () => {
    const { graph, problems } = validateSeed(parsed(base));
    expect(problems).toEqual([]);
    expect(graph.nodes.map((n) => `${n.label}:${n.id}`)).toEqual([
      'Source:report',
      'ValueChainStage:model-training',
      'Industry:finance',
      'Company:openai',
      'Company:microsoft',
      'FoundationModel:gpt-4',
      'Service:copilot',
      'Partnership:investment-microsoft-openai-2023',
    ]);
    const edges = graph.relationships.filter((r) => r.type !== 'CITES').map((r) => `${r.from}-${r.type}->${r.to}`);
    expect(edges).toEqual([
      'openai-PARTICIPATES_IN->model-training',
      'microsoft-ADOPTS->gpt-4',
      'openai-DEVELOPS->gpt-4',
      'microsoft-PROVIDES->copilot',
      'copilot-BUILT_ON->gpt-4',
      'copilot-SERVES->finance',
      'microsoft-PARTY_TO->investment-microsoft-openai-2023',
      'openai-PARTY_TO->investment-microsoft-openai-2023',
    ]);
    expect(graph.relationships.filter((r) => r.type === 'CITES')).toHaveLength(7);
    for (const item of [...graph.nodes, ...graph.relationships])
      expect(item.properties.sourceIds).toEqual(expect.arrayContaining(['report']));
  });

  it('keeps a hedged link as UNCERTAIN and the record defaults as REPORTED', () => {
    const { graph } = validateSeed(parsed(base));
    const builtOn = graph.relationships.find((r) => r.type === 'BUILT_ON');
    expect(builtOn?.properties).toEqual({ sourceIds: ['report'], confidence: 'UNCERTAIN', note: 'hedged' });
    expect(graph.nodes.find((n) => n.id === 'copilot')?.properties.confidence).toBe('REPORTED');
    expect(graph.relationships.find((r) => r.type === 'PARTY_TO')?.properties.role).toBe('investor');
  });

  it('stores a null parameter count (undisclosed) and a whole-year date given as a number', () => {
    const records = withChange('models.yaml', ([model]) => (model.releasedOn = 2023));
    const { graph, problems } = validateSeed(parsed(records));
    expect(problems).toEqual([]);
    expect(graph.nodes.find((n) => n.id === 'gpt-4')?.properties).toMatchObject({
      parameters: null,
      releasedOn: '2023',
    });
  });

  it('names the file, line and record of a dangling reference', () => {
    const records = withChange('services.yaml', ([service]) => (service.models = ['gpt-5']));
    expect(messages(records)).toEqual([
      'services.yaml:1 [copilot] models[1]: "gpt-5" is not defined in any seed file (expected a FoundationModel id)',
    ]);
  });

  it("takes a company's parent as one ref, plain or with its own provenance", () => {
    const plain = withChange('companies.yaml', ([openai]) => (openai.parent = 'microsoft'));
    const { graph, problems } = validateSeed(parsed(plain));
    expect(problems).toEqual([]);
    const parentOf = (g: typeof graph) => g.relationships.filter((r) => r.type === 'SUBSIDIARY_OF');
    expect(parentOf(graph).map((r) => [r.from, r.to, r.properties])).toEqual([
      ['openai', 'microsoft', { sourceIds: ['report'], confidence: 'REPORTED' }],
    ]);
    const withRef = withChange(
      'companies.yaml',
      ([openai]) => (openai.parent = { id: 'microsoft', confidence: 'UNCERTAIN', note: 'hedged' }),
    );
    expect(parentOf(validateSeed(parsed(withRef)).graph)[0].properties).toEqual({
      sourceIds: ['report'],
      confidence: 'UNCERTAIN',
      note: 'hedged',
    });
  });

  it('refuses a list, a dangling id and the record itself as a parent', () => {
    const list = withChange('companies.yaml', ([openai]) => (openai.parent = ['microsoft']));
    const dangling = withChange('companies.yaml', ([openai]) => (openai.parent = 'alphabet'));
    const itself = withChange('companies.yaml', ([openai]) => (openai.parent = { id: 'openai' }));
    const wrongKind = withChange('companies.yaml', ([openai]) => (openai.parent = 'gpt-4'));
    expect([list, dangling, itself, wrongKind].flatMap(messages)).toEqual([
      'companies.yaml:1 [openai] parent: takes one id or { id, sources, confidence, note }, not a list',
      'companies.yaml:1 [openai] parent: "alphabet" is not defined in any seed file (expected a Company id)',
      'companies.yaml:1 [openai] parent: "openai" points at its own record',
      'companies.yaml:1 [openai] parent: "gpt-4" is a FoundationModel, expected a Company',
    ]);
  });

  it('refuses a reference to the wrong kind of record', () => {
    const records = withChange('models.yaml', ([model]) => (model.developers = ['copilot']));
    expect(messages(records)).toEqual([
      'models.yaml:1 [gpt-4] developers[1]: "copilot" is a Service, expected a Company',
    ]);
  });

  it('names both places of a duplicate id, across files', () => {
    const records = withChange('industries.yaml', (industries) =>
      industries.push({ id: 'openai', name: 'Dup', sources: ['report'] }),
    );
    expect(messages(records)).toEqual([
      'companies.yaml:1 [openai] id: "openai" is already defined at industries.yaml:2',
    ]);
  });

  it('takes comparisonOnly as true or false only', () => {
    expect(messages(withChange('companies.yaml', (companies) => (companies[0].comparisonOnly = true)))).toEqual([]);
    expect(messages(withChange('companies.yaml', (companies) => (companies[0].comparisonOnly = 'yes')))).toEqual([
      'companies.yaml:1 [openai] comparisonOnly: must be true or false, got "yes"',
    ]);
  });

  it('reports every problem at once', () => {
    const records = withChange('companies.yaml', (companies) => {
      companies[0].country = 'USA';
      companies[0].founded = 2015;
      companies[1].sources = [];
      companies.push({ id: 'Bad_Id', name: 'x', sources: ['nowhere'] });
      companies.push({ name: 'no id' });
    });
    expect(messages(records)).toEqual([
      'companies.yaml:1 [openai] founded: is not a field of companies.yaml (allowed: id, name, nameKo, aliases, ' +
        'description, confidence, country, marketCapUsdBn, marketCapAsOf, aggregate, comparisonOnly, stages, ' +
        'adopts, parent, chipVendors, sources)',
      'companies.yaml:1 [openai] country: must be an ISO 3166-1 alpha-2 code such as "US" or "KR", got "USA"',
      'companies.yaml:2 [microsoft] sources: must be a non-empty list of source ids',
      'companies.yaml:3 [Bad_Id] id: "Bad_Id" is not a lowercase slug like "gpt-4" or "sk-hynix"',
      'companies.yaml:3 [Bad_Id] sources: "nowhere" is not the id of a record in sources.yaml',
      'companies.yaml:4 [record 4] id: is required',
    ]);
  });

  it('checks enums, dates, numbers and required fields', () => {
    const records = withChange('models.yaml', ([model]) => {
      model.access = 'PUBLIC';
      model.releasedOn = '2023-13';
      model.parameters = -1;
      delete model.name;
    });
    expect(messages(records)).toEqual([
      'models.yaml:1 [gpt-4] name: is required',
      'models.yaml:1 [gpt-4] parameters: must be a finite number of at least 0, got -1',
      'models.yaml:1 [gpt-4] releasedOn: is not a real date: "2023-13"',
      'models.yaml:1 [gpt-4] access: must be one of OPEN, LIMITED, CLOSED, got "PUBLIC"',
    ]);
  });

  it('refuses bidirectional controls and zero-width characters in names and other text', () => {
    const records = withChange('companies.yaml', ([openai, microsoft]) => {
      openai.name = 'Open\u202EIA';
      microsoft.nameKo = '마이크로\u200D소프트';
      microsoft.aliases = ['MS', '\u2069MSFT'];
    });
    expect(messages(records)).toEqual([
      'companies.yaml:1 [openai] name: contains U+202E RIGHT-TO-LEFT OVERRIDE at position 5',
      'companies.yaml:2 [microsoft] nameKo: contains U+200D ZERO WIDTH JOINER at position 5',
      'companies.yaml:2 [microsoft] aliases: item 2 contains U+2069 POP DIRECTIONAL ISOLATE at position 1',
    ]);
  });

  it('checks that party roles fit the kind of partnership and that there are two parties', () => {
    const records = withChange(
      'partnerships.yaml',
      ([deal]) => (deal.parties = [{ company: 'microsoft', role: 'partner' }]),
    );
    expect(messages(records)).toEqual([
      'partnerships.yaml:1 [investment-microsoft-openai-2023] parties[1]: role: "partner" does not fit an ' +
        'INVESTMENT partnership (expected investor or investee)',
      'partnerships.yaml:1 [investment-microsoft-openai-2023] parties: a partnership needs at least two parties',
    ]);
  });

  it('does not report references into a file that does not parse as dangling', () => {
    const files = parsed(base).map((file) =>
      file.file === 'stages.yaml'
        ? { ...file, records: [], problems: [{ file: file.file, line: 3, message: 'is not valid YAML: bad' }] }
        : file,
    );
    expect(validateSeed(files).problems.map(formatProblem)).toEqual(['stages.yaml:3 is not valid YAML: bad']);
  });

  it('requires a model to name its developers and a service its providers', () => {
    const records = withChange('models.yaml', ([model]) => delete model.developers);
    expect(messages(records)).toEqual(['models.yaml:1 [gpt-4] developers: needs at least one entry']);
    const noProvider = withChange('services.yaml', ([service]) => (service.providers = []));
    expect(messages(noProvider)).toEqual([
      'services.yaml:1 [copilot] providers: must be a list with at least one entry',
    ]);
  });

  it('refuses a source listed twice, which would otherwise count a citation twice', () => {
    const records = withChange('industries.yaml', ([industry]) => (industry.sources = ['report', 'report']));
    expect(messages(records)).toEqual(['industries.yaml:1 [finance] sources: "report" is listed twice']);
  });

  it('needs a party on each side of a directed partnership', () => {
    const records = withChange(
      'partnerships.yaml',
      ([deal]) =>
        (deal.parties = [
          { company: 'microsoft', role: 'investor' },
          { company: 'openai', role: 'investor' },
        ]),
    );
    expect(messages(records)).toEqual([
      'partnerships.yaml:1 [investment-microsoft-openai-2023] parties: an INVESTMENT partnership needs a party of ' +
        'each role; none is investee',
    ]);
  });
});

describe('parseSeedFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-parse-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const parse = (text: string) => {
    fs.writeFileSync(path.join(dir, 'companies.yaml'), text);
    return parseSeedFile('companies.yaml', path.join(dir, 'companies.yaml'));
  };

  it('keeps the line of every record', () => {
    const file = parse('# comment\n- id: a\n  name: A\n\n- id: b\n  name: B\n');
    expect(file.problems).toEqual([]);
    expect(file.records.map((r) => r.line)).toEqual([2, 5]);
  });

  it('reports malformed YAML with its line', () => {
    const file = parse('- id: a\n  name: [unclosed\n- id: b\n');
    expect(file.records).toEqual([]);
    expect(file.problems.length).toBeGreaterThan(0);
    expect(formatProblem(file.problems[0])).toMatch(/^companies\.yaml:\d+ is not valid YAML: /);
  });

  it('reports a duplicate key inside a record', () => {
    expect(parse('- id: a\n  id: b\n').problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^companies\.yaml:2 is not valid YAML: .*unique/i),
    ]);
  });

  it('wants a list', () => {
    expect(parse('id: a\n').problems.map(formatProblem)).toEqual([
      'companies.yaml:1 must be a YAML list of records (each starting with "- ")',
    ]);
  });

  it('resolves anchors and aliases', () => {
    const file = parse('- &first\n  id: a\n  name: A\n- *first\n');
    expect(file.records.map((r) => r.value)).toEqual([
      { id: 'a', name: 'A' },
      { id: 'a', name: 'A' },
    ]);
  });

  it('refuses a file with no records', () => {
    expect(parse('# only a comment\n').problems.map(formatProblem)).toEqual([
      'companies.yaml:1 has no records (a seed file is a YAML list of records, each starting with "- ")',
    ]);
  });

  it('names a missing file', () => {
    expect(parseSeedFile('models.yaml', path.join(dir, 'models.yaml')).problems.map(formatProblem)).toEqual([
      'models.yaml file is missing',
    ]);
  });
});
