/**
 * models.dev's repository as an import batch: the fixtures (tests/fixtures/models-dev, in the publisher's format) show
 * each rule; the shipped snapshot is checked against counts made apart from the importer, by walking the folder and
 * reading `name =`, `base_model =` and the [cost] table with regular expressions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportFormatError, type ImportBatch, type ImportedLink } from '../src/imports/importBatch';
import { MODELS_DEV_SOURCE, readModelsDev } from '../src/imports/modelsDev/readModelsDev';

const FIXTURES = path.join(__dirname, 'fixtures/models-dev');
const SHIPPED = path.join(__dirname, '../seed/external/models-dev');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'models-dev-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the good fixture with `change` applied to its folder. */
function variant(name: string, change: (dir: string) => void): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(FIXTURES, 'good'), dir, { recursive: true });
  change(dir);
  return dir;
}

const offers = (batch: ImportBatch): ImportedLink[] => batch.links.filter((link) => link.type === 'OFFERS');
const offer = (batch: ImportBatch, provider: string, model: string) =>
  offers(batch).find((link) => link.from.name === provider && link.to.name === model);

describe('readModelsDev on the fixtures', () => {
  const batch = readModelsDev(path.join(FIXTURES, 'good'), 'good');

  it('names the source with the licence, the copyright line and the newest last_updated', () => {
    expect(batch.source).toEqual({
      ...MODELS_DEV_SOURCE,
      attribution: 'Copyright (c) 2025 models.dev',
      snapshotOn: '2026-01-15',
    });
    // 3 provider.toml, 2 lab files, 7 entries read (the link to a missing file is not).
    expect(batch.records).toBe(12);
  });

  it('makes each provider a company in service delivery, clouds also in the cloud stage, by id', () => {
    const stages = batch.links
      .filter((link) => link.type === 'PARTICIPATES_IN')
      .map((link) => [link.from.name, link.to.name, link.to.label, link.alternatives]);
    expect(stages).toEqual([
      ['Amazon Bedrock', 'service-delivery', 'ValueChainStage', 'amazon-bedrock service-delivery'],
      ['Amazon Bedrock', 'cloud', 'ValueChainStage', 'amazon-bedrock cloud'],
      ['RouterX', 'service-delivery', 'ValueChainStage', 'routerx service-delivery'],
      ['TinyHost', 'service-delivery', 'ValueChainStage', 'tinyhost service-delivery'],
    ]);
  });

  it('offers each model once per provider, with the prices, context and weights of the entry or its base model', () => {
    expect(offers(batch).map((link) => `${link.from.name} > ${link.to.name}`)).toEqual([
      'Amazon Bedrock > Llama 4 Scout',
      'RouterX > Acme One',
      'RouterX > Qwen3 30B A3B Instruct 2507',
      'TinyHost > Tiny Model',
      'TinyHost > Llama 4 Scout',
    ]);
    // base_model: the cost is the entry's, the context and open weights the lab file's.
    expect(offer(batch, 'Amazon Bedrock', 'Llama 4 Scout')?.properties).toEqual({
      providerModelId: 'meta/llama-4-scout-17b',
      inputUsdPerMTok: 0.17,
      outputUsdPerMTok: 0.66,
      contextTokens: 10_000_000,
      openWeights: true,
    });
    // A link kept as a file is followed; the offer keeps the linking entry's own id.
    expect(offer(batch, 'TinyHost', 'Llama 4 Scout')?.properties).toMatchObject({
      providerModelId: 'llama-4-scout',
      inputUsdPerMTok: 0.17,
    });
    // base_model_omit drops the base model's context.
    expect(offer(batch, 'RouterX', 'Acme One')?.properties).toEqual({
      providerModelId: 'acme/acme-one',
      inputUsdPerMTok: 1,
      outputUsdPerMTok: 2.5,
      contextTokens: null,
      openWeights: false,
    });
    // Three entries name Tiny Model: the undated one is kept over the dated one before it, then the first.
    expect(offer(batch, 'TinyHost', 'Tiny Model')?.properties).toEqual({
      providerModelId: 'nested/deep/tiny-model',
      inputUsdPerMTok: null,
      outputUsdPerMTok: null,
      contextTokens: 32_768,
      openWeights: true,
    });
    expect(offer(batch, 'TinyHost', 'Tiny Model')?.at).toBe(
      'good/providers/tinyhost/models/nested/deep/tiny-model.toml',
    );
  });

  it("takes a model's claims from its lab file, else from the first entry naming it", () => {
    const models = batch.entities.filter((entity) => entity.label === 'FoundationModel');
    expect(models.map((model) => [model.name, model.claims, model.at])).toEqual([
      ['Acme One', { releasedOn: '2025-01', access: 'LIMITED' }, 'good/models/acme/acme-one.toml'],
      ['Llama 4 Scout', { releasedOn: '2025-04-05', access: 'OPEN' }, 'good/models/meta/llama-4-scout.toml'],
      ['Qwen3 30B A3B Instruct 2507', { access: 'OPEN' }, expect.stringContaining('/routerx/models/qwen/')],
      ['Tiny Model', { releasedOn: '2024-11-02', access: 'OPEN' }, expect.stringContaining('/early/')],
    ]);
  });

  it('links developers from the table of labs only', () => {
    const develops = batch.links.filter((link) => link.type === 'DEVELOPS');
    expect(develops.map((link) => [link.from.name, link.to.name])).toEqual([['Meta', 'Llama 4 Scout']]);
    const companies = batch.entities.filter((entity) => entity.label === 'Company').map((entity) => entity.name);
    expect(companies).toEqual(['Meta', 'Amazon Bedrock', 'RouterX', 'TinyHost']);
  });

  it('warns of what it skips', () => {
    expect(batch.warnings.map((warning) => `${warning.at}: ${warning.message}`)).toEqual([
      'good/providers/routerx/models/notes.txt: not a .toml file: not read',
      'good/providers/routerx/models/qwen/qwen3-30b-a3b-instruct-2507.toml: release_date "not yet" is not a date: ' +
        'no releasedOn',
      'good/providers/tinyhost/models/gone.toml: links to ../../amazon-bedrock/models/meta/removed.toml, which is ' +
        'not in the snapshot: not read',
      'good/providers/tinyhost/models/early/tiny-model-2024-11-02.toml: TinyHost also offers "Tiny Model" as ' +
        'nested/deep/tiny-model: this variant skipped, the plain entry kept',
      'good/providers/tinyhost/models/tiny-model-copy.toml: TinyHost already offers "Tiny Model" as ' +
        'nested/deep/tiny-model: entry skipped, the first kept',
    ]);
  });
});

