import { endOf, estimateAsOf, parseEstimates } from '../src/analytics/chipEstimates';
import { concentrationIndex, measureGroups, type MarketData } from '../src/analytics/concentration';

const at = { owner: 'acme', vendor: 'nvidia' };
const estimate = (asOf: string, h100Equivalents: number) => ({ asOf, h100Equivalents });
const text = JSON.stringify([estimate('2023-06-30', 10), estimate('2024-03-31', 25), estimate('2024-12-31', 40)]);

describe('chip estimates', () => {
  it('parse oldest first, with absent numbers as null', () => {
    const parsed = parseEstimates(JSON.stringify([estimate('2024-12-31', 40), estimate('2023-06-30', 10)]), at);
    expect(parsed.map((e) => e.asOf)).toEqual(['2023-06-30', '2024-12-31']);
    expect(parsed[0]).toEqual({
      asOf: '2023-06-30',
      h100Equivalents: 10,
      h100EquivalentsLow: null,
      h100EquivalentsHigh: null,
      units: null,
    });
    expect(parseEstimates(null, at)).toEqual([]);
  });

  it('reject text that is not such a list, naming owner, vendor and estimate', () => {
    expect(() => parseEstimates('{', at)).toThrow(/estimates of acme from nvidia: not JSON/);
    expect(() => parseEstimates(JSON.stringify([estimate('June', 1)]), at)).toThrow(/estimate 1: asOf is "June"/);
    expect(() => parseEstimates(JSON.stringify([{ asOf: '2024' }]), at)).toThrow(/h100Equivalents is missing/);
    expect(() => parseEstimates(JSON.stringify([estimate('2024', -1)]), at)).toThrow(/not a non-negative number/);
  });

  it('read a partial date as the end of its period', () => {
    expect(endOf('2024')).toBe('2024-12-31');
    expect(endOf('2024-02')).toBe('2024-02-31');
    expect(endOf('2024-02-29')).toBe('2024-02-29');
  });

  it('choose the newest estimate on or before the date, none when none is that old', () => {
    const all = parseEstimates(text, at);
    expect(estimateAsOf(all)?.h100Equivalents).toBe(40);
    expect(estimateAsOf(all, '2024-03-31')?.h100Equivalents).toBe(25);
    expect(estimateAsOf(all, '2024-03')?.h100Equivalents).toBe(25);
    expect(estimateAsOf(all, '2024-03-30')?.h100Equivalents).toBe(10);
    expect(estimateAsOf(all, '2024')?.h100Equivalents).toBe(40);
    expect(estimateAsOf(all, '2023-06-29')).toBeNull();
    expect(estimateAsOf(parseEstimates(JSON.stringify([estimate('2024', 5)]), at), '2024-06')).toBeNull();
  });
});

describe('concentration of COMPUTE and HOSTED_MODELS', () => {
  const company = (id: string, country: string, aggregate?: string) => ({
    id,
    name: id,
    country,
    marketCapUsdBn: null,
    aggregate: aggregate ?? null,
  });
  const data: MarketData = {
    companies: [
      company('alpha', 'US'),
      company('beta', 'US'),
      company('china', 'CN', 'COUNTRY'),
      company('other', 'US', 'REMAINDER'),
    ],
    participants: null,
    models: [],
    services: [],
    adoptions: [],
    partnerships: [],
    holdings: [
      { owner: 'alpha', vendor: 'nvidia', estimates: text },
      { owner: 'alpha', vendor: 'amd', estimates: JSON.stringify([estimate('2024-01-31', 5)]) },
      { owner: 'beta', vendor: 'nvidia', estimates: JSON.stringify([estimate('2025-01-31', 100)]) },
      { owner: 'china', vendor: 'nvidia', estimates: JSON.stringify([estimate('2024-06-30', 30)]) },
      { owner: 'other', vendor: 'nvidia', estimates: JSON.stringify([estimate('2024-06-30', 1000)]) },
    ],
    offers: [
      { provider: 'alpha', model: 'm1' },
      { provider: 'alpha', model: 'm2' },
      { provider: 'beta', model: 'm1' },
      { provider: 'other', model: 'm1' },
    ],
  };
  const valuesOf = (groups: { key: string; value: number }[]) =>
    Object.fromEntries(groups.map((group) => [group.key, group.value]));

  it('sum each owner’s newest estimate per vendor on or before asOf, leaving aggregates out by company', () => {
    expect(valuesOf(measureGroups(data, { measure: 'COMPUTE', groupBy: 'COMPANY' }))).toEqual({ alpha: 45, beta: 100 });
    expect(valuesOf(measureGroups(data, { measure: 'COMPUTE', groupBy: 'COMPANY', asOf: '2024-06' }))).toEqual({
      alpha: 30,
    });
    expect(valuesOf(measureGroups(data, { measure: 'COMPUTE', groupBy: 'BLOC', asOf: '2024' }))).toEqual({
      alpha: 45,
    });
  });

  it('count a COUNTRY aggregate for its country and a REMAINDER for none', () => {
    const groups = measureGroups(data, { measure: 'COMPUTE', groupBy: 'COUNTRY', asOf: '2024' });
    expect(valuesOf(groups)).toEqual({ US: 45, CN: 30 });
    expect(concentrationIndex(groups).total).toBe(75);
  });

  it('count each provider’s offers, aggregates left out', () => {
    expect(valuesOf(measureGroups(data, { measure: 'HOSTED_MODELS', groupBy: 'COMPANY' }))).toEqual({
      alpha: 2,
      beta: 1,
    });
    expect(valuesOf(measureGroups(data, { measure: 'HOSTED_MODELS', groupBy: 'COUNTRY' }))).toEqual({ US: 3 });
  });
});
