/**
 * Epoch AI's "Data on AI Models" CSV (all_ai_models.csv, as published) as an import batch: one FoundationModel per
 * row, one Company per organisation named, and the links between them (docs/datasets.md). Pure: names are resolved
 * and the graph written by the import.
 */
import type { Confidence } from '../../domain/enums';
import { csv } from '../csv';
import {
  ImportFormatError,
  type ImportBatch,
  type ImportedEntity,
  type ImportedLink,
  type ImportedSource,
  type ImportWarning,
  type Location,
} from '../importBatch';
import { EPOCH_COLUMNS, epochColumns, type ColumnIndex, type EpochColumn } from './epochColumns';
import { organizationCountries, splitCountries, type CountryRow } from './epochCountries';
import { cleanName, firstUrl, parseAccess, parseConfidence, parseDate, parseQuantity, splitList } from './epochValues';
import { cloudCompany, hardwareVendor } from './epochVendors';

/** The database, as the graph's Source names it; its snapshot date comes from the file. */
export const EPOCH_SOURCE: Omit<ImportedSource, 'snapshotOn'> = {
  id: 'epoch-ai-models',
  name: 'Epoch AI, Data on AI Models',
  publisher: 'Epoch AI',
  url: 'https://epoch.ai/data/ai-models',
  license: 'CC-BY-4.0',
  attribution: 'Data: Epoch AI (epoch.ai)',
};

/** What an absent optional column costs, for the warning that says so. */
const MISSING_COLUMN_EFFECT: Partial<Record<EpochColumn, string>> = {
  publicationDate: 'no release dates',
  reference: 'no reference titles',
  link: 'no reference links',
  parameters: 'no parameter counts',
  trainingCompute: 'no training compute',
  trainingHardware: 'no training chip vendors',
  accessibility: 'no access',
  confidence: 'every row REPORTED',
  lastModified: 'the snapshot dated by publication dates only',
  country: 'no countries',
  baseModel: 'no base models',
  trainingCloud: 'no training clouds',
};

/** One row being mapped: its cells by column, where it is, and how firmly Epoch states it. */
interface Row {
  cell: (column: EpochColumn) => string;
  at: Location;
  confidence: Confidence;
}

/**
 * Given the text of Epoch AI's models CSV and the file's name (for locations, "all_ai_models.csv:123"), returns the
 * import batch; throws ImportFormatError for an empty or truncated file, a file that is not Epoch's, a missing
 * required column, or a file with no date to date the snapshot by.
 */
export function readEpochModels(text: string, file: string): ImportBatch {
  const table = csv(text, file);
  const columns = epochColumns(table.header, file);
  if (table.rows.length === 0) throw new ImportFormatError(`${file}: no rows after the header`);
  const warnings: ImportWarning[] = missingColumns(columns).map((column) => ({
    at: `${file}:1`,
    message: `column "${EPOCH_COLUMNS[column].names[0]}" is absent: ${MISSING_COLUMN_EFFECT[column]}`,
  }));
  const warn = (at: Location, message: string) => warnings.push({ at, message });
  const models: ImportedEntity[] = [];
  const links: ImportedLink[] = [];
  const organizations = new Map<string, Location>();
  const countryRows: CountryRow[] = [];
  const byName = new Map<string, Location>();
  const byLowerName = new Map<string, { name: string; at: Location }>();
  let snapshotOn = '';
  for (const { fields, line } of table.rows) {
    const at = `${file}:${line}`;
    const cell = (column: EpochColumn) => {
      const index = columns[column];
      return index === undefined ? '' : fields[index];
    };
    for (const column of ['publicationDate', 'lastModified'] as const) {
      const date = parseDate(cell(column));
      if (date !== null && date > snapshotOn) snapshotOn = date;
    }
    const name = cleanName(cell('model'));
    if (name === '') {
      warn(at, 'no model name: row skipped');
      continue;
    }
    const first = byName.get(name);
    if (first !== undefined) {
      warn(at, `model "${name}" is already defined at ${first}: row skipped, the first kept`);
      continue;
    }
    const sameButCase = byLowerName.get(name.toLowerCase());
    if (sameButCase) {
      warn(at, `model "${name}" differs only in case from "${sameButCase.name}" at ${sameButCase.at}: both kept`);
    }
    const row: Row = { cell, at, confidence: confidenceOf(cell('confidence'), at, warn) };
    byName.set(name, row.at);
    byLowerName.set(name.toLowerCase(), { name, at: row.at });
    models.push(modelOf(name, row, warn));
    const developers = splitList(row.cell('organization'));
    for (const organization of developers)
      if (!organizations.has(organization)) organizations.set(organization, row.at);
    countryRows.push({ organizations: developers, countries: splitCountries(row.cell('country')), at: row.at });
    links.push(...linksOf(name, developers, row, warn));
  }
  if (snapshotOn === '') {
    throw new ImportFormatError(`${file}: no Publication date or Last modified date to date the snapshot by`);
  }
  const countries = organizationCountries(countryRows);
  warnings.push(...countries.warnings);
  const companies = [...organizations].map(([name, at]): ImportedEntity => {
    const country = countries.countries.get(name);
    return { label: 'Company', name, claims: country ? { country } : {}, confidence: 'REPORTED', at };
  });
  return {
    source: { ...EPOCH_SOURCE, snapshotOn },
    records: table.rows.length,
    entities: [...models, ...companies],
    links,
    warnings,
  };
}

