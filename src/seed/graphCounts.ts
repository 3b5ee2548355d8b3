import type { SeedEntity, SeedGraph, SeedNode, SeedRelationship } from './seedGraph';

/** Counts of a seed's nodes by label and relationships by type, added up one entity at a time. */
export class SeedTally {
  readonly labels = new Map<string, number>();
  readonly types = new Map<string, number>();
  nodes = 0;
  relationships = 0;
  uncertain = 0;

  add({ node, relationships }: SeedEntity): void {
    this.addNode(node);
    for (const rel of relationships) this.addRelationship(rel);
  }

  addNode(node: SeedNode): void {
    this.nodes += 1;
    this.labels.set(node.label, (this.labels.get(node.label) ?? 0) + 1);
    if (node.properties.confidence === 'UNCERTAIN') this.uncertain += 1;
  }

  addRelationship(rel: SeedRelationship): void {
    this.relationships += 1;
    this.types.set(rel.type, (this.types.get(rel.type) ?? 0) + 1);
    if (rel.properties.confidence === 'UNCERTAIN') this.uncertain += 1;
  }

  /** A Markdown table of the counts (for docs/graph.md and seed --check). */
  table(): string {
    return [
      '| kind | label or type | count |',
      '|---|---|---:|',
      ...[...this.labels].map(([label, count]) => `| node | ${label} | ${count} |`),
      ...[...this.types].map(([type, count]) => `| relationship | ${type} | ${count} |`),
      `| total | nodes | ${this.nodes} |`,
      `| total | relationships | ${this.relationships} |`,
      `| total | marked UNCERTAIN | ${this.uncertain} |`,
    ].join('\n');
  }
}

/** Given a seed graph, returns a Markdown table of its nodes by label and relationships by type (for docs/graph.md). */
export function graphCounts(graph: SeedGraph): string {
  const tally = new SeedTally();
  for (const node of graph.nodes) tally.addNode(node);
  for (const rel of graph.relationships) tally.addRelationship(rel);
  return tally.table();
}
