/**
 * The last phase: each company's record, once the other phases have given it its stages and adoptions, with a
 * country, a market cap for the prominent ones (falling with rank in their role) and a description.
 */
import { SOURCES, STAGE_ORDER } from './fixedRecords';
import type { Role, SyntheticCompany } from './generateCompanies';
import { chance, normal, type Rng } from './randomStream';
import { weighted } from './sampler';
import type { CompanyRecord } from './seedRecords';
import { twoSignificantDigits } from './twoSignificantDigits';

const COUNTRIES: Record<Role, (rng: Rng) => string> = {
  foundry: weighted({ TW: 5, KR: 3, US: 2, CN: 2, JP: 1 }),
  memory: weighted({ KR: 5, US: 3, JP: 2, CN: 2, TW: 1 }),
  chips: weighted({ US: 10, CN: 4, TW: 2, KR: 2, IL: 2, GB: 1, CA: 1, JP: 1 }),
  cloud: weighted({ US: 8, CN: 4, KR: 2, DE: 1, FR: 1, JP: 1, IN: 1, GB: 1 }),
  developer: weighted({
    ...{ US: 30, CN: 14, GB: 6, FR: 5, KR: 5, DE: 4, CA: 4 },
    ...{ IL: 3, JP: 3, IN: 3, SG: 2, CH: 2, AE: 1, SE: 1 },
  }),
  applied: weighted({
    ...{ US: 30, CN: 12, GB: 7, DE: 6, IN: 6, FR: 5, KR: 5, JP: 5, CA: 4 },
    ...{ IL: 3, TW: 2, SG: 2, NL: 2, SE: 2, ES: 2, AU: 2, BR: 2 },
  }),
};

const ROLE_WORD: Record<Role, string> = {
  foundry: 'semiconductor foundry',
  memory: 'memory and storage maker',
  chips: 'AI-chip designer',
  cloud: 'cloud provider',
  developer: 'foundation-model developer',
  applied: 'AI service provider and adopter',
};

/** The probability of a market cap, and the median cap (USD bn) of the role's most prominent company. */
const MARKET_CAP: Record<Role, { p: number; top: number }> = {
  foundry: { p: 0.9, top: 500 },
  memory: { p: 0.9, top: 300 },
  chips: { p: 0.8, top: 900 },
  cloud: { p: 0.8, top: 1500 },
  developer: { p: 0.12, top: 300 },
  applied: { p: 0.09, top: 120 },
};

function initials(name: string): string {
  return name
    .split(' ')
    .map((word) => word[0])
    .join('')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A market cap in USD bn to one decimal, or undefined for a company too small to be listed in a source. */
function marketCap(rng: Rng, company: SyntheticCompany): number | undefined {
  const cap = MARKET_CAP[company.role];
  // The five biggest of each infrastructure and developer role are always listed.
  if (!chance(rng, company.rank < 5 && company.role !== 'applied' ? 1 : cap.p)) return undefined;
  const median = company.role === 'applied' ? 5 : cap.top / (company.rank + 1) ** 0.8;
  const value = Math.exp(Math.log(median) + (company.role === 'applied' ? 1.5 : 0.4) * normal(rng));
  return Math.max(0.1, Math.round(twoSignificantDigits(value) * 10) / 10);
}

/** Given the company-records stream and the companies, returns their records in id order. */
export function companyRecords(rng: Rng, companies: SyntheticCompany[]): CompanyRecord[] {
  return companies.map((company) => {
    const aliases = chance(rng, 0.05) ? [initials(company.name)] : undefined;
    const country = chance(rng, 0.97) ? COUNTRIES[company.role](rng) : undefined;
    const cap = marketCap(rng, company);
    // An applied company no phase gave a stage is still, half the time, a company that delivers AI services.
    if (company.role === 'applied' && company.stages.size === 0 && chance(rng, 0.5))
      company.stages.add('service-delivery');
    return {
      id: company.id,
      name: company.name,
      ...(aliases ? { aliases } : {}),
      ...(country ? { country } : {}),
      ...(cap === undefined ? {} : { marketCapUsdBn: cap, marketCapAsOf: '2023-06-07' }),
      description: `Synthetic ${ROLE_WORD[company.role]}${country ? ` based in ${country}` : ''}.`,
      ...(company.stages.size > 0
        ? { stages: [...company.stages].sort((a, b) => STAGE_ORDER.get(a)! - STAGE_ORDER.get(b)!) }
        : {}),
      ...(company.adopts.length > 0 ? { adopts: company.adopts } : {}),
      sources: SOURCES,
    };
  });
}
