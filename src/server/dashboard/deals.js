/* Every partnership with what the page shows of it (deal, date, value, confidence, sources), loaded once and shared
 * by the network, which dashes the UNCERTAIN ones, and the company card. */
import { graphql } from './api.js';
import { element } from './dom.js';
import { number } from './format.js';
import { describeSources } from './sourceLinks.js';

let loading;

/** Every partnership by id (pages of partnerships(first: 50) followed to the end), requested once. */
export function allDeals() {
  if (!loading)
    loading = (async () => {
      const deals = new Map();
      let after = null;
      do {
        const page = (await graphql('PartnershipDetails', { after })).partnerships;
        for (const deal of page.nodes) deals.set(deal.id, deal);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return deals;
    })();
  return loading;
}

/** The partnership of a network edge: its id is "<partnership>:<source>:<target>". */
export function dealIdOfEdge(edgeId) {
  return edgeId.split(':').slice(0, -2).join(':');
}

/** "USD 10,000 m" for a deal's value; "value not disclosed" without one. */
export function dealValue(deal) {
  if (deal.valueUsd === null || deal.valueUsd === undefined) return 'value not disclosed';
  return deal.valueUsd >= 1e9
    ? `USD ${number.format(deal.valueUsd / 1e9)} bn`
    : `USD ${number.format(deal.valueUsd / 1e6)} m`;
}

/** A deal's parties as "Microsoft (investor), OpenAI (investee)". */
export function dealParties(deal) {
  return deal.parties.map((party) => `${party.company.name} (${party.role})`).join(', ');
}

/** A deal described for a reader: name, kind, parties, date, value, confidence (UNCERTAIN marked) and sources. */
export function describeDeal(deal) {
  const box = element('div', `deal${deal.confidence === 'UNCERTAIN' ? ' uncertain' : ''}`);
  box.dataset.deal = deal.id;
  box.append(element('strong', 'deal-name', deal.name));
  if (deal.confidence === 'UNCERTAIN') box.append(' ', element('span', 'hedge', 'uncertain'));
  const facts = [
    deal.partnershipKind.toLowerCase(),
    deal.announcedOn ? `announced ${deal.announcedOn}` : 'date unknown',
    dealValue(deal),
    `confidence: ${deal.confidence.toLowerCase()}`,
  ];
  box.append(element('p', 'facts', facts.join(' · ')), element('p', 'parties', dealParties(deal)));
  box.append(...describeSources(deal.sources));
  return box;
}
