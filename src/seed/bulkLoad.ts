import { integer } from '../db/integer';
import { performance } from 'node:perf_hooks';
import { schemaStatements } from '../db/applySchema';
import { cypherFile, splitStatements } from '../db/cypherFile';
import { withName } from '../db/cypherNames';
import type { QueryRunner } from '../db/queryRunner';
import { toParams } from '../db/toParams';
import { derivationStatement } from '../dependencies/derivationStatement';
import { GRAPH } from '../domain/graphModel';
import type { ParsedSeedFile } from './seedGraph';
import { LABELS, type Label } from '../domain/graphModel';
import { RELATIONSHIP_TYPES, type RelationshipType } from './seedSpec';
import { SeedCheck, seedEntities } from './validateSeed';
import { seedClaimsOf } from './seedClaims';

export interface BulkOptions {
  /** Rows per UNWIND batch; each batch is its own transaction. */
  batchSize: number;
  /** Empty the database first (in batches); without it a database that holds anything is refused. */
  reset: boolean;
  /** The seed folder, recorded on the load's marker. */
  dir: string;
  onProgress?: (line: string) => void;
  /** Stops the load between two batches (on Ctrl-C, say); what was written is then deleted as after a failure. */
  signal?: AbortSignal;
}

export interface BulkReport {
  /** Nodes removed by reset before loading. */
  deleted: number;
  nodes: number;
  relationships: number;
  /** The seed's claims (CLAIM relationships, docs/claims.md). */
  claims: number;
  /** Derived DEPENDS_ON relationships. */
  dependencies: number;
  seconds: number;
}

/** A bulk load that did not start because the database is not empty; nothing was written. */
export class BulkLoadRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BulkLoadRefused';
  }
}

const DELETE_BATCH = 10_000;
const PROGRESS_EVERY_MS = 5_000;
/** How long to wait for rebuilt indexes: within the 600 s timeout of the runner's write transactions. */
const INDEX_WAIT_SECONDS = 540;

/**
 * Given a checked seed (no problems) and its files, loads it into an EMPTY database in many transactions: nodes by
 * label, then relationships by type, each in UNWIND batches of CREATE, then the derived dependencies, reading the
 * files again as it goes so memory stays flat. The schema's plain indexes (not the uniqueness constraints the load
 * looks ids up by) are dropped meanwhile and rebuilt at the end, which is much faster than updating them row by row.
 * The load is all or nothing: it only starts on an empty database (after emptying it with reset), marks itself with a
 * (:SeedBulkLoad) node that its last transaction deletes, and on any failure deletes everything it wrote before
 * rethrowing. Returns the counts written.
 */
