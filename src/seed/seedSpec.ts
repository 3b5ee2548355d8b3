/**
 * The seed files' format, derived from a graph model: one file per label (a YAML list or JSON Lines), whose records
 * hold the label's properties and the fields that declare its relationships (a list of refs, or one ref where the
 * relationship is `single`).
 */
import {
  GRAPH,
  RELATIONSHIP_TYPES as GRAPH_TYPES,
  type GraphModel,
  type LabelSpec,
  type PropertySpec,
  type RelationshipType as GraphType,
} from '../domain/graphModel';

/** Every relationship type the seed writes: the model's and the CITES of every cited record. */
export type RelationshipType = 'CITES' | GraphType;
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = GRAPH_TYPES;

/** A list field whose entries name other records: each becomes a relationship. */
export interface RelationSpec {
  type: string;
  target: string;
  /**
   * 'out': record -> target; 'in': target -> record (a model lists its developers, the edge is
   * Company-DEVELOPS->Model).
   */
  direction: 'out' | 'in';
  required: boolean;
  /** The field takes one ref, not a list (a company's `parent`). */
  single?: boolean;
  /** Entries are { company, role } objects rather than refs (partnership parties), with the roles of each kind. */
  roles?: Readonly<Record<string, readonly string[]>>;
}

export interface FileSpec {
  file: string;
  label: string;
  fields: Readonly<Record<string, PropertySpec>>;
  relations: Record<string, RelationSpec>;
  /** Sources are their own provenance and list none. */
  cited: boolean;
  /** The folder may leave the file out: no records of this label. */
  optional?: boolean;
}

/**
 * Given a graph model, returns its seed files' specs in load order: each label's file with the label's properties,
 * and the relationships declared by a list field on the record at their `seed.on` end.
 */
export function fileSpecsOf(model: GraphModel): FileSpec[] {
  const relationships = Object.entries(model.relationships);
  return Object.entries(model.labels).map(([label, spec]) => ({
    file: spec.file,
    label,
    cited: spec.cited,
    ...((spec as LabelSpec).optionalFile && { optional: true }),
    fields: spec.properties,
    relations: Object.fromEntries(
      relationships
        .filter(([, rel]) => (rel.seed.on === 'from' ? rel.from : rel.to) === label)
        .map(([type, rel]): [string, RelationSpec] => [
          rel.seed.field,
          {
            type,
            target: rel.seed.on === 'from' ? rel.to : rel.from,
            direction: rel.seed.on === 'from' ? 'out' : 'in',
            required: rel.seed.required,
            ...(rel.single && { single: true }),
            ...(rel.properties?.includes('role') && { roles: model.rolesByKind }),
          },
        ]),
    ),
  }));
}

/** The seed files of GRAPH, in load order: a file's references point only at labels of earlier files or its own. */
export const FILE_SPECS: readonly FileSpec[] = fileSpecsOf(GRAPH);

/** The JSON Lines name of a spec's file: companies.yaml -> companies.jsonl. */
export function jsonLinesName(spec: FileSpec): string {
  return spec.file.replace(/\.yaml$/, '.jsonl');
}

/** Given a seed file's name (companies.yaml or companies.jsonl), returns its spec, or undefined for any other name. */
export function specOf(file: string, specs: readonly FileSpec[] = FILE_SPECS): FileSpec | undefined {
  return specs.find((spec) => spec.file === file || jsonLinesName(spec) === file);
}
