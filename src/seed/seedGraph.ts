import type { Label, RelationshipType } from './seedSpec';

export type PropertyValue = string | number | string[] | null;

/** One node to write: its label, id and every property (ids of its sources included as sourceIds). */
export interface SeedNode {
  label: Label;
  id: string;
  properties: Record<string, PropertyValue>;
}

/** One relationship to write, between two node ids, with its own sourceIds and confidence. */
export interface SeedRelationship {
  type: RelationshipType;
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

/** One seed file as read from disk: its records with their line numbers, or what stopped it parsing. */
export interface ParsedSeedFile {
  file: string;
  records: { line: number; value: unknown }[];
  problems: SeedProblem[];
}

/** Formats a problem as "file:line [record] message". */
export function formatProblem(problem: SeedProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const record = problem.record === undefined ? '' : ` [${problem.record}]`;
  return `${where}${record} ${problem.message}`;
}
