/**
 * The Ecosystem Graphs importer on small snapshots in the publisher's format (tests/fixtures/ecosystem-graphs), and
 * on the shipped snapshot, whose figures are counted apart from the importer with the `yaml` package's plain parse.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ImportFormatError, type ImportBatch, type ImportedEntity } from '../src/imports/importBatch';
import { parseSize, splitOrganizations } from '../src/imports/ecosystemGraphs/ecosystemValues';
import { ECOSYSTEM_GRAPHS_SOURCE, readEcosystemGraphs } from '../src/imports/ecosystemGraphs/readEcosystemGraphs';
import { importerOf } from '../src/imports/importSource';
import { dependencyNames, plainAssets } from './support/ecosystemPlain';

const FIXTURES = path.join(__dirname, 'fixtures/ecosystem-graphs');
const SHIPPED = path.join(__dirname, '../seed/external/ecosystem-graphs');

const entityOf = (batch: ImportBatch, label: string, name: string): ImportedEntity | undefined =>
  batch.entities.find((one) => one.label === label && one.name === name);
const linksOf = (batch: ImportBatch) =>
  batch.links
    .filter((link) => link.alternatives === undefined)
    .map((link) => `${link.type} ${link.from.name} -> ${link.to.name}`)
    .sort();

describe('the Ecosystem Graphs importer on a small snapshot', () => {
  const batch = readEcosystemGraphs(path.join(FIXTURES, 'snapshot'), 'snapshot');

  it('reads the folder that holds assets/, names the source and dates it by the newest created_date', () => {
    expect(batch.source).toEqual({ ...ECOSYSTEM_GRAPHS_SOURCE, snapshotOn: '2024-03' });
    expect(batch.records).toBe(7);
    expect(importerOf('ecosystem-graphs')?.file).toBe('assets');
  });

  it('maps models, datasets and applications with their claims, notes, attributes and references', () => {
    expect(entityOf(batch, 'FoundationModel', 'Acme LM')).toEqual({
      label: 'FoundationModel',
      name: 'Acme LM',
      claims: { access: 'OPEN', parameters: 13e9, releasedOn: '2023-05-01' },
      notes: { access: 'Weights on the hub.', releasedOn: 'The date of the paper.' },
      attributes: { description: 'A small language model.' },
      references: [{ name: 'Acme LM (Ecosystem Graphs)', url: 'https://example.org/acme-lm' }],
      confidence: 'REPORTED',
      at: 'snapshot/assets/acme.yaml:1',
    });
    expect(entityOf(batch, 'FoundationModel', 'Acme LM 2')).toMatchObject({
      claims: {
        access: 'CLOSED',
        parameters: 14e9,
        parametersNote: '14B parameters with 2.7B parameters for activation (MoE)',
        releasedOn: '2024-02-10',
      },
    });
    expect(entityOf(batch, 'FoundationModel', 'Acme LM 2')?.attributes).toBeUndefined();
    expect(entityOf(batch, 'FoundationModel', 'Acme LM 2')?.references).toBeUndefined();
    expect(entityOf(batch, 'Dataset', 'Acme Corpus')?.claims).toEqual({ createdOn: '2023-01-02' });
    expect(entityOf(batch, 'Service', 'Acme Chat')?.claims).toEqual({ launchedOn: '2024-03' });
    expect(entityOf(batch, 'Service', 'Acme Search')?.claims).toEqual({});
    expect(entityOf(batch, 'Company', 'Acme AI')?.claims).toEqual({ country: 'US' });
    // Beta Labs: Canada from its application; "International" and "unknown" give nothing; a shared model, no vote.
    expect(entityOf(batch, 'Company', 'Beta Labs')?.claims).toEqual({ country: 'CA' });
    expect(batch.entities.map((one) => one.label).sort()).toEqual(
      ['Company', 'Company', 'Dataset', 'Dataset', 'FoundationModel', 'FoundationModel', 'Service', 'Service'].sort(),
    );
  });

  it('links organisations and every pair of dependency types, matching names loosely', () => {
    expect(linksOf(batch)).toEqual(
      [
        'DEVELOPS Acme AI -> Acme LM',
        'DEVELOPS Acme AI -> Acme LM 2',
        'DEVELOPS Beta Labs -> Acme LM 2',
        'PUBLISHES Acme AI -> Acme Corpus',
        'PUBLISHES Beta Labs -> Web Crawl Set',
        'PROVIDES Beta Labs -> Acme Chat',
        'PROVIDES Beta Labs -> Acme Search',
        'TRAINED_ON Acme LM -> Acme Corpus',
        'TRAINED_ON Acme LM -> Web Crawl Set',
        // "acme lm": by its identity key.
        'BASED_ON Acme LM 2 -> Acme LM',
        // "WebCrawl Set": by its key without spaces.
        'DERIVED_FROM Acme Corpus -> Web Crawl Set',
        'GENERATED_WITH Acme Corpus -> Acme LM',
        'BUILT_ON Acme Chat -> Acme LM 2',
        'USES_SERVICE Acme Chat -> Acme Search',
      ].sort(),
    );
  });

  it('gives a dependency naming no asset as alternatives, and warns of pairs no relationship links', () => {
    expect(batch.links.filter((link) => link.alternatives !== undefined)).toEqual([
      expect.objectContaining({
        type: 'TRAINED_ON',
        from: { label: 'FoundationModel', name: 'Acme LM' },
        to: { label: 'Dataset', name: 'Unknown Thing' },
        alternatives: 'snapshot/assets/acme.yaml:1:Unknown Thing',
      }),
      expect.objectContaining({
        type: 'BASED_ON',
        to: { label: 'FoundationModel', name: 'Unknown Thing' },
        alternatives: 'snapshot/assets/acme.yaml:1:Unknown Thing',
      }),
    ]);
    expect(batch.warnings.map((warning) => `${warning.at}: ${warning.message}`)).toEqual([
      'snapshot/assets/beta.yaml:30: asset "A Widget" has type "widget", not model, dataset or application: skipped',
      'snapshot/assets/acme.yaml:15: dependency "Acme Chat" of model "Acme LM 2" is application "Acme Chat": ' +
        'no link of that kind',
      'snapshot/assets/beta.yaml:21: dependency "Acme Chat" of dataset "Web Crawl Set" is application "Acme Chat": ' +
        'no link of that kind',
    ]);
  });

  it('refuses a file that is not YAML, not a list of assets, or an asset without organization', () => {
    const refused = (file: string) => () => readEcosystemGraphs(path.join(FIXTURES, 'bad', file), file);
    expect(refused('not-yaml.yaml')).toThrow(ImportFormatError);
    expect(refused('not-yaml.yaml')).toThrow(/^not-yaml\.yaml:\d+: not YAML/);
    expect(refused('not-list.yaml')).toThrow('not-list.yaml:1: not a list of assets');
    expect(refused('no-organization.yaml')).toThrow(
      'no-organization.yaml:5: asset "No organisation" has no organization',
    );
    expect(() => readEcosystemGraphs(path.join(FIXTURES, 'bad'), 'bad')).toThrow(ImportFormatError);
  });

  it('reads sizes and organisation fields as docs/datasets.md says', () => {
    expect(parseSize('900M')).toEqual({ parameters: 9e8 });
    expect(parseSize('1.2T parameters (sparse)')).toEqual({ parameters: 1.2e12, note: '1.2T parameters (sparse)' });
    expect(parseSize('unknown')).toBeNull();
    expect(splitOrganizations('DAMO Academy, Alibaba')).toEqual(['Alibaba DAMO Academy']);
    expect(splitOrganizations('Continue Dev, Inc.')).toEqual(['Continue Dev, Inc.']);
    expect(splitOrganizations('Microsoft, NVIDIA')).toEqual(['Microsoft', 'NVIDIA']);
    expect(
      splitOrganizations('Beijing Academy of Artificial Intelligence, University of Science and Technology of China'),
    ).toEqual(['Beijing Academy of Artificial Intelligence', 'University of Science and Technology of China']);
  });
});

describe('the shipped Ecosystem Graphs snapshot', () => {
  const assetsDir = path.join(SHIPPED, 'assets');
  const batch = readEcosystemGraphs(assetsDir, 'assets');
  const { files, assets } = plainAssets(assetsDir);

  it('is the publisher files unchanged, as SHA256SUMS lists them, with its terms and citation', () => {
    const listed = fs
      .readFileSync(path.join(SHIPPED, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/));
    expect(listed.map(([, file]) => file).sort()).toEqual(files);
    for (const [hash, file] of listed) {
      expect(
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(assetsDir, file)))
          .digest('hex'),
      ).toBe(hash);
    }
    const readme = fs.readFileSync(path.join(SHIPPED, 'README.md'), 'utf8');
    expect(readme).toContain('Bommasani et al., Ecosystem Graphs, 2023');
    expect(readme).toContain('issue 120');
  });

  it('reads every asset: one entity per distinct name of each type', () => {
    expect(batch.records).toBe(assets.length);
    const kept = new Map<string, string>();
    for (const asset of assets) if (!kept.has(String(asset.name))) kept.set(String(asset.name), String(asset.type));
    const count = (type: string) => [...kept.values()].filter((one) => one === type).length;
    const labels = (label: string) => batch.entities.filter((one) => one.label === label).length;
    expect(labels('FoundationModel')).toBe(count('model'));
    expect(labels('Dataset')).toBe(count('dataset'));
    expect(labels('Service')).toBe(count('application'));
    const dates = assets.flatMap((asset) => {
      const raw = asset.created_date as unknown;
      const value = raw !== null && typeof raw === 'object' ? (raw as { value?: unknown }).value : raw;
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? [value] : [];
    });
    expect(batch.source.snapshotOn).toBe(dates.sort().at(-1));
  });

  it('accounts for every dependency: a link, alternatives, or a warning', () => {
    const seen = new Set<string>();
    let dependencies = 0;
    for (const asset of assets) {
      if (seen.has(String(asset.name))) continue;
      seen.add(String(asset.name));
      dependencies += new Set(dependencyNames(asset).filter((name) => name !== asset.name)).size;
    }
    const organizationTypes = ['DEVELOPS', 'PUBLISHES', 'PROVIDES'];
    const direct = batch.links.filter((link) => !link.alternatives && !organizationTypes.includes(link.type)).length;
    const alternatives = new Set(batch.links.flatMap((link) => (link.alternatives ? [link.alternatives] : []))).size;
    const warned = batch.warnings.filter((warning) => warning.message.includes('no link of that kind')).length;
    expect(direct + alternatives + warned).toBe(dependencies);
  });
});
