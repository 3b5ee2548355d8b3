/** A property value with its Neo4j type kept: bigint = INTEGER, number = FLOAT. */
export type ExportValue = string | number | bigint | boolean | ExportValue[];

export interface ExportNode {
  key: string;
  labels: string[];
  properties: Record<string, ExportValue>;
}

export interface ExportRelationship {
  key: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, ExportValue>;
}

/**
 * A graph to export; each call of nodes()/relationships() streams it from the start again (so a serializer may make two
 * passes).
 */
export interface GraphSource {
  nodes(): AsyncIterable<ExportNode>;
  relationships(): AsyncIterable<ExportRelationship>;
}
