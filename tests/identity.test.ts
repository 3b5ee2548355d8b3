/**
 * Identity on real names: hand-checked pairs from Epoch AI, Ecosystem Graphs and the seed, resolved through an index
 * of the real seed and the curated alias file, as an import resolves them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadAliasFile } from '../src/identity/curatedAliases';
import { knownEntities } from '../src/identity/knownEntities';
import { NameIndex, type Resolution } from '../src/identity/nameIndex';
import { readSeed } from '../src/seed/loadSeed';

interface Pair {
  label: string;
  a: string;
  b: string;
  same: boolean;
  why?: string;
}

const SEED = path.join(__dirname, '..', 'seed');
const pairs = parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'identity', 'name-pairs.yaml'), 'utf8')) as Pair[];
const known = knownEntities(readSeed(SEED));
const curated = loadAliasFile(path.join(SEED, 'aliases.yaml'), known);

/** Resolves both names of a pair in a fresh index, registering an unresolved first name as an import would. */
function resolvePair({ label, a, b }: Pair): { first: Resolution; second: Resolution } {
  const index = new NameIndex(known, curated);
  const first = index.resolve(label, a);
  if (first.how === 'new') index.register({ id: first.id, label, name: a });
  return { first, second: index.resolve(label, b) };
}

const idOf = (resolution: Resolution) => ('id' in resolution ? resolution.id : undefined);
const results = pairs.map((pair) => ({ pair, ...resolvePair(pair) }));
const samePairs = results.filter(({ pair }) => pair.same);
const joined = samePairs.filter(({ first, second }) => idOf(first) !== undefined && idOf(first) === idOf(second));
const recall = joined.length / samePairs.length;
const shown = ({ pair, first, second }: (typeof results)[number]) =>
  `${pair.label} "${pair.a}" -> ${JSON.stringify(first)}, "${pair.b}" -> ${JSON.stringify(second)}`;

describe('identity on real names', () => {
  it('holds at least 100 hand-checked pairs, both kinds, companies and models', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    for (const label of ['Company', 'FoundationModel'])
      for (const same of [true, false])
        expect(pairs.filter((pair) => pair.label === label && pair.same === same).length).toBeGreaterThan(10);
  });

  it('never merges two different things into one id', () => {
    const wrong = results.filter(
      ({ pair, first, second }) => !pair.same && idOf(first) !== undefined && idOf(first) === idOf(second),
    );
    expect(wrong.map(shown)).toEqual([]);
  });

  const percent = (100 * recall).toFixed(1);
  it(`joins ${joined.length} of ${samePairs.length} same pairs to one id (recall ${percent} %, 95 % needed)`, () => {
    const missed = samePairs.filter((result) => !joined.includes(result)).map(shown);
    if (recall < 0.95)
      throw new Error(`recall ${(100 * recall).toFixed(1)} % is below 95 %; missed:\n${missed.join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('gives an ambiguous name no id: every candidate, for the import to report', () => {
    for (const { first, second } of results)
      for (const resolution of [first, second]) {
        if (resolution.how === 'ambiguous') {
          expect(resolution).not.toHaveProperty('id');
          expect(resolution.ids.length).toBeGreaterThanOrEqual(2);
        } else expect(resolution.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }
  });

  it('resolves the report’s models and the Google and Meta families to their seed records', () => {
    const index = new NameIndex(known, curated);
    const resolve = (label: string, name: string) => index.resolve(label, name);
    expect(resolve('FoundationModel', 'GPT-3 175B (davinci)')).toEqual({ how: 'curated', id: 'gpt-3' });
    expect(resolve('FoundationModel', 'PaLM 2')).toEqual({ how: 'name', id: 'palm-2' });
    expect(resolve('FoundationModel', 'LLaMA-65B')).toEqual({ how: 'curated', id: 'llama' });
    expect(resolve('FoundationModel', 'HyperCLOVA X')).toEqual({ how: 'name', id: 'hyperclova-x' });
    expect(resolve('FoundationModel', 'ERNIE 3.0 Titan')).toEqual({ how: 'name', id: 'ernie-3-0-titan' });
    expect(resolve('Company', 'Google DeepMind')).toEqual({ how: 'name', id: 'google-deepmind' });
    expect(resolve('Company', 'DeepMind')).toEqual({ how: 'name', id: 'deepmind' });
    expect(resolve('Company', 'Google Brain')).toEqual({ how: 'name', id: 'google-brain' });
    expect(resolve('Company', 'Google AI')).toEqual({ how: 'alias', id: 'google-research' });
    expect(resolve('Company', 'Facebook AI Research')).toEqual({ how: 'name', id: 'facebook-ai-research' });
    expect(resolve('Company', 'Facebook AI')).toEqual({ how: 'curated', id: 'meta-ai' });
    expect(resolve('Company', 'Facebook')).toEqual({ how: 'alias', id: 'meta' });
    expect(resolve('Company', 'Microsoft Research')).toEqual({ how: 'name', id: 'microsoft-research' });
    expect(resolve('Company', 'University of California (UC) Berkeley')).toEqual({
      how: 'normalised',
      id: 'uc-berkeley',
    });
    expect(resolve('Company', 'Google Cloud')).toEqual({ how: 'new', id: 'google-cloud' });
  });
});
