/**
 * The models phase: foundation models by Zipf-like developers (big clouds develop too), every developer at least
 * one, a few developed jointly, with release dates weighted towards the recent past and parameter counts that grow
 * with the year.
 */
import { SOURCES } from './fixedRecords';
import type { SyntheticCompanies, SyntheticCompany } from './generateCompanies';
import { chance, dateIn, normal, pick, shuffle, type Rng } from './randomStream';
import { weighted, zipfPicker } from './sampler';
import type { ModelRecord } from './seedRecords';
import { syntheticId } from './syntheticId';
import { twoSignificantDigits } from './twoSignificantDigits';

/** The generated models with what the later phases need to know of them. */
export interface SyntheticModels {
  records: ModelRecord[];
  /** Each model's release year, by position. */
  years: number[];
  /** The positions of the models each company develops. */
  byOwner: Map<SyntheticCompany, number[]>;
}

const MODEL_WORDS = ['LM', 'GPT', 'Chat', 'Vision', 'Coder', 'Diffusion', 'Speech', 'Instruct', 'Omni', 'Base'];

/** Release years weighted towards the recent past, as model releases are. */
const releaseYear = weighted({ '2018': 1, '2019': 2, '2020': 3, '2021': 5, '2022': 8, '2023': 10 });

/** 175e9 -> "175B", 1.3e9 -> "1.3B", 350e6 -> "350M", 1.2e12 -> "1.2T". */
function sizeText(value: number): string {
  const [unit, scale] = value >= 1e12 ? ['T', 1e12] : value >= 1e9 ? ['B', 1e9] : ['M', 1e6];
  return `${Number((value / scale).toPrecision(3))}${unit}`;
}

/** A parameter count (larger in later years) and its note as a source would state it, or null when undisclosed. */
function parameterSize(rng: Rng, year: number): { parameters: number | null; note: string } {
  const roll = rng();
  if (roll < 0.1) return { parameters: null, note: 'undisclosed' };
  if (roll < 0.15) return { parameters: null, note: 'not stated in source' };
  // log10 of the size: centred on ~3B in 2018 rising to ~30B in 2023, from 100M to ~2T.
  const log = Math.min(12.3, Math.max(8, 9.5 + 0.2 * (year - 2018) + 0.8 * normal(rng)));
  const largest = twoSignificantDigits(10 ** log);
  if (roll < 0.27) {
    // A family: smallest to largest member.
    const smallest = twoSignificantDigits(largest / 10 ** (0.5 + rng() * 1.5));
    return { parameters: largest, note: `${sizeText(Math.max(1e7, smallest))}-${sizeText(largest)}` };
  }
  return { parameters: largest, note: sizeText(largest) };
}

/** Given the models stream, the companies and the company count, returns the models; counts their developers'. */
export function generateModels(rng: Rng, companies: SyntheticCompanies, n: number): SyntheticModels {
  const { developerPool, byRole } = companies;
  const total = Math.max(byRole.developer.length, Math.round(n * 0.3));
  const drawDeveloper = zipfPicker(developerPool, 1.0, 3);
  const ownersOf: SyntheticCompany[][] = byRole.developer.map((developer) => [developer]);
  while (ownersOf.length < total) ownersOf.push([drawDeveloper(rng)]);
  shuffle(rng, ownersOf);
  const models: SyntheticModels = { records: [], years: [], byOwner: new Map() };
  const generations = new Map<SyntheticCompany, number>();
  ownersOf.forEach((owners, index) => {
    const lead = owners[0];
    if (chance(rng, 0.05)) {
      const partner = pick(rng, developerPool);
      if (partner !== lead) owners.push(partner);
    }
    for (const owner of owners) {
      owner.modelCount++;
      owner.stages.add('model-training');
      const own = models.byOwner.get(owner);
      if (own) own.push(index);
      else models.byOwner.set(owner, [index]);
    }
    const generation = (generations.get(lead) ?? 0) + 1;
    generations.set(lead, generation);
    const year = Number(releaseYear(rng));
    const roll = rng();
    const released = roll < 0.1 ? undefined : dateIn(rng, year, roll < 0.2 ? 'year' : roll < 0.7 ? 'month' : 'day');
    const size = parameterSize(rng, year);
    const accessRoll = rng();
    const access = accessRoll < 0.35 ? 'OPEN' : accessRoll < 0.6 ? 'LIMITED' : accessRoll < 0.8 ? 'CLOSED' : undefined;
    const record: ModelRecord = {
      id: syntheticId('model', index),
      name: `${lead.base} ${pick(rng, MODEL_WORDS)}-${generation}`,
      developers: owners.map((owner) => owner.id),
      parameters: size.parameters,
      parametersNote: size.note,
      ...(released === undefined ? {} : { releasedOn: released }),
      ...(access === undefined ? {} : { access }),
      sources: SOURCES,
    };
    models.records.push(record);
    models.years.push(year);
  });
  return models;
}
