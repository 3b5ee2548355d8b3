import { partnershipNetwork } from '../src/analytics/network';
import type { NetworkDeal } from '../src/analytics/network';

const party = (id: string, role: string, country: string | null = 'US') => ({
  id,
  name: id.toUpperCase(),
  country,
  role,
});
const deals: NetworkDeal[] = [
  { id: 'inv', kind: 'INVESTMENT', announcedOn: '2023-01', parties: [party('b', 'investee'), party('a', 'investor')] },
  {
    id: 'col',
    kind: 'COLLABORATION',
    announcedOn: null,
    parties: [party('c', 'partner', 'KR'), party('b', 'partner'), party('d', 'partner', null)],
  },
  {
    id: 'sup',
    kind: 'SUPPLY',
    announcedOn: '2020',
    parties: [party('d', 'customer', null), party('e', 'supplier', 'TW')],
  },
];
const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

describe('partnershipNetwork', () => {
  it('makes an edge for every pair of parties, from the giving party, and sizes nodes by degree', () => {
    const network = partnershipNetwork(deals, { depth: 1 });
    expect(network.edges.map((e) => [e.id, e.source, e.target, e.partnershipKind, e.weight])).toEqual([
      ['col:b:c', 'b', 'c', 'COLLABORATION', 1],
      ['col:b:d', 'b', 'd', 'COLLABORATION', 1],
      ['col:c:d', 'c', 'd', 'COLLABORATION', 1],
      ['inv:a:b', 'a', 'b', 'INVESTMENT', 1],
      ['sup:e:d', 'e', 'd', 'SUPPLY', 1],
    ]);
    expect(Object.fromEntries(network.nodes.map((n) => [n.id, [n.size, n.group, n.label]]))).toEqual({
      a: [1, 'US', 'A'],
      b: [3, 'US', 'B'],
      c: [2, 'KR', 'C'],
      d: [3, null, 'D'],
      e: [1, 'TW', 'E'],
    });
    expect(network.nodes.map((n) => n.size)).toEqual([3, 3, 2, 1, 1]);
  });

  it('filters edges by kind and by asOf (undated partnerships left out), dropping companies left without edges', () => {
    expect(ids(partnershipNetwork(deals, { kinds: ['INVESTMENT', 'SUPPLY'], depth: 1 }).nodes)).toEqual([
      'a',
      'b',
      'd',
      'e',
    ]);
    const early = partnershipNetwork(deals, { asOf: '2022', depth: 1 });
    expect(ids(early.edges)).toEqual(['sup:e:d']);
    expect(ids(early.nodes)).toEqual(['d', 'e']);
  });

  it('keeps what lies within depth hops of the asked companies, and the asked ones even when isolated', () => {
    expect(ids(partnershipNetwork(deals, { companies: ['a'], depth: 1 }).nodes)).toEqual(['a', 'b']);
    expect(ids(partnershipNetwork(deals, { companies: ['a'], depth: 2 }).nodes)).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(partnershipNetwork(deals, { companies: ['a'], depth: 3 }).edges)).toEqual([
      'col:b:c',
      'col:b:d',
      'col:c:d',
      'inv:a:b',
      'sup:e:d',
    ]);
    const alone = partnershipNetwork(
      deals,
      { companies: ['z'], depth: 2 },
      new Map([['z', { name: 'Zed', nameKo: '제드', country: 'DE' }]]),
    );
    expect(alone).toEqual({
      nodes: [{ id: 'z', label: 'Zed', labelKo: '제드', kind: 'COMPANY', group: 'DE', size: 0 }],
      edges: [],
    });
  });

  it('keeps nothing for an empty list of kinds or companies, and everything for null', () => {
    const empty = { nodes: [], edges: [] };
    expect(partnershipNetwork(deals, { kinds: [], depth: 1 })).toEqual(empty);
    expect(partnershipNetwork(deals, { companies: [], depth: 1 })).toEqual(empty);
    expect(partnershipNetwork(deals, { companies: [], kinds: null, depth: 3 })).toEqual(empty);
    expect(ids(partnershipNetwork(deals, { kinds: null, companies: null, depth: 1 }).edges)).toHaveLength(5);
  });
});
