import type { PartnershipKind } from '../domain/enums';
import { GRAPH } from '../domain/graphModel';
import { ID_PATTERN, MAX_ID_LENGTH, invisibleCharacterIn } from '../domain/rules';

/**
 * Checks of the curation's inputs, before anything reaches the database. Each returns every problem found, each
 * named by its field ("input.parameters: ..."), so one answer tells an editor all that is wrong.
 */

const MAX_NAME = 200;
const MAX_TEXT = 4000;
const MAX_REFS = 50;

export type Problems = string[];

export function checkId(problems: Problems, field: string, value: string): void {
  if (!ID_PATTERN.test(value) || value.length > MAX_ID_LENGTH) {
    const rule = `lower-case letters and digits in words joined by "-", at most ${MAX_ID_LENGTH} characters`;
    problems.push(`${field}: "${value.slice(0, 120)}" is not an id (${rule})`);
  }
}

function checkIds(
  problems: Problems,
  field: string,
  values: string[] | null | undefined,
  { min }: { min: number },
): void {
  const list = values ?? [];
  if (list.length < min) problems.push(`${field}: at least ${min} ${min === 1 ? 'id is' : 'ids are'} needed`);
  if (list.length > MAX_REFS) problems.push(`${field}: at most ${MAX_REFS} ids, got ${list.length}`);
  list.slice(0, MAX_REFS).forEach((value, index) => checkId(problems, `${field}[${index}]`, value));
  if (new Set(list).size !== list.length) problems.push(`${field}: an id is listed twice`);
}

