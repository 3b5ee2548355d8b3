/**
 * What an importer makes of a database's file before any name is resolved: the database as a source, the entities
 * its records name (by name, not id) with the facts it states about them, and the links between them. The import
 * (src/imports/importSource.ts) resolves the names, checks everything, then writes it in one transaction.
 */
import type { Confidence } from '../domain/enums';
import type { Label, RelationshipType } from '../domain/graphModel';

/** The database itself, as a Source with sourceKind DATABASE. */
export interface ImportedSource {
  /** The source's id, also the importer's name on the command line: epoch-ai-models. */
  id: string;
  name: string;
  publisher: string;
  url: string;
  /** SPDX identifier where there is one (CC-BY-4.0), else the terms in words. */
  license: string;
  /** The attribution the publisher asks for ("Data: Epoch AI (epoch.ai)"). */
  attribution: string;
  /** The snapshot's date: the newest date its publisher gives it (partial ISO-8601). */
  snapshotOn: string;
}

/** A record's own reference (a paper, a blog post): a DOCUMENT source cited beside the database. */
export interface ReferenceSource {
  name: string;
  url?: string;
  publishedOn?: string;
}

/** Where in the file a record is, for messages: "all_ai_models.csv:123". */
export type Location = string;

/** One entity a record names, with what the source states about it. */
export interface ImportedEntity {
  label: Label;
  /** The name as the source writes it; resolved to an id through the identity rules. */
  name: string;
  /** Other names the source gives it. */
  aliases?: string[];
  /** The source's claims on the label's claimed properties (GRAPH's `claimed`), values as the graph stores them. */
  claims: Record<string, number | string>;
  /**
   * Properties that are not claims (a data set's description, an aggregate owner's `aggregate`): written when the
   * import creates the entity, and on an existing entity only where it has no value.
   */
  attributes?: Record<string, string>;
  /** The source's own explanation of a claim, by field (Ecosystem Graphs' `{value, explanation}`): the claim's note. */
  notes?: Record<string, string>;
  /** How firmly the source states these claims. */
  confidence: Confidence;
  references?: ReferenceSource[];
  at: Location;
}

/** A relationship the source states between two entities it names. */
export interface ImportedLink {
  type: RelationshipType;
  from: { label: Label; name: string };
  to: { label: Label; name: string };
  confidence: Confidence;
  /**
   * The relationship's own properties, for types that have them (GRAPH's `properties`: an OFFERS relationship's
   * prices, a HOLDS_CHIPS_OF relationship's estimates). One source states them once per relationship.
   */
  properties?: Record<string, string | number | boolean | null>;
  /**
   * A link whose far end (`to`) the source names but does not describe (a dependency naming no record of the file):
   * it is made only when `to` resolves to an entity the graph already has. Links with the same `alternatives` key are
   * tried in order (the same name under different labels) and the first that resolves is made; a key none of whose
   * links resolves is listed in the summary as unresolved, with the name and location.
   */
  alternatives?: string;
  at: Location;
}

/** Something in the file that was read but not used, said so in the import's summary. */
export interface ImportWarning {
  at: Location;
  message: string;
}

export interface ImportBatch {
  source: ImportedSource;
  /** Records read from the file (rows of a CSV, assets of a YAML file). */
  records: number;
  entities: ImportedEntity[];
  links: ImportedLink[];
  warnings: ImportWarning[];
}

/** A file that is not what the importer reads (wrong format, empty, truncated, a required column missing). */
export class ImportFormatError extends Error {}
