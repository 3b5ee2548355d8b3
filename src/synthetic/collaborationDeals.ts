/** Collaborations, which fill the partnerships up to about 0.8 per company: prominent companies with anyone. */
import type { SyntheticCompany } from './generateCompanies';
import type { DealContext } from './generatePartnerships';
import { chance, pick } from './randomStream';
import { zipfPicker } from './sampler';

/** Given the deal context, adds collaborations of two parties, and a few consortia of three. */
export function collaborationDeals({ rng, book, companies, byModels, n }: DealContext): void {
  const { chips, cloud, applied } = companies.byRole;
  const prominent = [
    ...cloud,
    ...chips,
    ...byModels.slice(0, Math.max(1, Math.round(byModels.length * 0.2))),
    ...applied.slice(0, Math.max(1, Math.round(applied.length * 0.05))),
  ];
  const drawProminent = zipfPicker(prominent, 0.6, 3);
  const anyone = () => (chance(rng, 0.5) ? drawProminent(rng) : pick(rng, companies.all));
  for (let tries = 0; book.records.length < Math.round(n * 0.8) && tries < 4 * n; tries++) {
    const parties = chance(rng, 0.1) ? [anyone(), anyone(), anyone()] : [drawProminent(rng), anyone()];
    const name =
      parties.length === 2
        ? `${parties[0].name} and ${parties[1].name} collaboration`
        : `${parties[0].name}, ${parties[1].name} and ${parties[2].name} consortium`;
    book.deal(
      'COLLABORATION',
      parties.map((company): [SyntheticCompany, 'partner'] => [company, 'partner']),
      name,
    );
  }
}
