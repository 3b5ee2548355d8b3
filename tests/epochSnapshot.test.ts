/**
 * The shipped snapshot of Epoch AI's models CSV, mapped. The figures were counted apart from this code, with Python's
 * csv module over the same file and the same rules (names split on a comma not followed by a space; the first of two
 * rows with one model name kept; Epoch's confidence and accessibility values as docs/datasets.md maps them).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ImportFormatError, type ImportBatch, type ImportedEntity } from '../src/imports/importBatch';
import { EPOCH_SOURCE, readEpochModels } from '../src/imports/epoch/readEpochModels';

const DIR = path.join(__dirname, '../seed/external/epoch-ai-models');
const text = fs.readFileSync(path.join(DIR, 'all_ai_models.csv'), 'utf8');
const batch: ImportBatch = readEpochModels(text, 'all_ai_models.csv');

/** Given a list of values, returns how many times each occurs. */
function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const entity = (label: string, name: string): ImportedEntity | undefined =>
  batch.entities.find((candidate) => candidate.label === label && candidate.name === name);

describe('the shipped Epoch AI snapshot', () => {
  it('is the file Epoch AI published, unchanged, with the licence it is published under', () => {
    const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(sha256(path.join(DIR, 'all_ai_models.csv'))).toBe(
      '5d81f5cce379759011a666fba8bbe35fac3853c63583815908aeeec5fc76fc10',
    );
    const licence = fs.readFileSync(path.join(DIR, 'LICENSE'), 'utf8');
    expect(licence.startsWith('Attribution 4.0 International\n')).toBe(true);
    expect(licence).toContain('Creative Commons Attribution 4.0 International Public License');
    expect(licence).toContain('Section 8 -- Interpretation.');
    expect(fs.readFileSync(path.join(DIR, 'README.md'), 'utf8')).toContain('Data: Epoch AI (epoch.ai)');
  });

  it('refuses the file cut short, naming the line where the cut row starts', () => {
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    expect(() => readEpochModels(cut, 'all_ai_models.csv')).toThrow(ImportFormatError);
    expect(() => readEpochModels(cut, 'all_ai_models.csv')).toThrow(/^all_ai_models\.csv:\d+: .*\(truncated file\?\)/);
  });

  it('reads every row and names the source with its newest date', () => {
    expect(batch.records).toBe(2228);
    // tests/epochModels.test.ts checks the source's names one by one.
    expect(batch.source).toEqual({ ...EPOCH_SOURCE, snapshotOn: '2025-03-14' });
  });

  it('has one model per named row and one company per organisation', () => {
    // 2,228 rows: 3 without a model name, AMPLIFY and SigLIP twice each.
    expect(tally(batch.entities.map((one) => one.label))).toEqual({ FoundationModel: 2223, Company: 819 });
    expect(new Set(batch.entities.map((one) => `${one.label}:${one.name}`)).size).toBe(batch.entities.length);
  });

  it('states the facts each row gives', () => {
    const models = batch.entities.filter((one) => one.label === 'FoundationModel');
    const claimed = (field: string) => models.filter((model) => model.claims[field] !== undefined).length;
    expect(claimed('parameters')).toBe(1375);
    expect(claimed('trainingComputeFlop')).toBe(969);
    expect(claimed('releasedOn')).toBe(2186);
    expect(tally(models.flatMap((model) => (model.claims.access ? [String(model.claims.access)] : [])))).toEqual({
      OPEN: 605,
      LIMITED: 172,
      CLOSED: 442,
    });
    expect(tally(models.map((model) => model.confidence))).toEqual({ REPORTED: 1783, UNCERTAIN: 440 });
    expect(entity('FoundationModel', 'Llama 2-70B')).toEqual({
      label: 'FoundationModel',
      name: 'Llama 2-70B',
      claims: { parameters: 70e9, trainingComputeFlop: 8.1e23, releasedOn: '2023-07-18', access: 'OPEN' },
      confidence: 'REPORTED',
      at: expect.stringMatching(/^all_ai_models\.csv:\d+$/),
      references: [
        {
          name: 'Llama 2: Open Foundation and Fine-Tuned Chat Models',
          url: 'https://ai.meta.com/research/publications/llama-2-open-foundation-and-fine-tuned-chat-models/',
          publishedOn: '2023-07-18',
        },
      ],
    });
  });

  it('links models to their developers, base models, chip vendors and training clouds', () => {
    expect(tally(batch.links.map((link) => link.type))).toEqual({
      DEVELOPS: 3561,
      BASED_ON: 285,
      TRAINED_ON_CHIPS_OF: 614,
      TRAINED_IN_CLOUD_OF: 26,
    });
    const vendors = batch.links.filter((link) => link.type === 'TRAINED_ON_CHIPS_OF').map((link) => link.to.name);
    expect(tally(vendors)).toEqual({ NVIDIA: 473, Google: 126, AMD: 5, Huawei: 4, Intel: 4, Cerebras: 2 });
    const clouds = batch.links.filter((link) => link.type === 'TRAINED_IN_CLOUD_OF').map((link) => link.to.name);
    expect(tally(clouds)).toEqual({
      Microsoft: 10,
      Amazon: 8,
      Google: 3,
      Oracle: 2,
      Cerebras: 1,
      IBM: 1,
      Databricks: 1,
    });
    const basedOn = (name: string) => batch.links.filter((link) => link.type === 'BASED_ON' && link.to.name === name);
    expect(basedOn('Llama 2-70B')).toHaveLength(14);
    // No row defines LLaMA-7B; ten models are built on it all the same.
    expect(basedOn('LLaMA-7B')).toHaveLength(10);
    expect(entity('FoundationModel', 'LLaMA-7B')).toBeUndefined();
    const llama = batch.links.filter((link) => link.from.name === 'Meta AI' && link.to.name === 'Llama 2-70B');
    expect(llama.map((link) => link.type)).toEqual(['DEVELOPS']);
  });

  it("gives organisations the country of Epoch's records, by ISO code", () => {
    const country = (name: string) => entity('Company', name)?.claims.country;
    expect(batch.entities.filter((one) => one.label === 'Company' && one.claims.country).length).toBe(772);
    expect(country('OpenAI')).toBe('US');
    expect(country('The University of Hong Kong')).toBe('HK');
    expect(country('University of Macau')).toBe('MO');
    expect(country('NAVER')).toBe('KR');
    expect(country('Mila - Quebec AI (originally Montreal Institute for Learning Algorithms)')).toBe('CA');
    // Multinational besides one country: that country.
    expect(country('Hugging Face')).toBe('US');
    expect(country('Stability AI')).toBe('GB');
    // Several countries: none.
    expect(entity('Company', 'Google DeepMind')).toMatchObject({ claims: {} });
    expect(entity('Company', 'Microsoft Research')).toMatchObject({ claims: {} });
  });

  it('keeps names that hold a comma or a line break whole', () => {
    expect(entity('Company', 'NERSC, Lawrence Berkeley National Laboratory')).toBeDefined();
    expect(entity('Company', 'SambaNova Systems, Inc')).toBeDefined();
    expect(entity('Company', 'Indraprastha Institute of Information Technology Delhi')).toBeDefined();
    expect(entity('FoundationModel', 'Mamba 2, 2.7B')).toBeDefined();
    expect(batch.entities.filter((one) => /^\s|\s$|\s\s|\n/.test(one.name))).toEqual([]);
  });

  it('warns of every row it skips and every row whose countries it cannot pair', () => {
    const kinds = tally(batch.warnings.map((warning) => warning.message.replace(/^\d+ countries .*/, 'unpaired')));
    expect(kinds).toEqual({
      'model "AMPLIFY" is already defined at all_ai_models.csv:1294: row skipped, the first kept': 1,
      'model "SigLIP" is already defined at all_ai_models.csv:6727: row skipped, the first kept': 1,
      'model "CaLM" differs only in case from "CALM" at all_ai_models.csv:5793: both kept': 1,
      'no model name: row skipped': 3,
      unpaired: 11,
    });
  });
});
