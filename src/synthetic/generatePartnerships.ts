/**
 * The partnerships phase: supply-chain deals first, then investments, licences and acquisitions, then
 * collaborations up to about 0.8 partnerships per company, all drawn from one stream in that order.
 */
import { dealBook, type DealBook } from './dealBook';
import { capitalDeals } from './capitalDeals';
import { collaborationDeals } from './collaborationDeals';
import type { SyntheticCompanies, SyntheticCompany } from './generateCompanies';
import type { Rng } from './randomStream';
import type { PartnershipRecord } from './seedRecords';
import { supplyChainDeals } from './supplyChainDeals';

/** What each kind of deal draws on: the stream, the book of deals so far, the companies and the company count. */
export interface DealContext {
  rng: Rng;
  book: DealBook;
  companies: SyntheticCompanies;
  /** The developer pool by how many models each develops, most first (prominence breaks ties). */
  byModels: SyntheticCompany[];
  n: number;
}

/** Given the partnerships stream, the companies (with their models and services) and the count, returns the deals. */
export function generatePartnerships(rng: Rng, companies: SyntheticCompanies, n: number): PartnershipRecord[] {
  const byModels = [...companies.developerPool].sort((a, b) => b.modelCount - a.modelCount || a.rank - b.rank);
  const context: DealContext = { rng, book: dealBook(rng), companies, byModels, n };
  supplyChainDeals(context);
  capitalDeals(context);
  collaborationDeals(context);
  return context.book.records;
}
