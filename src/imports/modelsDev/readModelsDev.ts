/**
 * A copy of the models.dev repository (the folder holding providers/ and models/) as an import batch: one Company per
 * provider, one OFFERS link per provider and model with the offer's prices, context and weights, one FoundationModel
 * per model offered or described by a lab, and the labs' developers (docs/datasets.md). Pure but for reading the
 * folder: names are resolved and the graph written by the import.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ImportFormatError,
  type ImportBatch,
  type ImportedEntity,
  type ImportedLink,
  type ImportedSource,
  type ImportWarning,
  type Location,
} from '../importBatch';
import { isCloudProvider, labDeveloper } from './modelsDevCompanies';
import { filesUnder, readToml, type Table } from './modelsDevFiles';
import { field, lastUpdated, modelClaims, offerOf, type Entry, type Offer } from './modelsDevValues';

/** The database, as the graph's Source names it; its attribution and snapshot date come from the folder. */
export const MODELS_DEV_SOURCE: Omit<ImportedSource, 'attribution' | 'snapshotOn'> = {
  id: 'models-dev',
  name: 'models.dev',
  publisher: 'models.dev',
  url: 'https://models.dev',
  license: 'MIT',
};

/**
 * A provider's entries that are a variant of another entry for the same model: a dated release
 * ("gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022") or a free tier ("kimi-k2.7-code-free", "glm-4.5:free").
 */
const VARIANT = /[-_@.]20\d\d-?[01]\d-?[0-3]\d$|[-_:]free$/i;

/** One offer being collected: the provider's id for the model, where, and its properties. */
interface Offered {
  provider: string;
  model: string;
  id: string;
  at: Location;
  offer: Offer;
}

/**
 * Given the folder holding models.dev's providers/ and models/ and the folder as messages name it, returns the import
 * batch; throws ImportFormatError (naming the file, and the line for TOML that does not parse) for a folder without
 * providers, a provider folder without provider.toml, a file without a name, a base_model naming no lab file, a field
 * of the wrong type, or a snapshot with no date.
 */
export function readModelsDev(root: string, shown: string): ImportBatch {
  if (!fs.statSync(root).isDirectory()) {
    throw new ImportFormatError(`${shown}: not a folder (a copy of models.dev holding providers/ and models/)`);
  }
  const warnings: ImportWarning[] = [];
  const warn = (at: Location, message: string) => warnings.push({ at, message });
  const dates: string[] = [];
  const read = (relative: string): Table | null => {
    const read = readToml(root, relative, shown);
    if ('missing' in read) {
      warn(`${shown}/${relative}`, `links to ${read.missing}, which is not in the snapshot: not read`);
      return null;
    }
    const date = lastUpdated(read.table, `${shown}/${relative}`);
    if (date !== null) dates.push(date);
    return read.table;
  };
  const models = new Map<string, ImportedEntity>();
  const companies = new Map<string, ImportedEntity>();
  const links: ImportedLink[] = [];
  const company = (name: string, at: Location) => {
    if (!companies.has(name)) companies.set(name, { label: 'Company', name, claims: {}, confidence: 'REPORTED', at });
  };
  const labs = readLabs(root, shown, read, warn);
  for (const lab of labs.values()) {
    if (models.has(lab.name)) continue;
    models.set(lab.name, model(lab.name, lab.table, lab.at, warn));
    const developer = labDeveloper(lab.id.split('/')[0]);
    if (developer === null) continue;
    company(developer, lab.at);
    links.push(
      link('DEVELOPS', { label: 'Company', name: developer }, { label: 'FoundationModel', name: lab.name }, lab.at),
    );
  }
  const providers = providerFolders(root, shown);
  let entries = 0;
  for (const provider of providers) {
    const at = `${shown}/providers/${provider}/provider.toml`;
    const file = fs.existsSync(path.join(root, 'providers', provider, 'provider.toml'))
      ? read(`providers/${provider}/provider.toml`)
      : null;
    if (file === null) throw new ImportFormatError(`${shown}/providers/${provider}: no provider.toml`);
    const name = required(file, at);
    company(name, at);
    const stages = ['service-delivery', ...(isCloudProvider(provider) ? ['cloud'] : [])];
    for (const stage of stages) {
      links.push({
        ...link('PARTICIPATES_IN', { label: 'Company', name }, { label: 'ValueChainStage', name: stage }, at),
        alternatives: `${provider} ${stage}`,
      });
    }
    const offers = new Map<string, Offered>();
    for (const relative of filesUnder(root, `providers/${provider}/models`)) {
      const entryAt = `${shown}/${relative}`;
      if (!relative.endsWith('.toml')) {
        warn(entryAt, 'not a .toml file: not read');
        continue;
      }
      const table = read(relative);
      if (table === null) continue;
      entries += 1;
      const entry = entryOf(table, entryAt, labs);
      const modelName = entry.base ? required(entry.base.table, entry.base.at) : required(entry.table, entryAt);
      if (!models.has(modelName)) models.set(modelName, model(modelName, entry.table, entryAt, warn));
      const id = relative.slice(`providers/${provider}/models/`.length, -'.toml'.length);
      const offered = { provider: name, model: modelName, id, at: entryAt, offer: offerOf(entry, id) };
      const kept = offers.get(modelName);
      if (kept === undefined) offers.set(modelName, offered);
      else if (VARIANT.test(kept.id) && !VARIANT.test(id)) {
        offers.set(modelName, offered);
        warn(kept.at, `${name} also offers "${modelName}" as ${id}: this variant skipped, the plain entry kept`);
      } else warn(entryAt, `${name} already offers "${modelName}" as ${kept.id}: entry skipped, the first kept`);
    }
    for (const offered of offers.values()) {
      links.push({
        ...link('OFFERS', { label: 'Company', name }, { label: 'FoundationModel', name: offered.model }, offered.at),
        properties: offered.offer,
      });
    }
  }
  if (dates.length === 0) throw new ImportFormatError(`${shown}: no last_updated date to date the snapshot by`);
  return {
    source: {
      ...MODELS_DEV_SOURCE,
      attribution: copyrightLine(root, shown),
      snapshotOn: dates.reduce((newest, date) => (date > newest ? date : newest)),
    },
    records: providers.length + entries + labs.size,
    entities: [...models.values(), ...companies.values()],
    links,
    warnings,
  };
}

