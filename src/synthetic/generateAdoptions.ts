/**
 * The adoptions phase: about a fifth of the companies (applied companies and clouds) use one to three models, not
 * their own, in their products; popular models are adopted most.
 */
import type { SyntheticCompanies } from './generateCompanies';
import type { SyntheticModels } from './generateModels';
import type { SyntheticServices } from './generateServices';
import { chance, int, type Rng } from './randomStream';

/** Given the adoptions stream, the companies, models and services, and the company count, sets what each adopts. */
export function generateAdoptions(
  rng: Rng,
  companies: SyntheticCompanies,
  models: SyntheticModels,
  services: SyntheticServices,
  n: number,
): void {
  const pool = [...companies.byRole.applied, ...companies.byRole.cloud];
  const probability = Math.min(1, (n * 0.2) / pool.length);
  for (const company of pool) {
    if (!chance(rng, probability)) continue;
    const wanted = int(rng, 1, 3);
    const own = new Set(models.byOwner.get(company) ?? []);
    const chosen: number[] = [];
    for (let attempt = 0; chosen.length < wanted && attempt < 8; attempt++) {
      const model = services.popularModel(rng);
      if (!own.has(model) && !chosen.includes(model)) chosen.push(model);
    }
    company.adopts = chosen.map((model) => models.records[model].id);
    if (chosen.length > 0) company.stages.add('service-delivery');
  }
}
