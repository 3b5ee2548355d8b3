/** Given a positive number, returns it rounded to two significant digits, exactly (an integer times a power of ten). */
export function twoSignificantDigits(value: number): number {
  const exponent = Math.floor(Math.log10(value)) - 1;
  const mantissa = Math.round(value / 10 ** exponent);
  // Dividing by a positive power of ten, not multiplying by a negative one, keeps 0.12 from becoming 0.120...01.
  return exponent >= 0 ? mantissa * 10 ** exponent : mantissa / 10 ** -exponent;
}