describe('readModelsDev refuses a snapshot it cannot read, naming the file', () => {
  const refused = (dir: string, shown: string) => () => readModelsDev(dir, shown);

  it('TOML that does not parse, with the line', () => {
    expect(refused(path.join(FIXTURES, 'bad-toml'), 'bad-toml')).toThrow(ImportFormatError);
    expect(refused(path.join(FIXTURES, 'bad-toml'), 'bad-toml')).toThrow(
      /^bad-toml\/providers\/routerx\/models\/acme\/acme-one\.toml:5: not TOML \(/,
    );
  });

  it('a provider folder without provider.toml', () => {
    const dir = variant('no-provider', (root) => fs.rmSync(path.join(root, 'providers/routerx/provider.toml')));
    expect(refused(dir, 'snap')).toThrow(new ImportFormatError('snap/providers/routerx: no provider.toml'));
  });

  it('an entry without a name and without a base model', () => {
    const file = 'providers/routerx/models/qwen/qwen3-30b-a3b-instruct-2507.toml';
    const dir = variant('no-name', (root) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      fs.writeFileSync(path.join(root, file), text.replace(/^name = .*\n/m, ''));
    });
    expect(refused(dir, 'snap')).toThrow(new ImportFormatError(`snap/${file}: no name`));
  });

  it('a base_model that names no lab file, and a field of the wrong type', () => {
    const entry = 'providers/routerx/models/acme/acme-one.toml';
    const edit = (root: string, file: string, from: string, to: string) =>
      fs.writeFileSync(path.join(root, file), fs.readFileSync(path.join(root, file), 'utf8').replace(from, to));
    const base = variant('bad-base', (root) => edit(root, entry, '"acme/acme-one"', '"acme/acme-two"'));
    expect(refused(base, 'snap')).toThrow(
      new ImportFormatError(`snap/${entry}: base_model "acme/acme-two" names no models/acme/acme-two.toml`),
    );
    const typed = variant('bad-type', (root) => edit(root, entry, 'input = 1', 'input = "1"'));
    expect(refused(typed, 'snap')).toThrow(new ImportFormatError(`snap/${entry}: cost.input is not a number ("1")`));
  });

  it('a folder without providers, and no licence', () => {
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    expect(refused(empty, 'empty')).toThrow(/^empty: no providers\/ folder/);
    const unlicensed = variant('no-licence', (root) => fs.rmSync(path.join(root, 'LICENSE')));
    expect(refused(unlicensed, 'snap')).toThrow(/^snap\/LICENSE: no copyright line/);
  });
});

