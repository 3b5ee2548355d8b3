/* How the page writes names, countries, numbers and claimed values. */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
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

/** A number in scientific notation as papers write FLOP: "2.1e25" (at most three significant digits). */
export function scientific(value) {
  if (value === 0) return '0';
  const [mantissa, exponent] = value.toExponential(2).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** A concentration measure's value with its unit: FLOP in scientific notation, H100-equivalents, counts, USD. */
export function measureValue(measure, value) {
  switch (measure) {
    case 'TRAINING_COMPUTE':
      return `${scientific(value)} FLOP`;
    case 'COMPUTE':
      return `${whole.format(value)} H100e`;
    case 'MARKET_CAP':
      return `USD ${number.format(value)} bn`;
    case 'HOSTED_MODELS':
      return `${number.format(value)} offers`;
    case 'ADOPTERS':
      return `${number.format(value)} adopters`;
    default:
      return `${number.format(value)} ${measure.toLowerCase()}`;
  }
}

/** A claim's value (JSON text) as a reader takes it: large numbers in scientific notation, lists joined. */
export function claimValue(json) {
  let value;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (typeof value === 'number') return Math.abs(value) >= 1e6 ? scientific(value) : number.format(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return value === null ? 'null' : String(value);
}
