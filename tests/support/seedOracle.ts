/**
 * Expectations computed straight from the seed YAML files, without Neo4j or the server's code, so integration
 * tests can compare what the API answers with what the files say.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../src/config';

/** A reference to another record in a seed file: its id, or an object with the id and details of the link. */
export type SeedRef = string | { id: string };

/** A record of a seed YAML file, with the fields the oracles and tests read typed; the rest left unknown. */
export interface SeedRecord {
  id: string;
  kind?: string;
  country?: string;
  releasedOn?: string;
  announcedOn?: string;
  models?: SeedRef[];
  providers?: SeedRef[];
  developers?: SeedRef[];
  adopts?: SeedRef[];
  stages?: SeedRef[];
  parties?: { company: string; role: string }[];
  [field: string]: unknown;
}

export function seedFile(file: string, dir = path.join(projectRoot, 'seed')): SeedRecord[] {
  return parse(fs.readFileSync(path.join(dir, file), 'utf8')) ?? [];
}

const refId = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);
/** A fact's confidence and sources: the link's own where its ref gives them, else its record's. */
interface Fact {
  confidence: string;
  sourceIds: string[];
}
const factOf = (record: SeedRecord, ref?: SeedRef): Fact => {
  const own = typeof ref === 'object' ? (ref as { confidence?: string; sources?: string[] }) : {};
  return {
    confidence: own.confidence ?? (record.confidence as string | undefined) ?? 'REPORTED',
    sourceIds: own.sources ?? (record.sources as string[]),
  };
};
/** The links of a record's list field: each target's id and the fact the link states. */
const links = (record: SeedRecord, field: string): [string, Fact][] =>
  ((record[field] as SeedRef[] | undefined) ?? []).map((ref) => [refId(ref), factOf(record, ref)]);

export interface OracleEdge {
  from: string;
  to: string;
  relation: string;
}

/** An edge with the partnerships that make it (none for the direct relations) and every fact behind it. */
export interface DatedEdge extends OracleEdge {
  vias: string[];
  facts: Fact[];
}

/** The dependency edges the design defines, read from the seed files: one per (from, relation, to). */
export function seedDependencies(dir?: string): OracleEdge[] {
  return datedDependencies(dir).map(({ from, to, relation }) => ({ from, to, relation }));
}

/** The dependency edges with the partnerships behind each. */
export function datedDependencies(dir?: string): DatedEdge[] {
  const edges = new Map<string, DatedEdge>();
  const add = (from: string, relation: string, to: string, fact: Fact, via?: string) => {
    if (from === to) return;
    const key = `${from} ${relation} ${to}`;
    const edge = edges.get(key) ?? { from, to, relation, vias: [], facts: [] };
    if (via) edge.vias.push(via);
    edge.facts.push(fact);
    edges.set(key, edge);
  };
  for (const service of seedFile('services.yaml', dir)) {
    for (const [model, fact] of links(service, 'models')) add(service.id, 'BUILT_ON', model, fact);
    for (const [provider, fact] of links(service, 'providers')) add(service.id, 'PROVIDED_BY', provider, fact);
  }
  for (const model of seedFile('models.yaml', dir))
    for (const [developer, fact] of links(model, 'developers')) add(model.id, 'DEVELOPED_BY', developer, fact);
  for (const company of seedFile('companies.yaml', dir)) {
    for (const [model, fact] of links(company, 'adopts')) add(company.id, 'ADOPTS', model, fact);
    const parent = company.parent as SeedRef | undefined;
    if (parent !== undefined) add(company.id, 'OWNED_BY', refId(parent), factOf(company, parent));
  }
  const rules: Record<string, [string, string, string]> = {
    INVESTMENT: ['investee', 'investor', 'INVESTED_BY'],
    LICENSING: ['licensee', 'licensor', 'LICENSED_FROM'],
    SUPPLY: ['customer', 'supplier', 'SUPPLIED_BY'],
    CLOUD: ['customer', 'supplier', 'HOSTED_BY'],
    ACQUISITION: ['acquired', 'acquirer', 'OWNED_BY'],
  };
  for (const deal of seedFile('partnerships.yaml', dir)) {
    const rule = rules[deal.kind as string];
    if (!rule) continue;
    const parties = deal.parties as { company: string; role: string }[];
    for (const dependent of parties.filter((party) => party.role === rule[0])) {
      for (const dependency of parties.filter((party) => party.role === rule[1]))
        add(dependent.company, rule[2], dependency.company, factOf(deal), deal.id);
    }
  }
  return [...edges.values()];
}

/**
 * Breadth-first closure from `root` along (upstream) or against (downstream) the edges: every reached id with its
 * fewest steps.
 */
export function closure(
  edges: OracleEdge[],
  root: string,
  direction: 'upstream' | 'downstream',
  maxHops = Infinity,
): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [from, to] = direction === 'upstream' ? [edge.from, edge.to] : [edge.to, edge.from];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const distance = new Map<string, number>([[root, 0]]);
  let frontier = [root];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop += 1) {
    const reached: string[] = [];
    for (const id of frontier) {
      for (const to of next.get(id) ?? []) {
        if (!distance.has(to)) {
          distance.set(to, hop);
          reached.push(to);
        }
      }
    }
    frontier = reached;
  }
  distance.delete(root);
  return distance;
}
