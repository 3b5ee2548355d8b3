import { onOrBefore } from '../src/analytics/partialDate';

describe('onOrBefore', () => {
  it('takes a partial date as its first day', () => {
    expect(onOrBefore('2023-01', '2023')).toBe(true);
    expect(onOrBefore('2023', '2023-01-01')).toBe(true);
    expect(onOrBefore('2023-02', '2023-01')).toBe(false);
    expect(onOrBefore('2022-12-31', '2023')).toBe(true);
    expect(onOrBefore('2023-01-02', '2023')).toBe(false);
  });
});
