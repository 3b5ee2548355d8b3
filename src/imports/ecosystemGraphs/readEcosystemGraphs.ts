/**
 * Stanford CRFM's Ecosystem Graphs (the repository's `assets` folder, as published) as an import batch: one
 * FoundationModel per model asset, one Dataset per dataset, one Service per application, one Company per organisation
 * named, and the links between them, the assets' `dependencies` included (docs/datasets.md). Pure but for reading
 * the files: names are resolved and the graph written by the import.
 */
import type { Label, RelationshipType } from '../../domain/graphModel';
import {
  ImportFormatError,
  type ImportBatch,
  type ImportedEntity,
  type ImportedLink,
  type ImportedSource,
  type ImportWarning,
  type Location,
} from '../importBatch';
import { readAssets, type RawAsset } from './ecosystemAssets';
import { dependencyMatcher, linkTypeOf, ALTERNATIVES, ASSET_LABELS, type AssetType } from './ecosystemDependencies';
import {
  cleanText,
  isUnknown,
  parseAccess,
  parseDate,
  parseNationality,
  parseSize,
  splitOrganizations,
  stated,
} from './ecosystemValues';

/** The database, as the graph's Source names it; its snapshot date comes from the assets. */
export const ECOSYSTEM_GRAPHS_SOURCE: Omit<ImportedSource, 'snapshotOn'> = {
  id: 'ecosystem-graphs',
  name: 'Ecosystem Graphs',
  publisher: 'Stanford CRFM',
  url: 'https://crfm.stanford.edu/ecosystem-graphs/',
  license:
    'No licence file; the maintainers state the data is public for any analysis ' +
    '(stanford-crfm/ecosystem-graphs issue 120)',
  attribution: 'Bommasani et al., Ecosystem Graphs, 2023',
};

/** The date field of each label. */
const DATE_FIELD: Readonly<Record<AssetType, string>> = {
  model: 'releasedOn',
  dataset: 'createdOn',
  application: 'launchedOn',
};

/** The link from an asset's organisation to it. */
const ORGANIZATION_LINK: Readonly<Record<AssetType, RelationshipType>> = {
  model: 'DEVELOPS',
  dataset: 'PUBLISHES',
  application: 'PROVIDES',
};

/** One asset kept: its type, name, organisations, dependencies and where it is. */
interface Asset {
  type: AssetType;
  name: string;
  organizations: string[];
  dependencies: string[];
  at: Location;
}

/**
 * Given the path of a snapshot (a folder or one .yaml file) and the path as messages name it, returns the import
 * batch; throws ImportFormatError for a file that is not YAML or not a list of assets, an asset without name, type
 * or organization, or a snapshot with no date.
 */
