/**
 * A deterministic synthetic value-chain graph in the seed files' format (see seed/README.md), for benchmarks.
 *
 * The same options always give the same records: every random choice comes from a seeded stream per phase, never
 * Math.random or the clock. The graph is heavy-tailed like the real one (a few developers hold many models, popular
 * models carry many services, one chip designer and one foundry dominate) and its dependencies point one way:
 * service -BUILT_ON-> model <-DEVELOPS- developer, developer CLOUD customer of a cloud provider, cloud provider
 * SUPPLY customer of chip designers and memory makers, chip designers SUPPLY customers of foundries and memory makers.
 */
import { companyRecords } from './companyRecords';
import { fixedRecords } from './fixedRecords';
import { generateAdoptions } from './generateAdoptions';
import { generateCompanies } from './generateCompanies';
import { generateModels } from './generateModels';
import { generatePartnerships } from './generatePartnerships';
import { generateServices } from './generateServices';
import { randomStream } from './randomStream';
import type { SeedRecords } from './seedRecords';

// The bench reads the generator's output types from here.
export { SEED_FILE_NAMES, type SeedRecords } from './seedRecords';

export interface SyntheticOptions {
  /** How many companies; everything else scales with it. At least MIN_COMPANIES. */
  companies: number;
  /** PRNG seed, a whole number from 0 to 2^32 - 1. */
  seed: number;
}

export const MIN_COMPANIES = 20;
export const MAX_COMPANIES = 10_000_000;

/** Given a company count and a seed, returns the records of each seed file; the same options give the same records. */
export function generateSeedRecords(options: SyntheticOptions): SeedRecords {
  const { companies: n, seed } = options;
  if (!Number.isInteger(n) || n < MIN_COMPANIES || n > MAX_COMPANIES)
    throw new RangeError(`companies must be a whole number from ${MIN_COMPANIES} to ${MAX_COMPANIES}, got ${n}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed must be a whole number from 0 to ${0xffffffff}, got ${seed}`);
  // Each phase has its own stream, numbered as when the generator was one function, so a seed keeps its graph.
  const companies = generateCompanies(randomStream(seed, 1), n);
  const models = generateModels(randomStream(seed, 2), companies, n);
  const services = generateServices(randomStream(seed, 3), companies, models, n);
  generateAdoptions(randomStream(seed, 4), companies, models, services, n);
  const partnerships = generatePartnerships(randomStream(seed, 5), companies, n);
  return {
    ...fixedRecords(options),
    'companies.yaml': companyRecords(randomStream(seed, 6), companies.all),
    'datasets.yaml': [],
    'models.yaml': models.records,
    'services.yaml': services.records,
    'partnerships.yaml': partnerships,
  };
}
