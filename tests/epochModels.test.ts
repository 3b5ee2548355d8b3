import fs from 'node:fs';
import path from 'node:path';
import type { Confidence } from '../src/domain/enums';
import type { RelationshipType } from '../src/domain/graphModel';
import {
  ImportFormatError,
  type ImportBatch,
  type ImportedEntity,
  type ImportedLink,
} from '../src/imports/importBatch';
import { readEpochModels } from '../src/imports/epoch/readEpochModels';

const FIXTURES = path.join(__dirname, 'fixtures/epoch');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** Given a file's text, returns the message readEpochModels refuses it with. */
function refusal(text: string, file = 'models.csv'): string {
  try {
    readEpochModels(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError);
    return (error as Error).message;
  }
  throw new Error('readEpochModels accepted the text');
}

const at = (line: number) => `models.csv:${line}`;
const developed = (company: string, model: string, line: number, confidence: Confidence = 'REPORTED') =>
  fromTo('DEVELOPS', { label: 'Company', name: company }, { label: 'FoundationModel', name: model }, line, confidence);
const fromModel = (
  type: RelationshipType,
  model: string,
  to: ImportedLink['to'],
  line: number,
  confidence: Confidence,
) => fromTo(type, { label: 'FoundationModel', name: model }, to, line, confidence);
const fromTo = (
  type: RelationshipType,
  from: ImportedLink['from'],
  to: ImportedLink['to'],
  line: number,
  confidence: Confidence,
): ImportedLink => ({ type, from, to, confidence, at: at(line) });
/** A model whose row states only its release date. */
const dated = (
  name: string,
  line: number,
  releasedOn: string,
  confidence: Confidence = 'REPORTED',
): ImportedEntity => ({
  label: 'FoundationModel',
  name,
  claims: { releasedOn },
  confidence,
  at: at(line),
});
const company = (name: string, line: number, country?: string): ImportedEntity => ({
  label: 'Company',
  name,
  claims: country ? { country } : {},
  confidence: 'REPORTED',
  at: at(line),
});
const companyRef = (name: string) => ({ label: 'Company', name }) as const;
const modelRef = (name: string) => ({ label: 'FoundationModel', name }) as const;