export function readEcosystemGraphs(fullPath: string, shown: string): ImportBatch {
  const raw = readAssets(fullPath, shown);
  const warnings: ImportWarning[] = [];
  const warn = (at: Location, message: string) => warnings.push({ at, message });
  const entities: ImportedEntity[] = [];
  const assets: Asset[] = [];
  const byName = new Map<string, Location>();
  const organizations = new Map<string, Location>();
  const countryVotes = new Map<string, Map<string, number>>();
  let snapshotOn = '';
  for (const one of raw) {
    const { fields, at } = one;
    const name = required(one, 'name');
    const typeText = required(one, 'type');
    const organization = stated(fields.organization);
    if (typeof organization.value !== 'string' || cleanText(organization.value) === '') {
      throw new ImportFormatError(`${at}: asset "${name}" has no organization`);
    }
    const date = stated(fields.created_date).value;
    const createdOn = parseDate(date);
    if (createdOn !== null && createdOn > snapshotOn) snapshotOn = createdOn;
    if (!(typeText in ASSET_LABELS)) {
      warn(at, `asset "${name}" has type "${typeText}", not model, dataset or application: skipped`);
      continue;
    }
    const type = typeText as AssetType;
    const first = byName.get(name);
    if (first !== undefined) {
      warn(at, `asset "${name}" is already defined at ${first}: skipped, the first kept`);
      continue;
    }
    byName.set(name, at);
    const entity = entityOf(type, name, one, warn);
    if (createdOn !== null) entity.claims[DATE_FIELD[type]] = createdOn;
    else if (!isUnknown(date)) warn(at, `created_date "${String(date)}" is not a date: no ${DATE_FIELD[type]}`);
    const dateNote = stated(fields.created_date).explanation;
    if (createdOn !== null && dateNote) entity.notes = { ...entity.notes, [DATE_FIELD[type]]: dateNote };
    entities.push(entity);
    const names = splitOrganizations(organization.value);
    for (const developer of names) if (!organizations.has(developer)) organizations.set(developer, at);
    const country = parseNationality(stated(fields.nationality).value);
    if (country === undefined) warn(at, `nationality "${String(fields.nationality)}" is not known: no country`);
    else if (country !== null && names.length === 1) {
      const votes = countryVotes.get(names[0]) ?? new Map<string, number>();
      votes.set(country, (votes.get(country) ?? 0) + 1);
      countryVotes.set(names[0], votes);
    }
    const dependencies = stated(fields.dependencies).value;
    assets.push({
      type,
      name,
      organizations: names,
      dependencies: Array.isArray(dependencies)
        ? dependencies.filter((item): item is string => typeof item === 'string').map(cleanText)
        : [],
      at,
    });
  }
  if (snapshotOn === '') throw new ImportFormatError(`${shown}: no created_date to date the snapshot by`);
  const companies = [...organizations].map(([name, at]): ImportedEntity => {
    const votes = [...(countryVotes.get(name) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    if (votes.length > 1) {
      const tally = votes.map(([code, count]) => `${code} (${count})`).join(', ');
      warn(at, `${name}: assets give different nationalities, ${tally}; kept ${votes[0][0]}`);
    }
    return {
      label: 'Company',
      name,
      claims: votes.length > 0 ? { country: votes[0][0] } : {},
      confidence: 'REPORTED',
      at,
    };
  });
  return {
    source: { ...ECOSYSTEM_GRAPHS_SOURCE, snapshotOn },
    records: raw.length,
    entities: [...entities, ...companies],
    links: linksOf(assets, warn),
    warnings,
  };
}

/** Given an asset and a field it must have, returns the field's text; an absent or empty one refuses the snapshot. */
function required(asset: RawAsset, field: string): string {
  const value = stated(asset.fields[field]).value;
  const text = typeof value === 'string' || typeof value === 'number' ? cleanText(String(value)) : '';
  if (text === '') throw new ImportFormatError(`${asset.at}: an asset without ${field}`);
  return text;
}

/** Given an asset, returns its entity with the claims its fields state (a value it cannot read is warned). */
function entityOf(
  type: AssetType,
  name: string,
  { fields, at }: RawAsset,
  warn: (at: Location, message: string) => void,
): ImportedEntity {
  const entity: ImportedEntity = { label: ASSET_LABELS[type], name, claims: {}, confidence: 'REPORTED', at };
  const notes: Record<string, string> = {};
  if (type === 'model') {
    const access = stated(fields.access);
    const value = parseAccess(access.value);
    if (value !== null) {
      entity.claims.access = value;
      if (access.explanation) notes.access = access.explanation;
    } else if (!isUnknown(access.value)) warn(at, `access "${String(access.value)}" is not known: no access`);
    const size = stated(fields.size);
    if (!isUnknown(size.value)) {
      const parsed = parseSize(size.value);
      if (parsed === null) warn(at, `size "${String(size.value)}" is not a parameter count: no parameters`);
      else {
        entity.claims.parameters = parsed.parameters;
        if (parsed.note) entity.claims.parametersNote = parsed.note;
        if (size.explanation) notes.parameters = size.explanation;
      }
    }
  }
  const description = stated(fields.description).value;
  if (typeof description === 'string' && !isUnknown(description)) {
    entity.attributes = { description: cleanText(description) };
  }
  const url = stated(fields.url).value;
  if (typeof url === 'string' && /^https?:\/\/\S+$/i.test(url.trim())) {
    entity.references = [{ name: `${name} (Ecosystem Graphs)`, url: url.trim() }];
  }
  if (Object.keys(notes).length > 0) entity.notes = notes;
  return entity;
}

/**
 * Given the assets kept, returns their links: from each organisation to its asset, and one per dependency, typed by
 * the pair of asset types. A dependency naming no asset of the snapshot gives alternative links (ALTERNATIVES), made
 * only when the graph already has the name; a pair no type links (a model depending on an application) is warned.
 */
function linksOf(assets: readonly Asset[], warn: (at: Location, message: string) => void): ImportedLink[] {
  const match = dependencyMatcher(assets);
  const links: ImportedLink[] = [];
  const link = (type: RelationshipType, from: Label, fromName: string, to: Label, toName: string, at: Location) =>
    links.push({
      type,
      from: { label: from, name: fromName },
      to: { label: to, name: toName },
      confidence: 'REPORTED',
      at,
    });
  for (const asset of assets) {
    const label = ASSET_LABELS[asset.type];
    for (const organization of asset.organizations) {
      link(ORGANIZATION_LINK[asset.type], 'Company', organization, label, asset.name, asset.at);
    }
    for (const dependency of new Set(asset.dependencies)) {
      if (dependency === '' || dependency === asset.name) continue;
      const target = match(dependency);
      if (target === null) {
        for (const [type, to] of ALTERNATIVES[asset.type]) {
          links.push({
            type,
            from: { label, name: asset.name },
            to: { label: to, name: dependency },
            confidence: 'REPORTED',
            alternatives: `${asset.at}:${dependency}`,
            at: asset.at,
          });
        }
        continue;
      }
      const type = linkTypeOf(asset.type, target.type);
      if (type !== null) link(type, label, asset.name, ASSET_LABELS[target.type], target.name, asset.at);
      else {
        warn(
          asset.at,
          `dependency "${dependency}" of ${asset.type} "${asset.name}" is ${target.type} "${target.name}": ` +
            'no link of that kind',
        );
      }
    }
  }
  return links;
}
