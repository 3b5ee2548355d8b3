import type { GraphModel } from '../domain/graphModel';
import { strongestConfidence } from '../domain/strongestConfidence';
import { dependencyFacts } from './dependencyFacts';

/** One derived DEPENDS_ON relationship, with the properties derivationStatement gives it. */
export interface DerivedDependency {
  from: string;
  to: string;
  properties: { relation: string; via: string[]; sourceIds: string[]; confidence: string; since?: string };
}

/** One fact behind a dependency: the partnership it comes through (null for a direct relationship). */
interface FactRow {
  via: string | null;
  since: string | null;
  sourceIds: readonly string[] | null;
  confidence: string | null;
}

interface Partnership {
  kind: unknown;
  since: string | null;
  sourceIds: readonly string[] | null;
  confidence: string | null;
}

type Properties = Readonly<Record<string, unknown>>;

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : null);
/** Cypher's ascending order of the `via` column: strings by code unit, nulls last. */
const byVia = (a: FactRow, b: FactRow) =>
  a.via === b.via ? 0 : a.via === null ? 1 : b.via === null ? -1 : a.via < b.via ? -1 : 1;

/**
 * Collects a graph's facts (its nodes and relationships, in any order) and derives, in memory, exactly the
 * DEPENDS_ON relationships that derivationStatement writes into a database holding that graph: one per dependent,
 * relation and dependency, with the partnerships it comes through (`via`, sorted), its sources (in the order of its
 * facts), the strongest confidence and, when a partnership behind it is dated, the earliest date (`since`).
 */
export class DependencyCollector {
  private readonly facts = new Map<string, { relation: string; dependentIsFrom: boolean; reflexive: boolean }>();
  private readonly party?: { label: string; partnership: string; type: string };
  private readonly rules: GraphModel['partnershipDependencies'];
  private readonly groups = new Map<string, FactRow[]>();
  private readonly partnerships = new Map<string, Partnership>();
  /** Per partnership id: its parties as [company id, role]. */
  private readonly parties = new Map<string, [string, string][]>();

  constructor(model: GraphModel) {
    for (const [type, spec] of Object.entries(model.relationships)) {
      if (!spec.dependency) continue;
      this.facts.set(type, {
        relation: spec.dependency.relation,
        dependentIsFrom: spec.dependency.dependent === 'from',
        reflexive: spec.reflexive === true,
      });
    }
    this.party = dependencyFacts(model).party;
    this.rules = model.partnershipDependencies;
  }

  /** Given a node, keeps what a partnership's dependencies need of it. */
  addNode(label: string, id: string, properties: Properties): void {
    if (label !== this.party?.partnership) return;
    this.partnerships.set(id, {
      kind: properties.kind,
      since: text(properties.announcedOn),
      sourceIds: list(properties.sourceIds),
      confidence: text(properties.confidence),
    });
  }

  /** Given a relationship, keeps the fact it states, if it makes a dependency or a partnership's party. */
  addRelationship(type: string, from: string, to: string, properties: Properties): void {
    if (this.party && type === this.party.type) {
      const role = text(properties.role);
      if (role === null) return;
      const parties = this.parties.get(to) ?? [];
      parties.push([from, role]);
      this.parties.set(to, parties);
      return;
    }
    const fact = this.facts.get(type);
    if (!fact) return;
    const [a, b] = fact.dependentIsFrom ? [from, to] : [to, from];
    if (fact.reflexive && a === b) return;
    this.add(a, fact.relation, b, {
      via: null,
      since: null,
      sourceIds: list(properties.sourceIds),
      confidence: text(properties.confidence),
    });
  }

  private add(a: string, relation: string, b: string, row: FactRow): void {
    const key = `${a}\u0000${relation}\u0000${b}`;
    const rows = this.groups.get(key);
    if (rows) rows.push(row);
    else this.groups.set(key, [row]);
  }

  /** Yields every dependency of the facts collected (call once, after the last fact). */
  *dependencies(): Generator<DerivedDependency> {
    for (const [id, parties] of this.parties) {
      const partnership = this.partnerships.get(id);
      if (!partnership) continue;
      for (const rule of this.rules) {
        if (rule.kind !== partnership.kind) continue;
        for (const [a, roleA] of parties) {
          if (roleA !== rule.dependent) continue;
          for (const [b, roleB] of parties)
            if (roleB === rule.dependency && a !== b)
              this.add(a, rule.relation, b, {
                via: id,
                since: partnership.since,
                sourceIds: partnership.sourceIds,
                confidence: partnership.confidence,
              });
        }
      }
    }
    this.parties.clear();
    for (const [key, rows] of this.groups) {
      const [from, relation, to] = key.split('\u0000');
      if (rows.length > 1) rows.sort(byVia);
      const via: string[] = [];
      const sourceIds: string[] = [];
      let since: string | null = null;
      for (const row of rows) {
        if (row.via !== null) via.push(row.via);
        if (row.since !== null && (since === null || row.since < since)) since = row.since;
        for (const source of row.sourceIds ?? []) if (!sourceIds.includes(source)) sourceIds.push(source);
      }
      // With none given, the statement's CASE gives the weakest too.
      const confidence = strongestConfidence(rows.map((row) => row.confidence));
      yield {
        from,
        to,
        properties: { relation, via, sourceIds, confidence, ...(since !== null && { since }) },
      };
    }
    this.groups.clear();
  }
}
