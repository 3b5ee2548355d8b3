import type { SeedGraph } from './seedGraph';

/** Given a seed graph, returns a Markdown table of its nodes by label and relationships by type (for the README). */
export function graphCounts(graph: SeedGraph): string {
  const tally = (keys: string[]) => [...keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>())];
  const uncertain = graph.nodes.filter((node) => node.properties.confidence === 'UNCERTAIN').length + graph.relationships.filter((rel) => rel.properties.confidence === 'UNCERTAIN').length;
  const rows = [
    ...tally(graph.nodes.map((node) => node.label)).map(([label, count]) => `| node | ${label} | ${count} |`),
    ...tally(graph.relationships.map((rel) => rel.type)).map(([type, count]) => `| relationship | ${type} | ${count} |`),
  ];
  return [
    '| kind | label or type | count |',
    '|---|---|---:|',
    ...rows,
    `| total | nodes | ${graph.nodes.length} |`,
    `| total | relationships | ${graph.relationships.length} |`,
    `| total | marked UNCERTAIN | ${uncertain} |`,
  ].join('\n');
}
