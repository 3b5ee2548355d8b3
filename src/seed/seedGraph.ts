export type PropertyValue = string | number | boolean | string[] | null;

/** One node to write: its label, id and every property (ids of its sources included as sourceIds). */
export interface SeedNode {
  /** A label of the model the seed was checked against. */
  label: string;
  id: string;
  properties: Record<string, PropertyValue>;
}

/** One relationship to write, between two node ids, with its own sourceIds and confidence. */
export interface SeedRelationship {
  /** CITES or a relationship type of the model the seed was checked against. */
  type: string;
  from: string;
  to: string;
  properties: Record<string, PropertyValue>;
}

export interface SeedGraph {
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}

/** One thing wrong in a seed file, located so a person can find and fix it. */
export interface SeedProblem {
  file: string;
  line?: number;
  /** The record's id when it has one, else its position in the list (1-based). */
  record?: string;
  message: string;
}

/** One record of a seed file with the line it starts on. */
export interface SeedRecord {
  line: number;
  value: unknown;
}

/** A line of a seed file that holds no readable record (bad JSON, or a file with no records at all). */
export interface UnreadableLine {
  line: number;
  problem: string;
}

/** One seed file as read from disk: its records with their line numbers, or what stopped it parsing. */
export interface ParsedSeedFile {
  /** The file's name in its folder: companies.yaml or companies.jsonl. */
  file: string;
  /**
   * Its records, in order. Validation walks them more than once, so this must be iterable again and again: a YAML
   * file's records are a list in memory, a JSON Lines file's are read from disk on every walk, never held whole.
   */
  records: Iterable<SeedRecord | UnreadableLine>;
  problems: SeedProblem[];
}

/** The node one valid record makes and the relationships it declares. */
export interface SeedEntity {
  node: SeedNode;
  relationships: SeedRelationship[];
}

/** Formats a problem as "file:line [record] message". */
export function formatProblem(problem: SeedProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const record = problem.record === undefined ? '' : ` [${problem.record}]`;
  return `${where}${record} ${problem.message}`;
}