/** models.csv read by hand: every row is there for one rule of the mapping. */
const EXPECTED: ImportBatch = {
  source: {
    id: 'epoch-ai-models',
    name: 'Epoch AI, Data on AI Models',
    publisher: 'Epoch AI',
    url: 'https://epoch.ai/data/ai-models',
    license: 'CC-BY-4.0',
    attribution: 'Data: Epoch AI (epoch.ai)',
    // The newest date in the file is the Last modified of the row with no model name.
    snapshotOn: '2025-03-02',
  },
  records: 10,
  entities: [
    {
      label: 'FoundationModel',
      name: 'Alpha-1',
      claims: { parameters: 7e9, trainingComputeFlop: 1.2e23, releasedOn: '2023-05-01', access: 'OPEN' },
      confidence: 'REPORTED',
      at: 'models.csv:2',
      references: [
        { name: 'Alpha: a model, with commas', url: 'https://example.org/alpha', publishedOn: '2023-05-01' },
      ],
    },
    {
      label: 'FoundationModel',
      name: 'Beta',
      claims: { releasedOn: '2024-02', access: 'LIMITED' },
      confidence: 'UNCERTAIN',
      at: 'models.csv:3',
      references: [{ name: 'The "Beta" model', url: 'https://example.org/beta', publishedOn: '2024-02' }],
    },
    {
      label: 'FoundationModel',
      name: 'Delta',
      claims: { access: 'CLOSED' },
      confidence: 'REPORTED',
      at: 'models.csv:8',
      references: [{ name: 'https://example.org/delta', url: 'https://example.org/delta' }],
    },
    {
      label: 'FoundationModel',
      name: 'Zeta',
      claims: { parameters: 1.5e9, releasedOn: '2024-06-30' },
      confidence: 'UNCERTAIN',
      at: 'models.csv:9',
      references: [{ name: 'Zeta report', publishedOn: '2024-06-30' }],
    },
    dated('Eta', 10, '2021', 'UNCERTAIN'),
    dated('Theta', 11, '2020-01-01'),
    dated('Iota', 12, '2020-02-01'),
    dated('Kappa', 13, '2019-07-07'),
    // Lab A: United States in rows 2 and 9, United Kingdom in row 8.
    company('Lab A', 2, 'US'),
    // "Hong Kong,China" is one country.
    company('Uni B', 2, 'HK'),
    // A comma followed by a space is part of the name.
    company('SambaNova Systems, Inc', 3, 'US'),
    // Row 10 lists one country for two organisations: both take it.
    company('Uni C', 10, 'DE'),
    company('Uni D', 10, 'DE'),
    // United States, United Kingdom and Multinational: no one country.
    company('Org Multi', 11),
    // Its one country is one the table does not know.
    company('Uni E', 12),
  ],
  links: [
    developed('Lab A', 'Alpha-1', 2),
    developed('Uni B', 'Alpha-1', 2),
    fromModel('TRAINED_ON_CHIPS_OF', 'Alpha-1', companyRef('NVIDIA'), 2, 'REPORTED'),
    fromModel('TRAINED_ON_CHIPS_OF', 'Alpha-1', companyRef('Google'), 2, 'REPORTED'),
    fromModel('TRAINED_IN_CLOUD_OF', 'Alpha-1', companyRef('Amazon'), 2, 'REPORTED'),
    developed('SambaNova Systems, Inc', 'Beta', 3, 'UNCERTAIN'),
    fromModel('BASED_ON', 'Beta', modelRef('Alpha-1'), 3, 'UNCERTAIN'),
    // No row defines Gamma-Base: the import resolves it against the graph or creates it.
    fromModel('BASED_ON', 'Beta', modelRef('Gamma-Base'), 3, 'UNCERTAIN'),
    fromModel('TRAINED_IN_CLOUD_OF', 'Beta', companyRef('Microsoft'), 3, 'UNCERTAIN'),
    developed('Lab A', 'Delta', 8),
    developed('Lab A', 'Zeta', 9, 'UNCERTAIN'),
    developed('Uni C', 'Eta', 10, 'UNCERTAIN'),
    developed('Uni D', 'Eta', 10, 'UNCERTAIN'),
    developed('Org Multi', 'Theta', 11),
    developed('Org Multi', 'Iota', 12),
    developed('Uni B', 'Iota', 12),
    developed('Uni E', 'Iota', 12),
    developed('Uni C', 'Kappa', 13),
    developed('Uni E', 'Kappa', 13),
  ],
  warnings: [
    { at: 'models.csv:3', message: 'Parameters "about 7B" is not a number: no parameters claim for Beta' },
    { at: 'models.csv:3', message: 'training hardware "Mystery Chip 9" has no known vendor: no chip vendor link' },
    { at: 'models.csv:3', message: 'training cloud "Quantum Cloud" is not a known cloud: no training cloud link' },
    { at: 'models.csv:6', message: 'no model name: row skipped' },
    { at: 'models.csv:7', message: 'model "Alpha-1" is already defined at models.csv:2: row skipped, the first kept' },
    { at: 'models.csv:8', message: 'Publication date "2022-13-01" is not a date: no releasedOn for Delta' },
    { at: 'models.csv:9', message: `unknown Confidence "Guesswork": the row's facts taken as UNCERTAIN` },
    { at: 'models.csv:9', message: 'unknown Model accessibility "Downloadable?": no access for Zeta' },
    { at: 'models.csv:12', message: 'unknown country "Atlantis" (of Uni E): ignored' },
    {
      at: 'models.csv:13',
      message: '3 countries for 2 organisations cannot be paired: no country taken from this row',
    },
    { at: 'models.csv:2', message: 'Lab A: rows give different countries, US (2), GB (1); kept US' },
  ],
};