/** Given the columns found, returns the optional ones absent from the file. */
function missingColumns(columns: ColumnIndex): EpochColumn[] {
  return (Object.keys(EPOCH_COLUMNS) as EpochColumn[]).filter((column) => columns[column] === undefined);
}

/** Given a row's Confidence cell, returns how firmly the graph holds its facts (an unknown value is warned). */
function confidenceOf(cell: string, at: Location, warn: (at: Location, message: string) => void): Confidence {
  const confidence = parseConfidence(cell);
  if (confidence !== null) return confidence;
  warn(at, `unknown Confidence "${cleanName(cell)}": the row's facts taken as UNCERTAIN`);
  return 'UNCERTAIN';
}

/** Given a row and its model's name, returns the model with the facts the row states (an unreadable one is warned). */
function modelOf(name: string, row: Row, warn: (at: Location, message: string) => void): ImportedEntity {
  const claims: Record<string, number | string> = {};
  const quantities = [
    ['parameters', 'parameters', 'Parameters'],
    ['trainingCompute', 'trainingComputeFlop', 'Training compute (FLOP)'],
  ] as const;
  for (const [column, field, title] of quantities) {
    const text = row.cell(column).trim();
    if (text === '') continue;
    const value = parseQuantity(text);
    if (value === null) warn(row.at, `${title} "${text}" is not a number: no ${field} claim for ${name}`);
    else claims[field] = value;
  }
  const published = row.cell('publicationDate').trim();
  const releasedOn = published === '' ? null : parseDate(published);
  if (releasedOn !== null) claims.releasedOn = releasedOn;
  else if (published !== '') warn(row.at, `Publication date "${published}" is not a date: no releasedOn for ${name}`);
  const access = parseAccess(row.cell('accessibility'));
  if (access) claims.access = access;
  else if (access === null) {
    warn(row.at, `unknown Model accessibility "${cleanName(row.cell('accessibility'))}": no access for ${name}`);
  }
  const model: ImportedEntity = { label: 'FoundationModel', name, claims, confidence: row.confidence, at: row.at };
  const url = firstUrl(row.cell('link'));
  const title = cleanName(row.cell('reference')) || url;
  if (title) {
    model.references = [{ name: title, ...(url && { url }), ...(releasedOn !== null && { publishedOn: releasedOn }) }];
  }
  return model;
}

/**
 * Given a row, its model's name and its developers, returns its links: DEVELOPS from each developer, BASED_ON each
 * base model, TRAINED_ON_CHIPS_OF each hardware vendor, TRAINED_IN_CLOUD_OF each cloud; each once, at the row's
 * confidence. Hardware or a cloud the tables do not know is warned and links nothing.
 */
function linksOf(
  name: string,
  developers: readonly string[],
  row: Row,
  warn: (at: Location, message: string) => void,
): ImportedLink[] {
  const model = { label: 'FoundationModel', name } as const;
  const link = (type: ImportedLink['type'], from: ImportedLink['from'], to: ImportedLink['to']): ImportedLink => ({
    type,
    from,
    to,
    confidence: row.confidence,
    at: row.at,
  });
  const links = [...new Set(developers)].map((developer) =>
    link('DEVELOPS', { label: 'Company', name: developer }, model),
  );
  for (const base of new Set(splitList(row.cell('baseModel')))) {
    if (base === name) warn(row.at, `${name} is given as its own base model: ignored`);
    else links.push(link('BASED_ON', model, { label: 'FoundationModel', name: base }));
  }
  const vendors = new Set<string>();
  for (const hardware of splitList(row.cell('trainingHardware'))) {
    const vendor = hardwareVendor(hardware);
    if (vendor === null) warn(row.at, `training hardware "${hardware}" has no known vendor: no chip vendor link`);
    else vendors.add(vendor);
  }
  for (const vendor of vendors) links.push(link('TRAINED_ON_CHIPS_OF', model, { label: 'Company', name: vendor }));
  const clouds = new Set<string>();
  for (const vendor of splitList(row.cell('trainingCloud'))) {
    const cloud = cloudCompany(vendor);
    if (cloud === null) warn(row.at, `training cloud "${vendor}" is not a known cloud: no training cloud link`);
    else clouds.add(cloud);
  }
  for (const cloud of clouds) links.push(link('TRAINED_IN_CLOUD_OF', model, { label: 'Company', name: cloud }));
  return links;
}
