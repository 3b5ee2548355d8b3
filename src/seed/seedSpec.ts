/** The seed files' format: one file per kind of node (a YAML list or JSON Lines), with the relationships each record declares. */

export type Label =
  'Source' | 'ValueChainStage' | 'Industry' | 'Company' | 'FoundationModel' | 'Service' | 'Partnership';

export type RelationshipType =
  'CITES' | 'PARTICIPATES_IN' | 'ADOPTS' | 'DEVELOPS' | 'PROVIDES' | 'BUILT_ON' | 'SERVES' | 'PARTY_TO';

export const CONFIDENCE = ['CONFIRMED', 'REPORTED', 'UNCERTAIN'] as const;
export const PARTNERSHIP_KINDS = [
  'INVESTMENT',
  'LICENSING',
  'SUPPLY',
  'CLOUD',
  'COLLABORATION',
  'ACQUISITION',
] as const;

/** The roles a party may take in each kind of partnership. */
export const ROLES_BY_KIND: Record<(typeof PARTNERSHIP_KINDS)[number], readonly string[]> = {
  INVESTMENT: ['investor', 'investee'],
  LICENSING: ['licensor', 'licensee'],
  SUPPLY: ['supplier', 'customer'],
  CLOUD: ['supplier', 'customer'],
  ACQUISITION: ['acquirer', 'acquired'],
  COLLABORATION: ['partner'],
};

export type FieldType =
  | { kind: 'string' }
  | { kind: 'strings' }
  | { kind: 'date' }
  | { kind: 'number'; min: number; nullable?: boolean }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'country' }
  | { kind: 'url' };

/** A list field whose entries name other records: each becomes a relationship. */
export interface RelationSpec {
  type: RelationshipType;
  target: Label;
  /** 'out': record -> target; 'in': target -> record (a model lists its developers, the edge is Company-DEVELOPS->Model). */
  direction: 'out' | 'in';
  required: boolean;
  /** Entries are { company, role } objects rather than refs (partnership parties). */
  parties?: boolean;
}

export interface FileSpec {
  file: string;
  label: Label;
  fields: Record<string, { type: FieldType; required?: boolean }>;
  relations: Record<string, RelationSpec>;
  /** Sources are their own provenance and list none. */
  cited: boolean;
}

const str = { kind: 'string' } as const;
const date = { kind: 'date' } as const;
const confidence = { type: { kind: 'enum', values: CONFIDENCE } } as const;
const named = {
  name: { type: str, required: true },
  nameKo: { type: str },
  aliases: { type: { kind: 'strings' } },
  description: { type: str },
} as const;

/** In load order: a file's references point only at labels whose files come earlier or at its own. */
export const FILE_SPECS: readonly FileSpec[] = [
  {
    file: 'sources.yaml',
    label: 'Source',
    cited: false,
    fields: { ...named, publisher: { type: str }, publishedOn: { type: date }, url: { type: { kind: 'url' } } },
    relations: {},
  },
  {
    file: 'stages.yaml',
    label: 'ValueChainStage',
    cited: true,
    fields: {
      ...named,
      confidence,
      order: { type: { kind: 'int', min: 1, max: 99 }, required: true },
      layer: { type: { kind: 'enum', values: ['CORE', 'INFRASTRUCTURE'] }, required: true },
    },
    relations: {},
  },
  {
    file: 'industries.yaml',
    label: 'Industry',
    cited: true,
    fields: { ...named, confidence },
    relations: {},
  },
  {
    file: 'companies.yaml',
    label: 'Company',
    cited: true,
    fields: {
      ...named,
      confidence,
      country: { type: { kind: 'country' } },
      marketCapUsdBn: { type: { kind: 'number', min: 0 } },
      marketCapAsOf: { type: date },
    },
    relations: {
      stages: { type: 'PARTICIPATES_IN', target: 'ValueChainStage', direction: 'out', required: false },
      adopts: { type: 'ADOPTS', target: 'FoundationModel', direction: 'out', required: false },
    },
  },
  {
    file: 'models.yaml',
    label: 'FoundationModel',
    cited: true,
    fields: {
      ...named,
      confidence,
      parameters: { type: { kind: 'number', min: 0, nullable: true } },
      parametersNote: { type: str },
      releasedOn: { type: date },
      access: { type: { kind: 'enum', values: ['OPEN', 'LIMITED', 'CLOSED'] } },
    },
    relations: {
      developers: { type: 'DEVELOPS', target: 'Company', direction: 'in', required: true },
    },
  },
  {
    file: 'services.yaml',
    label: 'Service',
    cited: true,
    fields: { ...named, confidence, launchedOn: { type: date } },
    relations: {
      providers: { type: 'PROVIDES', target: 'Company', direction: 'in', required: true },
      models: { type: 'BUILT_ON', target: 'FoundationModel', direction: 'out', required: false },
      industries: { type: 'SERVES', target: 'Industry', direction: 'out', required: false },
    },
  },
  {
    file: 'partnerships.yaml',
    label: 'Partnership',
    cited: true,
    fields: {
      ...named,
      kind: { type: { kind: 'enum', values: PARTNERSHIP_KINDS }, required: true },
      announcedOn: { type: date },
      valueUsd: { type: { kind: 'number', min: 0 } },
      confidence: { type: { kind: 'enum', values: CONFIDENCE }, required: true },
    },
    relations: {
      parties: { type: 'PARTY_TO', target: 'Company', direction: 'in', required: true, parties: true },
    },
  },
];

/** Every label the seed writes, for allow-listing labels in Cypher text. */
export const LABELS: readonly Label[] = FILE_SPECS.map((spec) => spec.label);

/** Every relationship type the seed writes, for allow-listing types in Cypher text. */
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = [
  'CITES',
  ...new Set(FILE_SPECS.flatMap((spec) => Object.values(spec.relations).map((relation) => relation.type))),
];

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The JSON Lines name of a spec's file: companies.yaml -> companies.jsonl. */
export function jsonLinesName(spec: FileSpec): string {
  return spec.file.replace(/\.yaml$/, '.jsonl');
}

/** Given a seed file's name (companies.yaml or companies.jsonl), returns its spec, or undefined for any other name. */
export function specOf(file: string): FileSpec | undefined {
  return FILE_SPECS.find((spec) => spec.file === file || jsonLinesName(spec) === file);
}
