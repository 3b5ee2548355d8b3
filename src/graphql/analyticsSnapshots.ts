/**
 * The whole-graph analytics (systemic ranks, concentration), computed once per database version through the snapshot
 * cache: the resolvers answer from them, and the warmer computes them ahead of the first request after a change.
 */
import { concentrationIndex, measureMarket } from '../analytics/concentration';
import { compactRankGraph, systemicRanksOf, type SystemicScore } from '../analytics/dependencyGraph';
import type { BetweennessMethod } from '../analytics/betweenness';
import { dependencyDigest } from '../analytics/snapshotDigest';
import { CONCENTRATION_GROUPS, CONCENTRATION_MEASURES } from '../domain/enums';
import type { EntityRow } from '../repositories/entityRepository';
import type { Context } from './context';
import { ConcentrationGroup, ConcentrationMeasure } from './enums';
import { userError } from './errors';
import { MAX_PAGE } from './paging';

type Snapshots = Pick<Context, 'analytics' | 'loaders'>;

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const countryName = (code: string) => {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
};

export interface SystemicSnapshot {
  /** The first MAX_PAGE ranks. */
  ranks: SystemicScore[];
  method: BetweennessMethod;
  /** Their companies, by id. */
  companies: Map<string, EntityRow>;
}

/** The systemic ranks as stored for every server (analytics/store-snapshot). */
interface StoredRanks {
  ranks: SystemicScore[];
  method: BetweennessMethod;
}

/**
 * The systemic ranks (as the graph stood on `asOf` when given), with their companies, kept while the graph is. The
 * ranks are computed once per graph for every server: the first to compute them stores them in Neo4j with the
 * digest of the graph it read, and a server that reads a graph of that digest answers from them.
 */
export function systemicSnapshot(context: Snapshots, asOf: string | null): Promise<SystemicSnapshot> {
  const key = JSON.stringify(['systemicImportance', asOf]);
  return context.analytics.remember(key, async () => {
    // The graph in numbers (with dates only when asked as of one), and what another server stored for it.
    const { graph: dependencies, shared } = await context.analytics.compactDependencies(Boolean(asOf), key);
    const inputs = dependencyDigest(dependencies);
    let stored = shared?.inputs === inputs ? (JSON.parse(shared.result) as StoredRanks) : undefined;
    if (!stored) {
      const { scores, method } = systemicRanksOf(compactRankGraph(dependencies, asOf), { first: MAX_PAGE });
      // The ids of the first page only.
      const ids = await context.analytics.idsOfNodes(scores.map((rank) => Number(rank.id)));
      const ranks = scores
        .flatMap((rank) => {
          const id = ids.get(Number(rank.id));
          return id === undefined ? [] : [{ ...rank, id }];
        })
        // Ties on counts and betweenness, by entity id.
        .sort((a, b) => a.rank - b.rank || b.betweenness - a.betweenness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, MAX_PAGE);
      stored = { ranks, method };
      await context.analytics.share(key, inputs, JSON.stringify(stored));
    }
    const { ranks, method } = stored;
    return { ranks, method, companies: await context.loaders.entitiesById(ranks.map((rank) => rank.id)) };
  });
}

export interface ConcentrationSnapshot {
  index: ReturnType<typeof concentrationIndex>;
  /** The companies of the shares, by id. */
  companies: Map<string, EntityRow>;
  stageEntity: EntityRow | null;
}

/**
 * The concentration of `measure` by `group` (within `stage`, as of `asOf`, with comparison-only companies when
 * `includeComparisonOnly`), with its companies and stage, kept while the graph is unchanged. Refuses a stage that is
 * not one.
 */
export function concentrationSnapshot(
  context: Snapshots,
  measure: ConcentrationMeasure,
  group: ConcentrationGroup,
  stage?: string | null,
  asOf?: string | null,
  includeComparisonOnly = false,
): Promise<ConcentrationSnapshot> {
  const key = JSON.stringify(['concentration', measure, group, stage ?? null, asOf ?? null, includeComparisonOnly]);
  return context.analytics.remember(key, async () => {
    const data = await context.analytics.market(stage ?? null, measure, group === ConcentrationGroup.BLOC);
    if (!data.stageFound)
      throw userError(`stage: "${stage}" is not a value-chain stage; stages are ${data.stages.join(', ')}`);
    const { groups, ...coverage } = measureMarket(data, {
      measure,
      groupBy: group,
      asOf,
      countryName,
      includeComparisonOnly,
    });
    const index = concentrationIndex(groups, coverage);
    const entities = await context.loaders.entitiesById([
      ...index.shares.flatMap((share) => share.members),
      ...(stage ? [stage] : []),
    ]);
    return { index, companies: entities, stageEntity: stage ? (entities.get(stage) ?? null) : null };
  });
}

/**
 * Computes the answers an analyst asks for first (systemic ranks now, and every measure's concentration by every
 * grouping, without stage or date), one after another, so they are cached for the database's current version. One
 * that fails does not stop the others; the failures are thrown together at the end.
 */
export async function warmSnapshots(context: Snapshots): Promise<void> {
  const work: [string, () => Promise<unknown>][] = [['systemicImportance', () => systemicSnapshot(context, null)]];
  for (const measure of CONCENTRATION_MEASURES)
    for (const group of CONCENTRATION_GROUPS)
      work.push([`concentration ${measure} by ${group}`, () => concentrationSnapshot(context, measure, group)]);
  const failures: string[] = [];
  for (const [name, warm] of work) {
    try {
      await warm();
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) throw new Error(failures.join('; '));
}
