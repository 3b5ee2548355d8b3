import { onOrBefore } from '../src/analytics/partialDate';
import { codeOf, startSeededServer } from './support/graphqlClient';
import { seedFile } from './support/seedOracle';

let server: Awaited<ReturnType<typeof startSeededServer>>;
beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server.close());

const deals = seedFile('partnerships.yaml') as {
  id: string;
  kind: string;
  announcedOn?: string;
  parties: { company: string }[];
}[];
const query = `query($companies: [ID!], $kinds: [PartnershipKind!], $asOf: PartialDate, $depth: Int) {
  partnershipNetwork(companies: $companies, kinds: $kinds, asOf: $asOf, depth: $depth) {
    nodes { id label labelKo kind group size } edges { id source target partnershipKind announcedOn weight }
  }
}`;
type Net = {
  nodes: { id: string; size: number; kind: string; group: string | null; label: string; labelKo: string | null }[];
  edges: { id: string; source: string; target: string }[];
};
const network = async (variables: Record<string, unknown>): Promise<Net> =>
  (await server.ok(query, variables)).partnershipNetwork;

/** Edges as the seed files define them: every pair of parties of every kept partnership. */
function expectedEdges(keep: (deal: (typeof deals)[number]) => boolean): string[] {
  return deals.filter(keep).flatMap((deal) => {
    const parties = deal.parties.map((p) => p.company).sort();
    return parties.flatMap((a, i) => parties.slice(i + 1).map((b) => `${deal.id} ${a} ${b}`));
  });
}
const pairs = (net: Net) =>
  net.edges.map((e) => `${e.id.split(':')[0]} ${[e.source, e.target].sort().join(' ')}`).sort();

it('gives every pair of parties of every partnership an edge, and every company its degree', async () => {
  const net = await network({});
  expect(pairs(net)).toEqual(expectedEdges(() => true).sort());
  const degree = new Map<string, number>();
  for (const edge of net.edges) for (const id of [edge.source, edge.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  expect(net.nodes.map((n) => [n.id, n.size]).sort()).toEqual([...degree].sort());
  const companies = new Map(seedFile('companies.yaml').map((c) => [c.id as string, c]));
  for (const node of net.nodes) {
    const company = companies.get(node.id)!;
    expect([node.id, node.kind, node.group, node.label, node.labelKo]).toEqual([
      node.id,
      'COMPANY',
      company.country ?? null,
      company.name,
      company.nameKo ?? null,
    ]);
  }
  // The Korean names are there for the companies that have one (OpenAI's 오픈AI among them).
  expect(net.nodes.find((node) => node.id === 'openai')?.labelKo).toBe('오픈AI');
});

it('filters by kind and asOf', async () => {
  const kinds = ['INVESTMENT', 'SUPPLY'];
  expect(pairs(await network({ kinds }))).toEqual(expectedEdges((d) => kinds.includes(d.kind)).sort());
  expect(pairs(await network({ asOf: '2020' }))).toEqual(
    expectedEdges((d) => !!d.announcedOn && onOrBefore(d.announcedOn, '2020')).sort(),
  );
});

it("gives every edge its deal's name, date, value, confidence and sources", async () => {
  const seeded = seedFile('partnerships.yaml') as {
    id: string;
    name: string;
    announcedOn?: string;
    valueUsd?: number;
    confidence: string;
    sources: string[];
  }[];
  const data = await server.ok(`{ partnershipNetwork {
    edges { id partnershipId name announcedOn valueUsd confidence partnership { id sources { id } } }
  } }`);
  const edges = data.partnershipNetwork.edges as {
    id: string;
    partnershipId: string;
    partnership: { id: string; sources: { id: string }[] };
  }[];
  expect(edges.length).toBeGreaterThan(0);
  for (const edge of edges) {
    const deal = seeded.find((d) => d.id === edge.partnershipId)!;
    expect(edge).toEqual({
      id: expect.stringMatching(new RegExp(`^${deal.id}:`)),
      partnershipId: deal.id,
      name: deal.name,
      announcedOn: deal.announcedOn ?? null,
      valueUsd: deal.valueUsd ?? null,
      confidence: deal.confidence,
      partnership: { id: deal.id, sources: expect.arrayContaining(deal.sources.map((id) => ({ id }))) },
    });
  }
  expect(edges.some((edge) => (edge as unknown as { valueUsd: number | null }).valueUsd !== null)).toBe(true);
  expect(edges.some((edge) => (edge as unknown as { confidence: string }).confidence === 'UNCERTAIN')).toBe(true);
});

it('matches nothing for an empty list of kinds or companies, and everything for null', async () => {
  const everything = pairs(await network({ kinds: null, companies: null }));
  expect(everything).toEqual(expectedEdges(() => true).sort());
  for (const variables of [{ kinds: [] }, { companies: [] }, { companies: [], depth: 3 }, { kinds: [], asOf: '2023' }])
    expect(await network(variables)).toEqual({ nodes: [], edges: [] });
});

it('keeps what lies within depth hops of the asked companies', async () => {
  const partnersOf = (ids: Set<string>) =>
    new Set(
      deals.filter((d) => d.parties.some((p) => ids.has(p.company))).flatMap((d) => d.parties.map((p) => p.company)),
    );
  const one = partnersOf(new Set(['microsoft']));
  expect((await network({ companies: ['microsoft'] })).nodes.map((n) => n.id).sort()).toEqual([...one].sort());
  const two = partnersOf(one);
  const net = await network({ companies: ['microsoft'], depth: 2 });
  expect(net.nodes.map((n) => n.id).sort()).toEqual([...two].sort());
  expect(net.edges.every((e) => two.has(e.source) && two.has(e.target))).toBe(true);
});

it.each([
  ['depth: 0', { depth: 0 }, 'BAD_USER_INPUT'],
  ['depth: 4', { companies: ['naver'], depth: 4 }, 'BAD_USER_INPUT'],
  ['an unknown company', { companies: ['no-such-company'] }, 'NOT_FOUND'],
  ['a model id as a company', { companies: ['gpt-4'] }, 'NOT_FOUND'],
])('%s is refused', async (_name, variables, code) => {
  const response = await server.gql(query, variables);
  expect(response.data ?? null).toBeNull();
  expect(codeOf(response)).toBe(code);
});