describe('readEpochModels', () => {
  it('maps models, organisations, countries, links and references, and warns of what it cannot use', () => {
    expect(readEpochModels(fixture('models.csv'), 'models.csv')).toEqual(EXPECTED);
  });

  it('reads columns under their earlier names, in any case, and ignores columns it does not know', () => {
    // System for Model, Country (of organization) for Country (from Organization), "publication  Date", and an
    // unknown Frontier model column in the middle.
    const renamed = fixture('renamed-columns.csv');
    expect(renamed.split('\n')[0]).toMatch(/^System,Domain,Frontier model,.*Country \(of organization\)/);
    expect(readEpochModels(renamed, 'models.csv')).toEqual(EXPECTED);
  });

  it('warns once of each optional column the file lacks, and maps what is there', () => {
    const batch = readEpochModels('Model,Organization,Publication date\nTiny,Lab,2020\n', 'tiny.csv');
    expect(batch.warnings.map((warning) => warning.message)).toEqual([
      'column "Reference" is absent: no reference titles',
      'column "Link" is absent: no reference links',
      'column "Parameters" is absent: no parameter counts',
      'column "Training compute (FLOP)" is absent: no training compute',
      'column "Training hardware" is absent: no training chip vendors',
      'column "Model accessibility" is absent: no access',
      'column "Confidence" is absent: every row REPORTED',
      'column "Last modified" is absent: the snapshot dated by publication dates only',
      'column "Country (from Organization)" is absent: no countries',
      'column "Base model" is absent: no base models',
      'column "Training cloud compute vendor" is absent: no training clouds',
    ]);
    expect(batch.warnings.every((warning) => warning.at === 'tiny.csv:1')).toBe(true);
    expect(batch.entities).toEqual([
      {
        label: 'FoundationModel',
        name: 'Tiny',
        claims: { releasedOn: '2020' },
        confidence: 'REPORTED',
        at: 'tiny.csv:2',
      },
      { label: 'Company', name: 'Lab', claims: {}, confidence: 'REPORTED', at: 'tiny.csv:2' },
    ]);
    expect(batch.source.snapshotOn).toBe('2020');
  });

  it('refuses a file missing a required column, naming it', () => {
    const text = fixture('models.csv').replace('Model,Domain,Organization,', 'Model,Domain,Organisation,');
    expect(refusal(text)).toBe('models.csv: required column "Organization" is missing');
  });

  it('refuses a file with one column twice, under one name or two', () => {
    expect(refusal('Model,Organization,Model\nA,B,C\n')).toBe(
      'models.csv: column "Model" appears more than once: "Model", "Model"',
    );
    expect(refusal('System,Organization,model\nA,B,C\n')).toBe(
      'models.csv: column "Model" appears more than once: "model", "System"',
    );
  });

  it('refuses an empty file, and a header with no rows', () => {
    expect(refusal('')).toBe('models.csv: empty file');
    expect(refusal('Model,Organization\n')).toBe('models.csv: no rows after the header');
  });

  it('refuses a file with no date to date the snapshot by', () => {
    expect(refusal('Model,Organization,Publication date\nTiny,Lab,\n')).toBe(
      'models.csv: no Publication date or Last modified date to date the snapshot by',
    );
  });

  it('refuses a file cut in the middle of a row, inside or outside a quoted field', () => {
    const text = fixture('models.csv');
    const insideQuotes = text.slice(0, text.indexOf('https://example.org/beta-weights'));
    expect(refusal(insideQuotes)).toBe(
      'models.csv:3: a quoted field is never closed (truncated file?) in the row starting on this line',
    );
    const outsideQuotes = text.slice(0, text.indexOf(',Unreleased,'));
    expect(refusal(outsideQuotes)).toBe('models.csv:8: last row has 9 fields, the header has 15 (truncated file?)');
  });

  it('refuses a file that is not CSV, or not Epoch AI models CSV', () => {
    expect(refusal('{"models": [{"name": "GPT-4"}]}\n', 'models.json')).toBe(
      'models.json:1: a quote inside an unquoted field (not a CSV file?)',
    );
    expect(refusal('- id: gpt-4\n  name: GPT-4\n', 'models.yaml')).toBe(
      "models.yaml: not Epoch AI's models CSV: no Model column",
    );
    expect(refusal('Hardware name,Manufacturer,Release date\nH100,NVIDIA,2022-03-22\n', 'ml_hardware.csv')).toBe(
      "ml_hardware.csv: not Epoch AI's models CSV: no Model column",
    );
  });
});
