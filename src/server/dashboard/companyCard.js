/* The card of a company clicked in the partnership network, from company(id:). */
import { graphql } from './api.js';
import { element } from './dom.js';
import { countryName, displayName, measureValue, number } from './format.js';
import { linked } from './sourceLinks.js';

const card = { element: document.getElementById('company-card'), ticket: 0 };

/** Loads and shows the card of the company with this id; only the latest click is drawn. */
export function showCompany(id) {
  card.element.dataset.company = id;
  const ticket = (card.ticket += 1);
  card.element.textContent = '';
  card.element.append(element('p', 'status', 'Loading…'));
  graphql('CompanyCard', { id }).then(
    (data) => {
      if (ticket === card.ticket) drawCard(data.company, id);
    },
    (error) => {
      if (ticket !== card.ticket) return;
      card.element.textContent = '';
      const box = element('div', 'error');
      box.append(element('strong', '', error.code), ' ', error.message);
      card.element.append(box);
    },
  );
}

function drawCard(company, id) {
  card.element.textContent = '';
  if (!company) {
    card.element.append(element('p', 'hint', `No company has id "${id}".`));
    return;
  }
  card.element.append(element('h3', 'name', displayName(company)));
  const facts = [countryName(company.country)];
  if (company.marketCapUsdBn !== null)
    facts.push(`market cap USD ${number.format(company.marketCapUsdBn)} bn (${company.marketCapAsOf})`);
  card.element.append(element('p', 'facts', facts.join(' · ')));
  if (company.description) card.element.append(element('p', 'description', company.description));
  const stages = [...company.stages].sort((a, b) => a.order - b.order);
  appendList(
    'Models',
    company.models.map((model) => displayName(model) + (model.releasedOn ? `, ${model.releasedOn}` : '')),
  );
  appendList('Services', company.services.map(displayName));
  appendPartners(company);
  appendCompute(company.computeHoldings);
  appendOffers(company.offers);
  appendList('Value-chain stages', stages.map(displayName));
  appendSources(company.sources);
}

/** The company's partnerships, one line per deal with the other parties; UNCERTAIN deals marked. */
function appendPartners(company) {
  const deals = [...company.partnerships].sort(
    (a, b) => String(b.announcedOn || '').localeCompare(String(a.announcedOn || '')) || a.name.localeCompare(b.name),
  );
  const partners = new Set();
  for (const deal of deals)
    for (const party of deal.parties) if (party.company.id !== company.id) partners.add(party.company.id);
  card.element.append(element('h4', '', `Partners (${partners.size}, in ${deals.length} partnerships)`));
  if (deals.length === 0) {
    card.element.append(element('p', 'hint', 'none in the graph'));
    return;
  }
  const list = element('ul', 'partners');
  for (const deal of deals) {
    const others = deal.parties.filter((party) => party.company.id !== company.id);
    const item = element('li', deal.confidence === 'UNCERTAIN' ? 'uncertain' : '');
    item.dataset.deal = deal.id;
    item.append(
      others.map((party) => `${displayName(party.company)} (${party.role})`).join(', ') +
        ` · ${deal.partnershipKind.toLowerCase()}, ${deal.announcedOn || 'undated'}`,
    );
    if (deal.confidence === 'UNCERTAIN') item.append(' ', element('span', 'hedge', 'uncertain'));
    item.title = deal.name;
    list.append(item);
  }
  card.element.append(list);
}

/** The AI accelerators the company owns, one line per vendor: estimate, range, chips, date and source. */
function appendCompute(holdings) {
  card.element.append(element('h4', '', `AI compute owned (${holdings.length} vendors)`));
  if (holdings.length === 0) {
    card.element.append(element('p', 'hint', 'no estimate in the graph'));
    return;
  }
  const list = element('ul', 'compute');
  for (const holding of holdings) {
    const item = element('li');
    item.dataset.vendor = holding.vendor.id;
    const parts = [`${displayName(holding.vendor)}: ${measureValue('COMPUTE', holding.h100Equivalents)}`];
    if (holding.h100EquivalentsLow !== null && holding.h100EquivalentsHigh !== null)
      parts[0] +=
        ` (90 % interval ${measureValue('COMPUTE', holding.h100EquivalentsLow)} to ` +
        `${measureValue('COMPUTE', holding.h100EquivalentsHigh)})`;
    if (holding.units !== null) parts.push(`${number.format(holding.units)} chips`);
    parts.push(`as of ${holding.asOf}`);
    item.append(`${parts.join(' · ')} · `, linked(holding.source.name, holding.source.url));
    list.append(item);
  }
  card.element.append(list);
}

/** Offers shown before the rest fold away. */
const OFFERS_SHOWN = 10;

/** The models the company serves as an inference provider, with prices per million tokens and context windows. */
function appendOffers(offers) {
  card.element.append(element('h4', '', `Models offered as an inference provider (${offers.length})`));
  if (offers.length === 0) {
    card.element.append(element('p', 'hint', 'none in the graph'));
    return;
  }
  const price = (value) => (value === null ? 'not given' : `USD ${number.format(value)}`);
  const line = (offer) => {
    const item = element('li');
    item.dataset.model = offer.model.id;
    const parts = [
      `${displayName(offer.model)} as ${offer.providerModelId}`,
      `input ${price(offer.inputUsdPerMTok)}, output ${price(offer.outputUsdPerMTok)} per million tokens`,
    ];
    if (offer.contextTokens !== null) parts.push(`${number.format(offer.contextTokens)} tokens of context`);
    item.append(parts.join(' · '));
    item.title = `Source: ${offer.source.name}`;
    return item;
  };
  const list = element('ul', 'offers');
  for (const offer of offers.slice(0, OFFERS_SHOWN)) list.append(line(offer));
  card.element.append(list);
  if (offers.length > OFFERS_SHOWN) {
    const more = element('details', 'more-offers');
    more.append(element('summary', '', `${offers.length - OFFERS_SHOWN} more`));
    const rest = element('ul', 'offers');
    for (const offer of offers.slice(OFFERS_SHOWN)) rest.append(line(offer));
    more.append(rest);
    card.element.append(more);
  }
  const sources = [...new Set(offers.map((offer) => offer.source.name))];
  card.element.append(element('p', 'hint offers-source', `Offers as stated by ${sources.join(', ')}`));
}

function appendList(title, items) {
  card.element.append(element('h4', '', `${title} (${items.length})`));
  if (items.length === 0) {
    card.element.append(element('p', 'hint', 'none in the graph'));
    return;
  }
  const list = element('ul');
  for (const item of items) list.append(element('li', '', item));
  card.element.append(list);
}

/** Sources as text with their URL as a link (opened by the reader, never fetched by the page). */
function appendSources(sources) {
  card.element.append(element('h4', '', `Sources (${sources.length})`));
  const list = element('ul', 'sources');
  for (const source of sources) {
    const item = element('li');
    const details = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
    item.append(source.name + (details ? ` (${details})` : ''));
    if (source.url) item.append(' ', linked(source.url, source.url));
    list.append(item);
  }
  card.element.append(list);
}
