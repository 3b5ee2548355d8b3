/**
 * The shape of the records the generator writes, derived from the domain's model of the graph: a label's properties
 * and the seed fields of its relationships become the fields of its record, so a change to the model shows up here
 * as a type error in the generator rather than as a seed that fails validation.
 */
import { GRAPH, LABELS, type Label } from '../domain/graphModel';
import type { Confidence } from '../domain/enums';

type Graph = typeof GRAPH;
type Relationships = Graph['relationships'];
type Properties<L extends Label> = Graph['labels'][L]['properties'];

/** The value a property of a type holds in a record. */
type ValueOf<T> = T extends { kind: 'strings' }
  ? string[]
  : T extends { kind: 'number'; nullable: true }
    ? number | null
    : T extends { kind: 'number' | 'int' }
      ? number
      : T extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V
        : T extends { kind: 'boolean' }
          ? boolean
          : string;

type RequiredKeys<P> = { [K in keyof P]: P[K] extends { required: true } ? K : never }[keyof P];

type PropertyFields<L extends Label, P = Properties<L>> = {
  -readonly [K in RequiredKeys<P>]: P[K] extends { type: infer T } ? ValueOf<T> : never;
} & {
  -readonly [K in Exclude<keyof P, RequiredKeys<P>>]?: P[K] extends { type: infer T } ? ValueOf<T> : never;
};

/** The relationship types a record of label L declares, through a list field of its own. */
type DeclaredOn<L extends Label> = {
  [R in keyof Relationships]: Relationships[R]['seed']['on'] extends 'from'
    ? Relationships[R]['from'] extends L
      ? R
      : never
    : Relationships[R]['to'] extends L
      ? R
      : never;
}[keyof Relationships];

/** A relationship with properties of its own (a party's role) is a list of objects; any other a list of refs. */
type LinkList<R extends keyof Relationships> = Relationships[R] extends { properties: readonly string[] }
  ? Party[]
  : Ref[];

type RelationshipFields<L extends Label, D extends keyof Relationships = DeclaredOn<L>> = {
  [
    R in D as Relationships[R]['seed']['required'] extends true ? Relationships[R]['seed']['field'] : never
  ]: LinkList<R>;
} & {
  [
    R in D as Relationships[R]['seed']['required'] extends true ? never : Relationships[R]['seed']['field']
  ]?: LinkList<R>;
};

type Flat<T> = { [K in keyof T]: T[K] };

/** A link to another record: its id, or the id with the link's own provenance. */
export type Ref = string | { id: string; confidence?: Confidence; note?: string; sources?: string[] };

/** A company's part in a partnership. */
export interface Party {
  company: string;
  role: string;
}

/** One record of the seed file of label L: its id, its properties, the links it declares, and its sources if cited. */
export type RecordOf<L extends Label> = Flat<
  { id: string } & PropertyFields<L> &
    RelationshipFields<L> &
    (Graph['labels'][L]['cited'] extends true ? { sources: string[] } : unknown)
>;

export type SourceRecord = RecordOf<'Source'>;
export type StageRecord = RecordOf<'ValueChainStage'>;
export type IndustryRecord = RecordOf<'Industry'>;
export type CompanyRecord = RecordOf<'Company'>;
export type ModelRecord = RecordOf<'FoundationModel'>;
export type ServiceRecord = RecordOf<'Service'>;
export type PartnershipRecord = RecordOf<'Partnership'>;

/** The name of a seed file in YAML: sources.yaml, companies.yaml, ... */
export type SeedFileName = Graph['labels'][Label]['file'];

/** The records of each seed file, keyed by file name. */
export type SeedRecords = { [L in Label as Graph['labels'][L]['file']]: RecordOf<L>[] };

/** Every seed file, in load order. */
export const SEED_FILE_NAMES: readonly SeedFileName[] = LABELS.map((label) => GRAPH.labels[label].file);
