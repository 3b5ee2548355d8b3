/**
 * The services phase: each service has one provider (mostly applied companies, some model makers) and is built on
 * one or two models by preferential attachment, so a few models carry many services; some serve industries.
 */
import { INDUSTRIES, SOURCES } from './fixedRecords';
import type { SyntheticCompanies, SyntheticCompany } from './generateCompanies';
import type { SyntheticModels } from './generateModels';
import { chance, partialDate, pick, type Rng } from './randomStream';
import { sampler, zipfPicker } from './sampler';
import type { ServiceRecord } from './seedRecords';
import { syntheticId } from './syntheticId';

/** The generated services, and a draw of a model weighted by the services already built on it. */
export interface SyntheticServices {
  records: ServiceRecord[];
  popularModel: (rng: Rng) => number;
}

const SERVICE_WORDS = [
  ...['Assistant', 'Copilot', 'Studio', 'Chat', 'Search', 'Writer', 'Insights'],
  ...['Agent', 'Translate', 'Image', 'Voice', 'Code', 'Analytics', 'Tutor'],
];
const drawIndustry = sampler(INDUSTRIES.map((industry) => industry.weight));

/** The models a provider builds a service on: one of its own first, often, then popular ones. */
function modelsFor(rng: Rng, own: number[] | undefined, popularModel: (rng: Rng) => number): number[] {
  const built: number[] = [];
  const wanted = chance(rng, 0.3) ? 2 : 1;
  for (let attempt = 0; built.length < wanted && attempt < 6; attempt++) {
    const model = own && attempt === 0 && chance(rng, 0.7) ? pick(rng, own) : popularModel(rng);
    if (!built.includes(model)) built.push(model);
  }
  return built;
}

/** Zero to two distinct industries, the big ones most often. */
function industriesFor(rng: Rng): string[] {
  const industries: string[] = [];
  const count = pick(rng, [0, 1, 1, 2]);
  for (let attempt = 0; industries.length < count && attempt < 4; attempt++) {
    const industry = INDUSTRIES[drawIndustry(rng)].id;
    if (!industries.includes(industry)) industries.push(industry);
  }
  return industries;
}

/** A service's name: its provider's word and a product word, sometimes naming the industry it serves. */
function serviceName(rng: Rng, provider: SyntheticCompany, industries: string[]): string {
  const name = `${provider.base} ${pick(rng, SERVICE_WORDS)}`;
  if (industries.length === 0 || !chance(rng, 0.3)) return name;
  return `${name} for ${INDUSTRIES.find((industry) => industry.id === industries[0])!.word}`;
}

/** Given the services stream, the companies, the models and the company count, returns the services. */
export function generateServices(
  rng: Rng,
  companies: SyntheticCompanies,
  models: SyntheticModels,
  n: number,
): SyntheticServices {
  // Preferential attachment: a quarter of the picks are uniform over all models, the rest repeat an earlier pick, so
  // a model is drawn with probability growing with the services already built on it.
  const urn: number[] = [];
  const popularModel = (r: Rng) =>
    urn.length === 0 || chance(r, 0.25) ? Math.floor(r() * models.records.length) : urn[Math.floor(r() * urn.length)];
  const drawApplied = zipfPicker(companies.byRole.applied, 0.9, 8);
  const drawModelMaker = zipfPicker(companies.developerPool, 1.0, 3);
  const records = Array.from({ length: Math.round(n * 1.5) }, (_, index): ServiceRecord => {
    const provider = chance(rng, 0.8) ? drawApplied(rng) : drawModelMaker(rng);
    provider.serviceCount++;
    provider.stages.add('service-development');
    provider.stages.add('service-delivery');
    const built = modelsFor(rng, models.byOwner.get(provider), popularModel);
    urn.push(...built);
    const industries = industriesFor(rng);
    const fromYear = Math.max(2019, ...built.map((model) => models.years[model]));
    return {
      id: syntheticId('service', index),
      name: serviceName(rng, provider, industries),
      providers: [provider.id],
      models: built.map((model) =>
        chance(rng, 0.02)
          ? {
              id: models.records[model].id,
              confidence: 'UNCERTAIN',
              note: 'Synthetic: the provider does not confirm this model.',
            }
          : models.records[model].id,
      ),
      ...(industries.length > 0 ? { industries } : {}),
      ...(chance(rng, 0.88) ? { launchedOn: partialDate(rng, fromYear, 2023, 0.15, 0.25) } : {}),
      sources: SOURCES,
    };
  });
  return { records, popularModel };
}