function checkText(
  problems: Problems,
  field: string,
  value: string | null | undefined,
  { required = false, max = MAX_NAME } = {},
): void {
  if (value === undefined || value === null) {
    if (required) problems.push(`${field}: required`);
    return;
  }
  if (value.trim() === '') problems.push(`${field}: must not be blank`);
  else if (value !== value.trim()) problems.push(`${field}: must not start or end with spaces`);
  if (value.length > max) problems.push(`${field}: at most ${max} characters, got ${value.length}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
    problems.push(`${field}: must not contain control characters`);
  const invisible = invisibleCharacterIn(value);
  if (invisible !== null) problems.push(`${field}: ${invisible}`);
}

function checkNumber(
  problems: Problems,
  field: string,
  value: number | null | undefined,
  min: number,
  max: number,
  what: string,
): void {
  if (value === undefined || value === null) return;
  if (!Number.isFinite(value) || value < min || value > max)
    problems.push(`${field}: ${what} must be from ${min} to ${max}, got ${value}`);
}

/** Names shared by companies, models and services. */
export function checkNamed(
  problems: Problems,
  input: { id: string; name: string; nameKo?: string | null; aliases?: string[] | null },
): void {
  checkId(problems, 'input.id', input.id);
  checkText(problems, 'input.name', input.name, { required: true });
  checkText(problems, 'input.nameKo', input.nameKo);
  if ((input.aliases ?? []).length > 30) problems.push(`input.aliases: at most 30, got ${input.aliases!.length}`);
  (input.aliases ?? []).slice(0, 30).forEach((alias, index) => checkText(problems, `input.aliases[${index}]`, alias));
}

export function checkSources(problems: Problems, sourceIds: string[]): void {
  checkIds(problems, 'input.sourceIds', sourceIds, { min: 1 });
}

export function checkCompany(input: {
  id: string;
  name: string;
  nameKo?: string | null;
  aliases?: string[] | null;
  country?: string | null;
  marketCapUsdBn?: number | null;
  sourceIds: string[];
}): Problems {
  const problems: Problems = [];
  checkNamed(problems, input);
  if (input.country !== undefined && input.country !== null && !/^[A-Z]{2}$/.test(input.country)) {
    problems.push(
      `input.country: must be an ISO 3166-1 alpha-2 code such as "US" or "KR", got "${input.country.slice(0, 20)}"`,
    );
  }
  checkNumber(
    problems,
    'input.marketCapUsdBn',
    input.marketCapUsdBn,
    0,
    100_000,
    'a market capitalisation in USD billions',
  );
  checkSources(problems, input.sourceIds);
  return problems;
}

export function checkModel(input: {
  id: string;
  name: string;
  nameKo?: string | null;
  aliases?: string[] | null;
  developerIds: string[];
  parameters?: number | null;
  parametersNote?: string | null;
  sourceIds: string[];
}): Problems {
  const problems: Problems = [];
  checkNamed(problems, input);
  checkIds(problems, 'input.developerIds', input.developerIds, { min: 1 });
  checkNumber(problems, 'input.parameters', input.parameters, 1, 1e15, 'a parameter count');
  checkText(problems, 'input.parametersNote', input.parametersNote, { max: MAX_TEXT });
  checkSources(problems, input.sourceIds);
  return problems;
}

export function checkService(input: {
  id: string;
  name: string;
  nameKo?: string | null;
  aliases?: string[] | null;
  description?: string | null;
  providerIds: string[];
  modelIds?: string[] | null;
  industryIds?: string[] | null;
  sourceIds: string[];
}): Problems {
  const problems: Problems = [];
  checkNamed(problems, input);
  checkText(problems, 'input.description', input.description, { max: MAX_TEXT });
  checkIds(problems, 'input.providerIds', input.providerIds, { min: 1 });
  checkIds(problems, 'input.modelIds', input.modelIds, { min: 0 });
  checkIds(problems, 'input.industryIds', input.industryIds, { min: 0 });
  checkSources(problems, input.sourceIds);
  return problems;
}

export function checkPartnership(input: {
  id: string;
  name: string;
  partnershipKind: PartnershipKind;
  parties: { company: string; role: string }[];
  valueUsd?: number | null;
  description?: string | null;
  sourceIds: string[];
}): Problems {
  const problems: Problems = [];
  checkId(problems, 'input.id', input.id);
  checkText(problems, 'input.name', input.name, { required: true });
  checkText(problems, 'input.description', input.description, { max: MAX_TEXT });
  checkNumber(problems, 'input.valueUsd', input.valueUsd, 0, 1e13, 'a deal value in USD');
  const roles: readonly string[] = GRAPH.rolesByKind[input.partnershipKind];
  if (input.parties.length < 2) problems.push('input.parties: a partnership needs at least 2 parties');
  if (input.parties.length > MAX_REFS) problems.push(`input.parties: at most ${MAX_REFS}, got ${input.parties.length}`);
  input.parties.slice(0, MAX_REFS).forEach((party, index) => {
    checkId(problems, `input.parties[${index}].company`, party.company);
    if (!roles.includes(party.role))
      problems.push(
        `input.parties[${index}].role: a ${input.partnershipKind} party is ${roles.join(' or ')}, ` +
          `got "${party.role.slice(0, 40)}"`,
      );
  });
  if (new Set(input.parties.map((party) => party.company)).size !== input.parties.length)
    problems.push('input.parties: a company is listed twice');
  checkSources(problems, input.sourceIds);
  return problems;
}

export function checkSource(input: {
  id: string;
  name: string;
  publisher?: string | null;
  url?: string | null;
}): Problems {
  const problems: Problems = [];
  checkId(problems, 'input.id', input.id);
  checkText(problems, 'input.name', input.name, { required: true, max: 500 });
  checkText(problems, 'input.publisher', input.publisher);
  if (
    input.url !== undefined &&
    input.url !== null &&
    (!/^https?:\/\/[^\s/]+\S*$/.test(input.url) || input.url.length > 2000)
  ) {
    problems.push(`input.url: must be an http(s) URL of at most 2000 characters, got "${input.url.slice(0, 80)}"`);
  }
  const invisible = input.url ? invisibleCharacterIn(input.url) : null;
  if (invisible !== null) problems.push(`input.url: ${invisible}`);
  return problems;
}

export function checkReason(reason: string): Problems {
  const problems: Problems = [];
  checkText(problems, 'reason', reason, { required: true, max: 1000 });
  return problems;
}
