import { cypherFile } from '../db/cypherFile';
import { RequestBookmarks, type CypherTrace, type Params, type QueryRunner } from '../db/queryRunner';
import type { MarketData } from '../analytics/concentration';
import type { ConcentrationMeasure } from '../domain/enums';
import { GRAPH, dependencyRelations, type Label } from '../domain/graphModel';
import { CompactDependencies, Step, stepsAmong, walkDistances } from '../analytics/dependencyGraph';
import { mergeParallelRelations, type ParallelRelations, type RelationFact } from '../analytics/mergeParallelRelations';
import type { NetworkDeal } from '../analytics/network';
import type { SnapshotCache } from '../analytics/snapshotCache';
import { EntityRow, toEntity } from './entityRepository';

/** The longest dependency walk the API allows, and the most paths one request may ask for. */
export const MAX_HOPS = 8;
export const MAX_PATHS = 100;

/**
 * The relations a DEPENDS_ON may carry, in the order a path step lists them: those only relationships give first, then
 * the partnerships' in the model's order, so a relation both give (OWNED_BY, SUPPLIED_BY, HOSTED_BY) keeps its place.
 */
const PARTNERSHIP_RELATIONS = GRAPH.partnershipDependencies.map((rule): string => rule.relation);
const DEPENDENCY_RELATIONS = [
  ...dependencyRelations(GRAPH).filter((relation) => !PARTNERSHIP_RELATIONS.includes(relation)),
  ...PARTNERSHIP_RELATIONS,
];
const rank = (relation: string) => DEPENDENCY_RELATIONS.indexOf(relation);

export interface Reached {
  entity: EntityRow;
  distance: number;
}

export interface Closure {
  root: EntityRow;
  /** Everything reached, with its fewest-step distance from the root. */
  nodes: Reached[];
}

export interface PathRows {
  fromFound: boolean;
  toFound: boolean;
  /** Each route's entities in order, and for each step every relation between its two entities, as one. */
  paths: { entities: EntityRow[]; steps: ParallelRelations[] }[];
}

/** One step among entities: `from` depends on `to` by its relations (one, in a walk). */
export interface StepRow extends ParallelRelations {
  from: string;
  to: string;
}

type NodeRow = { node: Record<string, unknown>; label: Label };

/** The dependency graph, and the result some server stored for the key asked about with the digest of its inputs. */
export interface SharedInputs {
  graph: CompactDependencies;
  shared?: { inputs: string; result: string };
}

/** Writes a validated integer into a Cypher template where Cypher accepts only literals. */
function withInteger(template: string, placeholder: string, value: number, max: number): string {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new RangeError(`${placeholder} must be an integer from 1 to ${max}, got ${value}`);
  return template.replaceAll(placeholder, String(value));
}

/**
 * Reads what the analytics need: dependency walks run in Neo4j and return their entities in the same statement;
 * whole-graph measures read compact facts, and their results are remembered while the database is unchanged.
 */
export class AnalyticsRepository {
  private version?: Promise<string>;

  constructor(
    private readonly runner: QueryRunner,
    private readonly trace: CypherTrace,
    private readonly cache: SnapshotCache,
  ) {}