/** Given a folder, returns the .toml files under it, sorted. */
function walkToml(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.toml'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Given a file, returns its text, or its target's for a symbolic link kept as text ('' when the target is gone). */
function fileText(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (!/^\.\.\/\S+\.toml$/.test(text.trim())) return text;
  const target = path.join(path.dirname(file), text.trim());
  return fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
}

/** The shipped snapshot's entries as counted apart: provider folder -> the model names its entries give. */
function countedOffers(root: string): Map<string, Set<string>> {
  const name = (text: string) => /^name\s*=\s*"(.*)"$/m.exec(text)?.[1];
  const byProvider = new Map<string, Set<string>>();
  for (const provider of fs.readdirSync(path.join(root, 'providers'))) {
    const names = new Set<string>();
    const folder = path.join(root, 'providers', provider, 'models');
    for (const file of fs.existsSync(folder) ? walkToml(folder) : []) {
      const text = fileText(file);
      if (text === '') continue;
      const base = /^base_model\s*=\s*"(.*)"$/m.exec(text)?.[1];
      names.add(base ? name(fs.readFileSync(path.join(root, 'models', `${base}.toml`), 'utf8'))! : name(text)!);
    }
    byProvider.set(provider, names);
  }
  return byProvider;
}

describe('the shipped models.dev snapshot', () => {
  const batch = readModelsDev(SHIPPED, 'seed/external/models-dev');
  const counted = countedOffers(SHIPPED);

  it('is read whole, dated by its newest last_updated', () => {
    const dates = walkToml(SHIPPED).flatMap((file) => /^last_updated = "(.*)"$/m.exec(fileText(file))?.[1] ?? []);
    expect(dates.reduce((newest, date) => (date > newest ? date : newest))).toBe('2026-06-30');
    expect(batch.source).toEqual({
      ...MODELS_DEV_SOURCE,
      attribution: 'Copyright (c) 2025 models.dev',
      snapshotOn: '2026-06-30',
    });
    expect(batch.entities.filter((entity) => entity.label === 'Company').length).toBeGreaterThanOrEqual(counted.size);
  });

  it('offers, per provider, each model name its entries give once', () => {
    const providers = new Map<string, string>();
    for (const provider of counted.keys()) {
      const text = fs.readFileSync(path.join(SHIPPED, 'providers', provider, 'provider.toml'), 'utf8');
      providers.set(/^name = "(.*)"$/m.exec(text)![1], provider);
    }
    const perProvider = new Map<string, number>();
    for (const link of offers(batch)) {
      const provider = providers.get(link.from.name)!;
      perProvider.set(provider, (perProvider.get(provider) ?? 0) + 1);
    }
    const expected = new Map([...counted].map(([provider, names]) => [provider, names.size]));
    expect(new Map([...perProvider].filter(([, count]) => count > 0))).toEqual(
      new Map([...expected].filter(([, count]) => count > 0)),
    );
    const total = [...expected.values()].reduce((sum, count) => sum + count, 0);
    expect(offers(batch)).toHaveLength(total);
    expect(new Set(offers(batch).map((link) => `${link.from.name}\u0000${link.to.name}`)).size).toBe(total);
  });

  it('gives each offer the prices its file states', () => {
    const price = (text: string, key: string) => {
      const lines = text.split(/\r?\n/);
      const start = lines.indexOf('[cost]');
      const end = lines.findIndex((line, index) => index > start && line.startsWith('['));
      const cost = lines.slice(start + 1, end === -1 ? undefined : end);
      const value = cost.flatMap((line) => new RegExp(`^${key}\\s*=\\s*([0-9._eE+-]+)`).exec(line)?.[1] ?? [])[0];
      return value === undefined ? null : Number(value.replace(/_/g, ''));
    };
    let checked = 0;
    for (const link of offers(batch)) {
      const text = fileText(path.join(SHIPPED, link.at.slice('seed/external/models-dev/'.length)));
      if (!/^\[cost\]\r?$/m.test(text)) continue;
      checked += 1;
      expect([link.at, link.properties!.inputUsdPerMTok, link.properties!.outputUsdPerMTok]).toEqual([
        link.at,
        price(text, 'input'),
        price(text, 'output'),
      ]);
    }
    expect(checked).toBeGreaterThan(4000);
  });
});
