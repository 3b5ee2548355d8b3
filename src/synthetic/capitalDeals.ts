/**
 * Deals of ownership and rights: big tech, clouds and chip designers invest in model developers (the popular ones
 * most), the big developers license their models, and the big buy a few small companies, each at most once.
 */
import { addUpTo } from './dealBook';
import type { SyntheticCompany } from './generateCompanies';
import type { DealContext } from './generatePartnerships';
import { chance, normal, pick } from './randomStream';
import { zipfPicker } from './sampler';
import { twoSignificantDigits } from './twoSignificantDigits';

/** 2.5e9 -> "2.5 billion", 40e6 -> "40 million". */
function moneyText(value: number): string {
  const [unit, scale] = value >= 1e9 ? ['billion', 1e9] : value >= 1e6 ? ['million', 1e6] : ['thousand', 1e3];
  return `${Number((value / scale).toPrecision(3))} ${unit}`;
}

/** Given the deal context, adds the investments, licences and acquisitions. */
export function capitalDeals({ rng, book, companies, byModels, n }: DealContext): void {
  const { chips, cloud, developer, applied } = companies.byRole;
  const developersByModels = byModels.filter((company) => company.role === 'developer');
  const top = new Set(developersByModels.slice(0, Math.max(1, Math.round(developer.length * 0.03))));
  const investors = [...cloud, ...chips.slice(0, Math.max(1, Math.ceil(chips.length / 3))), ...top];
  const drawInvestor = zipfPicker(investors, 0.7, 2);
  const investees = developersByModels.filter((company) => !top.has(company));
  const drawInvestee = zipfPicker(investees, 0.8, 3);
  if (investees.length > 0)
    addUpTo(Math.round(n * 0.1), n, () => {
      const [investor, investee] = [drawInvestor(rng), drawInvestee(rng)];
      const drawn = chance(rng, 0.4) ? twoSignificantDigits(Math.exp(Math.log(5e7) + 1.6 * normal(rng))) : undefined;
      const value = drawn === undefined ? undefined : Math.max(1e5, drawn);
      return book.deal(
        'INVESTMENT',
        [
          [investor, 'investor'],
          [investee, 'investee'],
        ],
        `${investor.name} invests in ${investee.name}`,
        value === undefined ? {} : { valueUsd: value, description: `Synthetic round of USD ${moneyText(value)}.` },
      );
    });

  const drawBigDeveloper = zipfPicker(byModels, 1.0, 2);
  const drawLicensee = zipfPicker([...applied, ...developer], 0.5, 10);
  addUpTo(Math.round(n * 0.08), n, () => {
    const [licensor, licensee] = [drawBigDeveloper(rng), drawLicensee(rng)];
    return book.deal(
      'LICENSING',
      [
        [licensor, 'licensor'],
        [licensee, 'licensee'],
      ],
      `${licensor.name} licenses models to ${licensee.name}`,
    );
  });

  const acquired = new Set<SyntheticCompany>();
  const acquirers = [...cloud, ...top, ...applied.slice(0, Math.max(1, Math.round(applied.length * 0.01)))];
  const drawAcquirer = zipfPicker(acquirers, 0.8, 2);
  const targets = [
    ...applied.slice(Math.round(applied.length * 0.2)),
    ...investees.slice(Math.round(investees.length * 0.3)),
  ];
  if (targets.length > 0)
    addUpTo(Math.round(n * 0.01), n, () => {
      const [acquirer, target] = [drawAcquirer(rng), pick(rng, targets)];
      if (acquired.has(target) || acquirers.includes(target)) return false;
      const made = book.deal(
        'ACQUISITION',
        [
          [acquirer, 'acquirer'],
          [target, 'acquired'],
        ],
        `${acquirer.name} acquires ${target.name}`,
        { announced: 0.95 },
      );
      if (made) acquired.add(target);
      return made;
    });
}