  /**
   * Returns what `compute` gives for `key` on the database as it is now, computing it only when the database changed
   * since.
   */
  async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    this.version ??= this.runner.version(this.trace);
    return this.cache.remember(await this.version, key, compute);
  }

  /**
   * The first `first` dependency routes from one entity to another, shortest first, none visiting an entity twice:
   * paths through the same entities are one route, with every relation of each step (in the model's order of dependency
   * relations), the strongest of their confidences and all their sources.
   */
  async dependencyPaths(from: string, to: string, maxHops: number, first: number): Promise<PathRows> {
    const query = withInteger(
      withInteger(cypherFile('analytics/dependency-paths'), '__MAX_HOPS__', maxHops, MAX_HOPS),
      '__FIRST__',
      first,
      MAX_PATHS,
    );
    const [row] = await this.read(query, { from, to });
    const routes = new Map<string, { entities: EntityRow[]; facts: RelationFact[][] }>();
    for (const { nodes, steps } of row.paths as { nodes: NodeRow[]; steps: RelationFact[] }[]) {
      const key = nodes.map(({ node }) => node.id).join('\u0000');
      const route = routes.get(key);
      if (route) steps.forEach((fact, step) => route.facts[step].push(fact));
      else if (routes.size < first)
        routes.set(key, {
          entities: nodes.map(({ node, label }) => toEntity(label, node)),
          facts: steps.map((fact) => [fact]),
        });
    }
    return {
      fromFound: row.fromFound as boolean,
      toFound: row.toFound as boolean,
      paths: [...routes.values()].map(({ entities, facts }) => ({
        entities,
        steps: facts.map((parallel) => mergeParallelRelations(parallel, rank)),
      })),
    };
  }

  /**
   * What `id` depends on (upstream) or what depends on it (downstream), within `maxHops`; null when `id` is unknown.
   */
  closure(direction: 'upstream' | 'downstream', id: string, maxHops: number): Promise<Closure | null> {
    return this.reach(
      direction,
      id,
      withInteger(cypherFile(`analytics/${direction}`), '__MAX_HOPS__', maxHops, MAX_HOPS),
    );
  }

  /** Everything with `id` upstream, at any distance; null when `id` is unknown. */
  async exposure(id: string): Promise<{ root: EntityRow; exposed: EntityRow[] } | null> {
    const rows = (await this.read(cypherFile('analytics/exposed'), { id })) as unknown as (NodeRow & {
      isRoot: boolean;
    })[];
    const root = rows.find((row) => row.isRoot);
    if (!root) return null;
    return {
      root: toEntity(root.label, root.node),
      exposed: rows.filter((row) => !row.isRoot).map(({ node, label }) => toEntity(label, node)),
    };
  }

  /** The ids of what has `id` upstream through a path on which no step is UNCERTAIN. */
  async firmlyExposed(id: string): Promise<Set<string>> {
    const rows = await this.read(cypherFile('analytics/firmly-exposed'), { id });
    return new Set(rows.map((row) => row.id as string));
  }

  /** The dependencies among the given entities, one step per relation (one statement). */
  async stepsAmong(ids: readonly string[]): Promise<StepRow[]> {
    // The steps among a set of entities are the ones leaving its members that end inside it.
    const rows = (await this.read(cypherFile('analytics/steps-from'), { ids })) as unknown as (Step & RelationFact)[];
    return stepsAmong(new Set(ids), rows).map(({ from, to, ...fact }) => ({
      from,
      to,
      ...mergeParallelRelations([fact], rank),
    }));
  }

  /** For each service among `ids`, the models it is built on. */
  async serviceModels(ids: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.read(cypherFile('analytics/service-models'), { ids });
    return new Map(rows.map((row) => [row.id as string, row.models as string[]]));
  }

  /**
   * The dependency graph in numbers (internal node ids), with the dates of nodes and dependencies when `dated`:
   * numbers decode far faster than ids, so a large graph reads quickly; `idsOfNodes` names the few an answer needs.
   */
  async compactDependencies(dated: boolean, snapshotKey = ''): Promise<SharedInputs> {
    const [row] = await this.read(cypherFile('analytics/dependency-graph'), { dated, snapshotKey });
    const { sharedInputs, sharedResult, ...graph } = row;
    const shared =
      this.cache.enabled && typeof sharedInputs === 'string' && typeof sharedResult === 'string'
        ? { inputs: sharedInputs, result: sharedResult }
        : undefined;
    return { graph: graph as unknown as CompactDependencies, shared };
  }

  /**
   * Stores a whole-graph result (as JSON) for every server, with the digest of its inputs, so that they answer from
   * it while their inputs have that digest. Only with the cache on (benchmarks turn it off to measure the work). A
   * failure (a read-only user, Neo4j away) is not the request's: the result is only not shared.
   */
  async share(key: string, inputs: string, result: string): Promise<void> {
    if (!this.cache.enabled) return;
    try {
      // A bookkeeping write of its own, not the request's: the request's answer carries no bookmark for it.
      await this.runner.scoped({ operation: 'analytics/store-snapshot', bookmarks: new RequestBookmarks() }).write(
        cypherFile('analytics/store-snapshot'),
        { key, inputs, result },
        {
          timeoutMs: this.runner.queryTimeoutMs,
        },
      );
    } catch {
      // not shared this time; the next server to compute it tries again
    }
  }

  /** The entity ids of the given internal node ids (from `rankGraph`), for those still in the graph. */
  async idsOfNodes(nodes: readonly number[]): Promise<Map<number, string>> {
    const rows = await this.read(cypherFile('analytics/ids-of-nodes'), { nodes });
    return new Map(rows.map((row) => [row.node as number, row.id as string]));
  }

  /** The facts concentration of `measure` is computed from; `stageFound` is false when `stage` names no stage. */
  async market(
    stage: string | null,
    measure: ConcentrationMeasure,
    blocs: boolean,
  ): Promise<MarketData & { stageFound: boolean; stages: string[] }> {
    const [row] = await this.read(cypherFile('analytics/market'), {
      stage,
      measure,
      blocs,
      blocKinds: blocs ? [...GRAPH.blocKinds] : [],
    });
    // The statement returns facts as lists (see its header); here they become MarketData's records.
    const facts = <T extends unknown[]>(name: string) => (row[name] as T[] | null) ?? [];
    type Text = string | null;
    return {
      stageFound: row.stageFound as boolean,
      stages: row.stages as string[],
      participants: row.participants as string[] | null,
      companies: facts<[string, string, Text, number | null, Text, boolean | null]>('companies').map(
        ([id, name, country, marketCapUsdBn, aggregate, comparisonOnly]) => ({
          id,
          name,
          country,
          marketCapUsdBn,
          aggregate,
          comparisonOnly,
        }),
      ),
      companyCounts:
        row.companyCounts === null
          ? undefined
          : facts<[Text, boolean, number]>('companyCounts')
              // With no company at all, the one row counts nothing.
              .filter(([, , count]) => count > 0)
              .map(([aggregate, comparisonOnly, count]) => ({ aggregate, comparisonOnly, count })),
      models: facts<[string, Text, number | null, string[]]>('models').map(
        ([id, releasedOn, trainingComputeFlop, developers]) => ({
          id,
          releasedOn,
          trainingComputeFlop,
          developers,
        }),
      ),
      services: facts<[string, Text, string[]]>('services').map(([id, launchedOn, models]) => ({
        id,
        launchedOn,
        models,
      })),
      adoptions: facts<[string, string]>('adoptions').map(([company, model]) => ({ company, model })),
      partnerships: facts<[string, string, Text, string[]]>('partnerships').map(([id, kind, announcedOn, parties]) => ({
        id,
        kind,
        announcedOn,
        parties,
      })),
      ownerships: facts<[string, string]>('ownerships').map(([company, parent]) => ({ company, parent })),
      offers: facts<[string, string]>('offers').map(([provider, model]) => ({ provider, model })),
      holdings: facts<[string, string, Text]>('holdings').map(([owner, vendor, estimates]) => ({
        owner,
        vendor,
        estimates,
      })),
    };
  }

  /**
   * Runs a closure statement (the root first, then the entities reached, each with what it depends on) and gives
   * each entity its fewest steps from the root; null when it finds no root.
   */
  private async reach(direction: 'upstream' | 'downstream', id: string, query: string): Promise<Closure | null> {
    const rows = (await this.read(query, { id })) as unknown as (NodeRow & { dependsOn: string[] })[];
    if (rows.length === 0) return null;
    const [root, ...others] = rows.map(({ node, label, dependsOn }) => ({ entity: toEntity(label, node), dependsOn }));
    if (root.entity.id !== id) throw new Error(`analytics/${direction} returned ${root.entity.id} before the root`);
    const distances = walkDistances(id, new Map(rows.map((row) => [row.node.id as string, row.dependsOn])), direction);
    const nodes = others.map(({ entity }): Reached => {
      const distance = distances.get(entity.id);
      if (distance === undefined) throw new Error(`analytics/${direction} reached ${entity.id} by no step`);
      return { entity, distance };
    });
    return { root: root.entity, nodes: nodes.sort((a, b) => a.distance - b.distance) };
  }

  /** Every partnership with its parties (id, name, country, role). */
  async partnershipDeals(): Promise<NetworkDeal[]> {
    return (await this.read(cypherFile('networks/partnerships'))) as unknown as NetworkDeal[];
  }

  private read(query: string, params: Params = {}) {
    return this.runner.read(query, params, this.trace);
  }
}
