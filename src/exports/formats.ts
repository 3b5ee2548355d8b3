/** The export files the server offers: their names, content types and serializers. */
import { schemaStatements } from '../db/applySchema';
import { toCsvNodes, toCsvRelationships } from './csv';
import { toCypher } from './cypher';
import { toGraphML } from './graphml';
import { toJson } from './json';
import type { GraphSource } from './model';

export type ExportFormatName = 'CYPHER' | 'GRAPHML' | 'JSON' | 'CSV';

export interface ExportFile {
  filename: string;
  contentType: string;
  serialize(source: GraphSource): AsyncIterable<string>;
}

export const EXPORT_FILES: Record<string, ExportFile> = {
  // The script creates the project's own constraints and indexes first.
  'graph.cypher': {
    filename: 'graph.cypher',
    contentType: 'application/x-cypher-query; charset=utf-8',
    serialize: (source) => toCypher(source, { schema: schemaStatements() }),
  },
  'graph.graphml': {
    filename: 'graph.graphml',
    contentType: 'application/graphml+xml; charset=utf-8',
    serialize: toGraphML,
  },
  'graph.json': { filename: 'graph.json', contentType: 'application/json; charset=utf-8', serialize: toJson },
  'nodes.csv': { filename: 'nodes.csv', contentType: 'text/csv; charset=utf-8', serialize: toCsvNodes },
  'relationships.csv': {
    filename: 'relationships.csv',
    contentType: 'text/csv; charset=utf-8',
    serialize: toCsvRelationships,
  },
};

/** The files that make up each format (CSV is two: nodes, then relationships). */
export const FILES_OF: Record<ExportFormatName, string[]> = {
  CYPHER: ['graph.cypher'],
  GRAPHML: ['graph.graphml'],
  JSON: ['graph.json'],
  CSV: ['nodes.csv', 'relationships.csv'],
};

/** Separates the nodes and relationships documents of a CSV export returned as one string by exportGraph. */
export const CSV_SEPARATOR = '\n-- relationships.csv --\n';
