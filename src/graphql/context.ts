import DataLoader from 'dataloader';
import type { SnapshotCache } from '../analytics/snapshotCache';
import { CypherTrace, QueryRunner, RequestBookmarks } from '../db/queryRunner';
import type { Caller } from '../auth/apiKeys';
import { DEFAULT_SOURCE_PRECEDENCE } from '../domain/claims';
import type { ServedClaim } from '../analytics/fieldClaims';
import { AnalyticsRepository } from '../repositories/analyticsRepository';
import { ClaimsRepository } from '../repositories/claimsRepository';
import { CurationRepository } from '../repositories/curationRepository';
import { EntityRepository, EntityRow } from '../repositories/entityRepository';
import { ExportRepository } from '../repositories/exportRepository';

const ENTITY_BATCH = 5000;

/**
 * Per-request loaders: entities of any label by id (`entity(id)`, an entity's sources), all the ids asked for in one
 * tick in one Cypher statement. Relations and root lookups by label, which read a selection's plan, batch in the
 * entity repository's own loader (entities/relationLoader).
 */
export class Loaders {
  readonly entity: DataLoader<string, EntityRow | null>;
  /** Every claim of an entity, by field, preferred first: read only where `claims` is selected, a level at a time. */
  readonly claims: DataLoader<string, ServedClaim[]>;

  constructor(entities: EntityRepository, claims: ClaimsRepository) {
    // Batches stay below the by-ids statement's row cap, so a large closure loads in several statements.
    this.entity = new DataLoader((ids) => entities.byIds(ids), { maxBatchSize: ENTITY_BATCH });
    this.claims = new DataLoader((ids) => claims.ofEntities(ids), { maxBatchSize: ENTITY_BATCH });
  }

  /**
   * Given source ids, returns those in the graph, in order; every load in one tick (all the steps of a walk, say) is
   * one batch.
   */
  async sources(ids: readonly string[]): Promise<EntityRow[]> {
    const sources = await this.entity.loadMany(ids);
    return sources.filter((source): source is EntityRow => source !== null && !(source instanceof Error));
  }

  /** Given ids, returns their entities in one batch, keyed by id; ids that are not in the graph are left out. */
  async entitiesById(ids: Iterable<string>): Promise<Map<string, EntityRow>> {
    const unique = [...new Set(ids)];
    const rows = await this.entity.loadMany(unique);
    const found = new Map<string, EntityRow>();
    rows.forEach((row, index) => {
      if (row instanceof Error) throw row;
      if (row) found.set(unique[index], row);
    });
    return found;
  }
}

/** What every resolver gets: the repositories and loaders of this request, and its Cypher trace. */
export interface Context {
  /** Who sent the request: a configured key, no key, or a key that is not configured. */
  caller: Caller | 'none' | 'invalid';
  curation: CurationRepository;
  entities: EntityRepository;
  exports: ExportRepository;
  analytics: AnalyticsRepository;
  claims: ClaimsRepository;
  loaders: Loaders;
  trace: CypherTrace;
  /** The request's bookmarks: those its client sent back and those of its own transactions. */
  bookmarks: RequestBookmarks;
}

/**
 * Given the query runner, the app's snapshot cache, the request's caller, its operation's name, the databases'
 * order of precedence (config.sourcePrecedence) and the request's bookmarks, returns a fresh context for one request
 * whose transactions name the operation ('anonymous' without a name) in their metadata and read at least the state
 * of its bookmarks.
 */
export function createContext(
  runner: QueryRunner,
  snapshots: SnapshotCache,
  caller: Context['caller'] = 'none',
  operation?: string,
  precedence: readonly string[] = DEFAULT_SOURCE_PRECEDENCE,
  bookmarks: RequestBookmarks = new RequestBookmarks(),
): Context {
  const scoped = runner.scoped({ operation: operation || 'anonymous', bookmarks });
  const trace: CypherTrace = { statements: 0, dbTimeMs: 0 };
  const entities = new EntityRepository(scoped, trace);
  const claims = new ClaimsRepository(scoped, trace, precedence);
  return {
    caller,
    curation: new CurationRepository(scoped, runner.queryTimeoutMs),
    entities,
    exports: new ExportRepository(scoped),
    analytics: new AnalyticsRepository(scoped, trace, snapshots),
    claims,
    loaders: new Loaders(entities, claims),
    trace,
    bookmarks,
  };
}