/** A lab's model file: its id ("openai/gpt-5.4"), its name and table. */
interface LabModel {
  id: string;
  name: string;
  table: Table;
  at: Location;
}

/**
 * Given the snapshot, reads models/<lab>/**.toml by id ("openai/gpt-5.4"); a name two files give is warned (the
 * first describes the model, both can be a base_model).
 */
function readLabs(
  root: string,
  shown: string,
  read: (relative: string) => Table | null,
  warn: (at: Location, message: string) => void,
): Map<string, LabModel> {
  const labs = new Map<string, LabModel>();
  const named = new Map<string, Location>();
  for (const relative of filesUnder(root, 'models')) {
    const at = `${shown}/${relative}`;
    if (!relative.endsWith('.toml')) {
      warn(at, 'not a .toml file: not read');
      continue;
    }
    const table = read(relative);
    if (table === null) continue;
    const name = required(table, at);
    const first = named.get(name);
    if (first !== undefined) warn(at, `model "${name}" is already described at ${first}: the first kept`);
    else named.set(name, at);
    const id = relative.slice('models/'.length, -'.toml'.length);
    labs.set(id, { id, name, table, at });
  }
  return labs;
}

/** Given the snapshot, returns its provider folders in path order; a snapshot without any is an ImportFormatError. */
function providerFolders(root: string, shown: string): string[] {
  const folder = path.join(root, 'providers');
  const providers = fs.existsSync(folder)
    ? fs
        .readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    : [];
  if (providers.length === 0) throw new ImportFormatError(`${shown}: no providers/ folder with a provider in it`);
  return providers;
}

/** Given a provider's entry, returns it with the lab's file its base_model names; naming none is an error. */
function entryOf(table: Table, at: Location, labs: ReadonlyMap<string, LabModel>): Entry {
  const baseModel = field(table, 'base_model', 'string', at);
  if (baseModel === undefined) return { table, at };
  const base = labs.get(baseModel);
  if (base === undefined)
    throw new ImportFormatError(`${at}: base_model "${baseModel}" names no models/${baseModel}.toml`);
  return { table, at, base: { table: base.table, at: base.at } };
}

/** Given a file's table, returns its `name`; a file without one is an ImportFormatError. */
function required(table: Table, at: Location): string {
  const name = field(table, 'name', 'string', at)?.replace(/\s+/g, ' ').trim();
  if (name === undefined || name === '') throw new ImportFormatError(`${at}: no name`);
  return name;
}

function model(
  name: string,
  table: Table,
  at: Location,
  warn: (at: Location, message: string) => void,
): ImportedEntity {
  return { label: 'FoundationModel', name, claims: modelClaims(table, at, warn), confidence: 'REPORTED', at };
}

function link(
  type: ImportedLink['type'],
  from: ImportedLink['from'],
  to: ImportedLink['to'],
  at: Location,
): ImportedLink {
  return { type, from, to, confidence: 'REPORTED', at };
}

/** Given the snapshot, returns its LICENSE's copyright line, the attribution MIT asks to keep. */
function copyrightLine(root: string, shown: string): string {
  const file = path.join(root, 'LICENSE');
  const line = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .find((text) => /^\s*Copyright\b/i.test(text))
    : undefined;
  if (line === undefined) throw new ImportFormatError(`${shown}/LICENSE: no copyright line (the licence is required)`);
  return line.trim();
}
