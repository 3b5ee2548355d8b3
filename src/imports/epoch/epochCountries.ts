/**
 * Organisations' countries from Epoch AI's country column. Epoch lists, for each organisation of a row in order, the
 * countries of that organisation's own record, all joined by bare commas: "Hong Kong,China" is one country, and an
 * organisation with several (Google DeepMind: United States, United Kingdom, Multinational) gives several.
 */
import type { ImportWarning, Location } from '../importBatch';
import { cleanName } from './epochValues';

/** Epoch's country names (every one in the shipped file) as ISO 3166-1 alpha-2; null for "Multinational". */
export const EPOCH_COUNTRIES: Readonly<Record<string, string | null>> = {
  Argentina: 'AR',
  Armenia: 'AM',
  Australia: 'AU',
  Austria: 'AT',
  Belgium: 'BE',
  Canada: 'CA',
  China: 'CN',
  Croatia: 'HR',
  Czechia: 'CZ',
  Denmark: 'DK',
  Finland: 'FI',
  France: 'FR',
  Germany: 'DE',
  Greece: 'GR',
  'Hong Kong,China': 'HK',
  Hungary: 'HU',
  India: 'IN',
  'Iran (Islamic Republic of)': 'IR',
  Ireland: 'IE',
  Israel: 'IL',
  Italy: 'IT',
  Japan: 'JP',
  'Korea (Republic of)': 'KR',
  Lebanon: 'LB',
  Lithuania: 'LT',
  Luxembourg: 'LU',
  Macao: 'MO',
  Mexico: 'MX',
  Multinational: null,
  Netherlands: 'NL',
  'New Zealand': 'NZ',
  Norway: 'NO',
  Poland: 'PL',
  Portugal: 'PT',
  Russia: 'RU',
  'Saudi Arabia': 'SA',
  Singapore: 'SG',
  Spain: 'ES',
  Sweden: 'SE',
  Switzerland: 'CH',
  Taiwan: 'TW',
  'United Arab Emirates': 'AE',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  'United States of America': 'US',
  Vietnam: 'VN',
};

/** Given a country cell, returns its country names, joining the two parts of a name the table knows with a comma. */
export function splitCountries(cell: string): string[] {
  const parts = cell
    .split(',')
    .map(cleanName)
    .filter((part) => part !== '');
  const names: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const joined = `${parts[index]},${parts[index + 1]}`;
    if (index + 1 < parts.length && joined in EPOCH_COUNTRIES) {
      names.push(joined);
      index++;
    } else names.push(parts[index]);
  }
  return names;
}

/** One row's organisations and the country names its country cell lists. */
export interface CountryRow {
  organizations: string[];
  countries: string[];
  at: Location;
}

/**
 * Given every row's organisations and countries, returns each organisation's country code and the warnings. An
 * organisation named alone in a row gets that row's countries as its own list; in a row of several, each takes as
 * many countries as its own list has (one when unknown), provided the counts add up; else, when the row lists one
 * country throughout, each takes that one; else the row gives none (a warning). An organisation whose countries are,
 * besides Multinational, exactly one country votes for it; the most voted wins, a disagreement is warned.
 */
export function organizationCountries(rows: readonly CountryRow[]): {
  countries: Map<string, string>;
  warnings: ImportWarning[];
} {
  const warnings: ImportWarning[] = [];
  const own = new Map<string, string[]>();
  for (const row of rows) {
    const [alone] = row.organizations;
    if (row.organizations.length === 1 && row.countries.length > 0 && !own.has(alone)) own.set(alone, row.countries);
  }
  const votes = new Map<string, { counts: Map<string, number>; at: Location }>();
  const vote = (organization: string, names: readonly string[], at: Location) => {
    const codes = new Set<string>();
    for (const name of names) {
      const code = EPOCH_COUNTRIES[name];
      if (code === undefined) warnings.push({ at, message: `unknown country "${name}" (of ${organization}): ignored` });
      else if (code !== null) codes.add(code);
    }
    if (codes.size !== 1) return;
    const [code] = codes;
    const entry = votes.get(organization) ?? { counts: new Map<string, number>(), at };
    entry.counts.set(code, (entry.counts.get(code) ?? 0) + 1);
    votes.set(organization, entry);
  };
  for (const { organizations, countries, at } of rows) {
    if (countries.length === 0 || organizations.length === 0) continue;
    const widths = organizations.map((name) => own.get(name)?.length ?? 1);
    if (widths.reduce((sum, width) => sum + width, 0) === countries.length) {
      let start = 0;
      organizations.forEach((name, index) => {
        vote(name, countries.slice(start, start + widths[index]), at);
        start += widths[index];
      });
    } else if (new Set(countries).size === 1) {
      for (const name of organizations) vote(name, countries, at);
    } else {
      warnings.push({
        at,
        message:
          `${countries.length} countries for ${organizations.length} organisations cannot be paired: ` +
          'no country taken from this row',
      });
    }
  }
  const countries = new Map<string, string>();
  for (const [organization, { counts, at }] of votes) {
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    countries.set(organization, ranked[0][0]);
    if (ranked.length > 1) {
      const tally = ranked.map(([code, count]) => `${code} (${count})`).join(', ');
      warnings.push({ at, message: `${organization}: rows give different countries, ${tally}; kept ${ranked[0][0]}` });
    }
  }
  return { countries, warnings };
}
