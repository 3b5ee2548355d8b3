/**
 * The CSV files Neo4j's importer (neo4j-admin database import full) reads: one file of nodes per label and files of
 * relationships (the seed's, its claims, the derived dependencies), with typed headers so that every property gets
 * the type the transactional load gives it: integers as long, other numbers as double, lists as string[].
 */
import fs from 'node:fs';
import path from 'node:path';
import { DependencyCollector } from '../dependencies/dependencyCollector';
import { GRAPH, type PropertyType } from '../domain/graphModel';
import { seedClaimsOf } from './seedClaims';
import type { SeedEntity } from './seedGraph';
import type { FileSpec } from './seedSpec';

/** Separates a list's items inside one CSV field; no seed text may hold it (checked as the files are written). */
export const ARRAY_DELIMITER = '\u001f';

/** A seed the importer cannot take as it is; the transactional load can. */
export class ImportCsvUnsuitable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportCsvUnsuitable';
  }
}

type ColumnType = 'string' | 'string[]' | 'long' | 'double' | 'boolean';

export interface ImportFiles {
  dir: string;
  nodes: string[];
  relationships: string[];
  /** Rows written per label and per relationship type (CLAIM and DEPENDS_ON included). */
  labels: Map<string, number>;
  types: Map<string, number>;
  /** Nodes with an empty list property, which the importer cannot write: set after the import. */
  emptyLists: { id: string; properties: Record<string, never[]> }[];
  /** DEPENDS_ON relationships whose `via` is empty (none of their facts is a partnership): set after the import. */
  emptyVia: number;
  /** A text holds a line break: the importer must be told that fields may span lines. */
  multiline: boolean;
  claims: number;
  dependencies: number;
}

const COLUMN_TYPES: Partial<Record<PropertyType['kind'], ColumnType>> = {
  strings: 'string[]',
  int: 'long',
  number: 'double',
  boolean: 'boolean',
};
const columnType = (type: PropertyType): ColumnType => COLUMN_TYPES[type.kind] ?? 'string';

const SEED_RELATIONSHIP: [string, ColumnType][] = [
  ['sourceIds', 'string[]'],
  ['confidence', 'string'],
  ['note', 'string'],
  ['role', 'string'],
];
const CLAIM: [string, ColumnType][] = [
  ['field', 'string'],
  ['value', 'string'],
  ['confidence', 'string'],
  ['tier', 'string'],
  ['preferred', 'boolean'],
];
const DEPENDENCY: [string, ColumnType][] = [
  ['relation', 'string'],
  ['via', 'string[]'],
  ['sourceIds', 'string[]'],
  ['confidence', 'string'],
  ['since', 'string'],
];
const BUFFER_CHARS = 1 << 20;

/** One CSV file written through a buffer, synchronously (the seed's records are walked synchronously). */
class CsvFile {
  private readonly fd: number;
  private readonly names: Set<string>;
  private buffer = '';
  rows = 0;

  constructor(
    readonly file: string,
    private readonly columns: [string, ColumnType][],
    private readonly owner: ImportCsvWriter,
    head: string[],
  ) {
    this.names = new Set(columns.map(([name]) => name));
    this.fd = fs.openSync(file, 'w', 0o600);
    this.buffer = `${[...head, ...columns.map(([name, type]) => `${name}:${type}`)].join(',')}\n`;
  }

  /** Writes one row: the leading fields as given (ids, label, type), then the columns' values from `properties`. */
  write(head: string[], properties: Readonly<Record<string, unknown>>): void {
    for (const key in properties)
      if (!this.names.has(key)) throw new Error(`${path.basename(this.file)} has no column for property ${key}`);
    let line = '';
    for (const text of head) line += `${this.owner.cell(text, 'string')},`;
    for (const [name, type] of this.columns) line += `${this.owner.cell(properties[name], type)},`;
    this.buffer += `${line.slice(0, -1)}\n`;
    this.rows += 1;
    if (this.buffer.length >= BUFFER_CHARS) this.flush();
  }

