/**
 * Deals along the supply chain, which make dependencies point one way: foundries and memory makers supply chip
 * designers, chip designers supply clouds, clouds host model developers and some service providers, and data
 * vendors sell training data to the big developers. A dominant chip designer, foundry and memory maker, as in reality.
 */
import type { SyntheticCompany } from './generateCompanies';
import { addUpTo, type DealBook } from './dealBook';
import type { DealContext } from './generatePartnerships';
import { chance, int } from './randomStream';
import { zipfPicker } from './sampler';

/** Given the deal context, adds the supply and cloud deals; marks the data vendors as in the data stage. */
export function supplyChainDeals({ rng, book, companies, byModels, n }: DealContext): void {
  const { foundry, memory, chips, cloud, developer, applied } = companies.byRole;
  const drawChips = zipfPicker(chips, 1.6);
  const drawFoundry = zipfPicker(foundry, 1.6);
  const drawMemory = zipfPicker(memory, 1.2);
  const drawCloud = zipfPicker(cloud, 1.3);
  const supply = (supplier: SyntheticCompany, customer: SyntheticCompany, what: string) =>
    twoParty(book, 'SUPPLY', supplier, customer, `${supplier.name} supplies ${what} to ${customer.name}`, 0.7);
  const host = (customer: SyntheticCompany) => {
    const supplier = drawCloud(rng);
    return twoParty(book, 'CLOUD', supplier, customer, `${customer.name} runs on ${supplier.name}`, 0.75);
  };
  for (const designer of chips) {
    // Every chip designer makes its chips at a foundry and buys memory.
    addUpTo(chance(rng, 0.35) ? 2 : 1, 10, () => supply(drawFoundry(rng), designer, 'wafer manufacturing'));
    addUpTo(chance(rng, 0.5) ? 2 : 1, 10, () => supply(drawMemory(rng), designer, 'high-bandwidth memory'));
  }
  for (const maker of memory) if (chance(rng, 0.4)) supply(drawFoundry(rng), maker, 'logic-die manufacturing');
  for (const provider of cloud) {
    addUpTo(int(rng, 1, 3), 10, () => supply(drawChips(rng), provider, 'AI accelerators'));
    if (chance(rng, 0.5)) supply(drawMemory(rng), provider, 'memory and storage');
  }
  // Every developer that is not itself a cloud provider runs on one, and so do some service providers.
  for (const lab of developer) addUpTo(chance(rng, 0.25) ? 2 : 1, 10, () => host(lab));
  for (const company of applied) if (company.serviceCount > 0 && chance(rng, 0.25)) host(company);
  for (const lab of developer)
    if (lab.modelCount > 2 && chance(rng, 0.3)) supply(drawChips(rng), lab, 'AI accelerators');

  // Data vendors are applied companies with no services and no adoptions.
  const vendors = applied
    .filter((company) => company.serviceCount === 0 && company.adopts.length === 0)
    .slice(0, Math.max(1, Math.round(n * 0.02)));
  for (const vendor of vendors) vendor.stages.add('data');
  if (vendors.length === 0) return;
  const drawVendor = zipfPicker(vendors, 0.8, 2);
  const drawBigDeveloper = zipfPicker(byModels, 1.0, 2);
  addUpTo(Math.round(n * 0.05), n, () => supply(drawVendor(rng), drawBigDeveloper(rng), 'training data'));
}

/** Adds a supplier-customer deal (SUPPLY or CLOUD); says whether it was new. */
function twoParty(
  book: DealBook,
  kind: 'SUPPLY' | 'CLOUD',
  supplier: SyntheticCompany,
  customer: SyntheticCompany,
  name: string,
  announced: number,
): boolean {
  return book.deal(
    kind,
    [
      [supplier, 'supplier'],
      [customer, 'customer'],
    ],
    name,
    { announced },
  );
}
