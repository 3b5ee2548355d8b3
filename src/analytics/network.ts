/** The partnership network: companies as nodes, one edge per pair of parties of each partnership. */
import { existedOn } from './partialDate';

export interface NetworkParty {
  id: string;
  name: string;
  /** The Korean name, where the graph has one. */
  nameKo?: string | null;
  country: string | null;
  role: string;
}

export interface NetworkDeal {
  id: string;
  kind: string;
  /** The deal's name, value and confidence: absent in tests that need only its shape. */
  name?: string;
  announcedOn: string | null;
  valueUsd?: number | null;
  confidence?: string;
  parties: NetworkParty[];
}

export interface NetworkQuestion {
  /** Keep what lies within `depth` partnership hops of these companies; all when null, none when empty. */
  companies?: readonly string[] | null;
  /** Keep partnerships of these kinds; all when null, none when empty. */
  kinds?: readonly string[] | null;
  /** Only partnerships announced on or before it (undated ones are left out). */
  asOf?: string | null;
  depth: number;
}

export interface NetworkNodeRow {
  id: string;
  label: string;
  labelKo: string | null;
  kind: 'COMPANY';
  group: string | null;
  size: number;
}

export interface NetworkEdgeRow {
  id: string;
  source: string;
  target: string;
  partnershipId: string;
  partnershipKind: string;
  name: string;
  announcedOn: string | null;
  valueUsd: number | null;
  confidence: string | null;
  weight: number;
}

/** What a node shows of a company. */
export type NetworkCompany = Pick<NetworkParty, 'name' | 'nameKo' | 'country'>;

/** Roles that give something to the other party: the edge points from them (investor -> investee). */
const GIVING_ROLES = new Set(['investor', 'licensor', 'supplier', 'acquirer']);

/**
 * Given the partnerships and a question, returns the network: an edge for each pair of parties of each kept
 * partnership (from the giving party when roles say so, else in id order; weight 1), and as nodes the companies on
 * kept edges plus the asked-for companies, sized by their degree and grouped by country. With `companies`, only the
 * companies within `depth` hops of them and the edges among those are kept. An empty list of kinds or companies
 * keeps nothing: only null (or absent) means no filter.
 */
export function partnershipNetwork(
  deals: readonly NetworkDeal[],
  question: NetworkQuestion,
  /** Names (English and Korean) and countries of companies that may be in no partnership (the asked-for ones). */
  directory: ReadonlyMap<string, NetworkCompany> = new Map(),
): { nodes: NetworkNodeRow[]; edges: NetworkEdgeRow[] } {
  const kinds = question.kinds ? new Set(question.kinds) : null;
  const companies = new Map<string, NetworkCompany>(directory);
  let edges: NetworkEdgeRow[] = [];
  for (const deal of deals) {
    for (const party of deal.parties) companies.set(party.id, party);
    if ((kinds && !kinds.has(deal.kind)) || !existedOn(deal.announcedOn, question.asOf)) continue;
    const parties = [...deal.parties].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 0; i < parties.length; i += 1) {
      for (let j = i + 1; j < parties.length; j += 1) {
        const [a, b] =
          GIVING_ROLES.has(parties[j].role) && !GIVING_ROLES.has(parties[i].role)
            ? [parties[j], parties[i]]
            : [parties[i], parties[j]];
        if (a.id === b.id) continue;
        edges.push({
          id: `${deal.id}:${a.id}:${b.id}`,
          source: a.id,
          target: b.id,
          partnershipId: deal.id,
          partnershipKind: deal.kind,
          name: deal.name ?? deal.id,
          announcedOn: deal.announcedOn,
          valueUsd: deal.valueUsd ?? null,
          confidence: deal.confidence ?? null,
          weight: 1,
        });
      }
    }
  }
  let keep: Set<string>;
  if (question.companies) {
    const neighbours = new Map<string, string[]>();
    const link = (from: string, to: string) => {
      const list = neighbours.get(from);
      if (list) list.push(to);
      else neighbours.set(from, [to]);
    };
    for (const edge of edges) {
      link(edge.source, edge.target);
      link(edge.target, edge.source);
    }
    keep = new Set(question.companies);
    let frontier = [...keep];
    for (let hop = 0; hop < question.depth && frontier.length > 0; hop += 1) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const other of neighbours.get(id) ?? []) {
          if (keep.has(other)) continue;
          keep.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
    edges = edges.filter((edge) => keep.has(edge.source) && keep.has(edge.target));
  } else {
    keep = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  }
  const degree = new Map<string, number>();
  for (const edge of edges) for (const id of [edge.source, edge.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const nodes = [...keep]
    .filter((id) => companies.has(id))
    .map((id) => ({
      id,
      label: companies.get(id)!.name,
      labelKo: companies.get(id)!.nameKo ?? null,
      kind: 'COMPANY' as const,
      group: companies.get(id)!.country ?? null,
      size: degree.get(id) ?? 0,
    }))
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  return { nodes, edges: edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