export async function bulkLoad(
  runner: QueryRunner,
  files: ParsedSeedFile[],
  check: SeedCheck,
  options: BulkOptions,
): Promise<BulkReport> {
  if (check.problems.length > 0) throw new Error('bulkLoad needs a seed without problems');
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1)
    throw new Error('bulkLoad needs a positive whole batch size');
  const progress = options.onProgress ?? (() => undefined);
  const started = performance.now();
  const deleted = options.reset ? await deleteEverything(runner) : 0;
  if (options.reset) progress(`reset: deleted ${deleted} nodes`);

  const [begin] = await runner.inWriteTransaction((tx) => tx.run(cypherFile('seed/bulk-begin'), { dir: options.dir }));
  if ((begin.interrupted as number) > 0) {
    throw new BulkLoadRefused(
      'the database holds a bulk load that never finished (a :SeedBulkLoad node); run again with --reset to empty ' +
        'it first',
    );
  }
  if ((begin.nodes as number) > 0) {
    throw new BulkLoadRefused(
      `a bulk load writes only into an empty database, and this one holds ${begin.nodes} nodes; add --reset to ` +
        `empty it first, or load without --bulk to merge`,
    );
  }
  try {
    await dropPlainIndexes(runner);
    const batches = new Batches(runner, options.batchSize, progress, options.signal);
    let claims = 0;
    await batches.phase('nodes', check.tally.nodes, async (add) => {
      for (const { node } of seedEntities(files, check.index)) {
        claims += seedClaimsOf(node).length;
        await add(node.label, toParams(node.properties));
      }
    });
    await batches.phase('relationships', check.tally.relationships, async (add) => {
      for (const { relationships } of seedEntities(files, check.index)) {
        for (const rel of relationships)
          await add(rel.type, { from: rel.from, to: rel.to, properties: toParams(rel.properties) });
      }
    });
    // In an empty database the seed's claims are the only ones: each is the preferred claim of its field.
    await batches.phase('claims', claims, async (add) => {
      for (const { node } of seedEntities(files, check.index)) {
        for (const { field, value, sourceId, confidence, tier } of seedClaimsOf(node))
          await add('CLAIM', {
            from: node.id,
            to: sourceId,
            properties: { field, value, confidence, tier, preferred: true },
          });
      }
    });
    const indexStart = performance.now();
    await createPlainIndexes(runner);
    progress(`indexes rebuilt in ${seconds(indexStart)} s`);
    options.signal?.throwIfAborted();
    const dependencyStart = performance.now();
    const derivation = derivationStatement(GRAPH, { batchSize: options.batchSize });
    const [derived] = await runner.autoCommit(derivation.text, derivation.params);
    const dependencies = Number(derived.created);
    progress(`dependencies: ${dependencies} derived in ${seconds(dependencyStart)} s`);
    options.signal?.throwIfAborted();
    await runner.inWriteTransaction((tx) => tx.run(cypherFile('seed/bulk-finish')));
    return {
      deleted,
      nodes: check.tally.nodes,
      relationships: check.tally.relationships,
      claims,
      dependencies,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    progress(`failed (${(error as Error).message.split('\n')[0]}); deleting what the load wrote`);
    try {
      await deleteEverything(runner);
      await createPlainIndexes(runner);
    } catch (cleanup) {
      throw new Error(
        `${(error as Error).message}\nDeleting what the load wrote failed too (${(cleanup as Error).message}); the ` +
          `database holds a partial load marked by a :SeedBulkLoad node: run seed --bulk --reset.`,
        { cause: cleanup },
      );
    }
    throw error;
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

type Add = (key: string, row: Record<string, unknown>) => Promise<void>;

/**
 * Collects rows per label or type and sends each full batch as its own write transaction. The next batch is built
 * while the previous one is being written (one in flight), so reading the files and writing overlap.
 */
class Batches {
  private inFlight: Promise<void> = Promise.resolve();
  private written = 0;
  private lastReport = 0;

  constructor(
    private readonly runner: QueryRunner,
    private readonly batchSize: number,
    private readonly progress: (line: string) => void,
    private readonly signal?: AbortSignal,
  ) {}

  /** Runs one phase (nodes or relationships): `produce` adds every row; returns when all are written. */
  async phase(
    name: 'nodes' | 'relationships' | 'claims',
    total: number,
    produce: (add: Add) => Promise<void>,
  ): Promise<void> {
    const started = performance.now();
    this.written = 0;
    this.lastReport = started;
    const pending = new Map<string, Record<string, unknown>[]>();
    const query = (key: string) =>
      name === 'nodes'
        ? withName(cypherFile('seed/bulk-create-nodes'), '__LABEL__', key as Label, LABELS)
        : withName(cypherFile('seed/bulk-create-relationships'), '__TYPE__', key as RelationshipType | 'CLAIM', [
            ...RELATIONSHIP_TYPES,
            'CLAIM',
          ]);
    await produce(async (key, row) => {
      const rows = pending.get(key) ?? [];
      rows.push(row);
      pending.set(key, rows);
      if (rows.length < this.batchSize) return;
      pending.delete(key);
      await this.send(query(key), rows);
      if (performance.now() - this.lastReport >= PROGRESS_EVERY_MS) {
        this.lastReport = performance.now();
        this.progress(
          `${name}: ${this.written} of ${total} (${Math.floor((100 * this.written) / Math.max(total, 1))}%), ` +
            `${rate(this.written, started)} rows/s`,
        );
      }
    });
    for (const [key, rows] of pending) await this.send(query(key), rows);
    await this.inFlight;
    this.progress(`${name}: ${this.written} written in ${seconds(started)} s, ${rate(this.written, started)} rows/s`);
  }

  /** Waits for the batch in flight, then sends this one without waiting for it. */
  private async send(query: string, rows: Record<string, unknown>[]): Promise<void> {
    await this.inFlight;
    this.signal?.throwIfAborted();
    // Each batch is a write transaction of its own (with the runner's long write timeout, and retried when transient).
    const sending = this.runner
      .inWriteTransaction((tx) => tx.run(query, { rows }))
      .then(([row]) => {
        if (row.created !== rows.length)
          throw new Error(`a batch of ${rows.length} rows created only ${String(row.created)}`);
        this.written += rows.length;
      });
    // Awaited by the next send or at the end of the phase; this only keeps a failure from counting as unhandled
    // meanwhile.
    sending.catch(() => undefined);
    this.inFlight = sending;
  }
}

const rate = (rows: number, since: number) => Math.round(rows / Math.max((performance.now() - since) / 1000, 0.001));

/** The schema's index statements that are not constraints: CREATE [FULLTEXT] INDEX <name> IF NOT EXISTS ... */
function plainIndexStatements(): { name: string; statement: string }[] {
  return schemaStatements().flatMap((statement) => {
    const name = /^CREATE\s+(?:\w+\s+)?INDEX\s+(\w+)\s+IF\s+NOT\s+EXISTS/i.exec(statement)?.[1];
    return name === undefined ? [] : [{ name, statement }];
  });
}

async function dropPlainIndexes(runner: QueryRunner): Promise<void> {
  for (const { name } of plainIndexStatements())
    await runner.inWriteTransaction((tx) => tx.run(`DROP INDEX ${name} IF EXISTS`));
}

/** Creates the schema's plain indexes again (idempotent) and waits until they are online. */
async function createPlainIndexes(runner: QueryRunner): Promise<void> {
  for (const { statement } of plainIndexStatements()) await runner.inWriteTransaction((tx) => tx.run(statement));
  await runner.inWriteTransaction((tx) =>
    tx.run('CALL db.awaitIndexes($seconds)', { seconds: integer(INDEX_WAIT_SECONDS) }),
  );
}

/**
 * Deletes every relationship and node in batches of implicit transactions (CALL ... IN TRANSACTIONS); returns the nodes
 * deleted.
 */
async function deleteEverything(runner: QueryRunner): Promise<number> {
  let nodes = 0;
  for (const statement of splitStatements(cypherFile('seed/delete-all-in-batches'))) {
    const [row] = await runner.autoCommit(statement, { batchSize: integer(DELETE_BATCH) });
    nodes += Number(row.nodes ?? 0);
  }
  return nodes;
}
