/* How the page writes names, countries and numbers. */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
export const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** "name (nameKo)" where a Korean name is given. */
export function displayName(entity) {
  return entity.nameKo ? `${entity.name} (${entity.nameKo})` : entity.name;
}

/** A country code with its English name: "KR · South Korea". */
export function countryName(code) {
  if (!code) return 'unknown';
  try {
    return `${code} · ${regionNames.of(code)}`;
  } catch {
    return code;
  }
}