  flush(): void {
    fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/**
 * Writes a checked seed's entities, one at a time, into CSV files for the importer in a folder of its own: nodes
 * (`id:ID`, labels <label> and Entity), the seed's relationships, its claims (each the preferred claim of its field,
 * as in an empty database) and, at the end, the dependencies derived in memory from all of them.
 */
export class ImportCsvWriter {
  private readonly nodeFiles = new Map<string, CsvFile>();
  private readonly relationships: CsvFile;
  private readonly claims: CsvFile;
  private readonly dependencies = new DependencyCollector(GRAPH);
  private readonly labels = new Map<string, number>();
  private readonly types = new Map<string, number>();
  private readonly emptyLists: ImportFiles['emptyLists'] = [];
  private multiline = false;

  constructor(
    private readonly dir: string,
    specs: readonly FileSpec[],
  ) {
    for (const spec of specs) {
      const columns = new Map<string, ColumnType>(
        Object.entries(spec.fields).map(([name, { type }]) => [name, columnType(type)]),
      );
      columns.set('sourceIds', 'string[]');
      columns.set('confidence', 'string');
      columns.delete('id');
      const file = path.join(dir, `nodes-${spec.label}.csv`);
      this.nodeFiles.set(spec.label, new CsvFile(file, [...columns], this, ['id:ID', ':LABEL']));
    }
    const relationshipHead = [':START_ID', ':END_ID', ':TYPE'];
    this.relationships = new CsvFile(path.join(dir, 'relationships.csv'), SEED_RELATIONSHIP, this, relationshipHead);
    this.claims = new CsvFile(path.join(dir, 'claims.csv'), CLAIM, this, relationshipHead);
  }

  /** Writes one entity: its node, its relationships and its claims. */
  add({ node, relationships }: SeedEntity): void {
    const file = this.nodeFiles.get(node.label);
    if (!file) throw new Error(`no node file for label ${node.label}`);
    const { id, ...properties } = node.properties;
    const present = Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null));
    const empty = Object.entries(present).filter(([, value]) => Array.isArray(value) && value.length === 0);
    if (empty.length > 0)
      this.emptyLists.push({ id: node.id, properties: Object.fromEntries(empty.map(([k]) => [k, []])) });
    file.write([String(id ?? node.id), `${node.label}${ARRAY_DELIMITER}Entity`], present);
    this.count(this.labels, node.label);
    this.dependencies.addNode(node.label, node.id, node.properties);
    for (const rel of relationships) {
      this.relationships.write([rel.from, rel.to, rel.type], rel.properties);
      this.count(this.types, rel.type);
      this.dependencies.addRelationship(rel.type, rel.from, rel.to, rel.properties);
    }
    for (const { field, value, sourceId, confidence, tier } of seedClaimsOf(node)) {
      this.claims.write([node.id, sourceId, 'CLAIM'], { field, value, confidence, tier, preferred: true });
      this.count(this.types, 'CLAIM');
    }
  }

  /** Writes the derived dependencies, closes every file and returns what the importer needs to know of them. */
  finish(): ImportFiles {
    const dependencies = new CsvFile(path.join(this.dir, 'dependencies.csv'), DEPENDENCY, this, [
      ':START_ID',
      ':END_ID',
      ':TYPE',
    ]);
    let emptyVia = 0;
    for (const { from, to, properties } of this.dependencies.dependencies()) {
      dependencies.write([from, to, 'DEPENDS_ON'], properties);
      if (properties.via.length === 0) emptyVia += 1;
    }
    if (dependencies.rows > 0) this.types.set('DEPENDS_ON', dependencies.rows);
    const nodeFiles = [...this.nodeFiles.values()];
    for (const file of [...nodeFiles, this.relationships, this.claims, dependencies]) file.close();
    return {
      dir: this.dir,
      nodes: nodeFiles.filter((file) => file.rows > 0).map((file) => file.file),
      relationships: [this.relationships, this.claims, dependencies].filter((f) => f.rows > 0).map((f) => f.file),
      labels: this.labels,
      types: this.types,
      emptyLists: this.emptyLists,
      emptyVia,
      multiline: this.multiline,
      claims: this.claims.rows,
      dependencies: dependencies.rows,
    };
  }

  /** One CSV field: texts quoted (a quote doubled), lists joined by ARRAY_DELIMITER, absent values empty. */
  cell(value: unknown, type: ColumnType): string {
    if (value === null || value === undefined) return '';
    if (type === 'string[]') {
      if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
      for (const item of value as unknown[]) {
        if (typeof item !== 'string') throw new Error(`expected a list of texts, got ${JSON.stringify(value)}`);
        if (item.includes(ARRAY_DELIMITER))
          throw new ImportCsvUnsuitable(`the list item ${JSON.stringify(item)} holds U+001F, the importer's delimiter`);
      }
      return this.quoted((value as string[]).join(ARRAY_DELIMITER));
    }
    if (type === 'string') {
      if (typeof value !== 'string') throw new Error(`expected a text, got ${JSON.stringify(value)}`);
      return this.quoted(value);
    }
    if (type === 'boolean') return value === true ? 'true' : 'false';
    if (typeof value !== 'number' || !Number.isFinite(value) || (type === 'long' && !Number.isInteger(value)))
      throw new Error(`expected a ${type === 'long' ? 'whole number' : 'number'}, got ${JSON.stringify(value)}`);
    return String(value);
  }

  private quoted(text: string): string {
    if (!this.multiline && (text.includes('\n') || text.includes('\r'))) this.multiline = true;
    return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
  }

  private count(counts: Map<string, number>, key: string): void {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}
