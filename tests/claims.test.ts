import { conflicts } from '../src/analytics/conflicts';
import {
  claimFieldsOf,
  linkClaims,
  reverseFieldsOf,
  servedOrder,
  type ServedClaim,
} from '../src/analytics/fieldClaims';
import { DEFAULT_SOURCE_PRECEDENCE, disagreement } from '../src/domain/claims';

const precedence = DEFAULT_SOURCE_PRECEDENCE;
const report = { id: 'report', sourceKind: null, snapshotOn: null };
const article = { id: 'article', sourceKind: null, snapshotOn: null };
const epoch = { id: 'epoch-ai-models', sourceKind: 'DATABASE', snapshotOn: '2025-11' };
const ecosystem = { id: 'ecosystem-graphs', sourceKind: 'DATABASE', snapshotOn: '2025-12' };

const served = (over: Partial<ServedClaim>): ServedClaim => ({
  field: 'parameters',
  value: '1',
  sourceId: 'report',
  confidence: 'REPORTED',
  tier: 'SEED',
  snapshotOn: null,
  preferred: false,
  ...over,
});

describe('claimFieldsOf', () => {
  it('gives a label its claimed properties, then the fields of its relationships at either end', () => {
    expect(claimFieldsOf('FoundationModel')).toEqual([
      'parameters',
      'parametersNote',
      'releasedOn',
      'access',
      'trainingComputeFlop',
      'adopters',
      'developers',
      'services',
      'baseModels',
      'derivedModels',
      'trainingChipVendors',
      'trainingClouds',
      'trainingData',
      'generatedDatasets',
      'inferenceProviders',
    ]);
    expect(claimFieldsOf('Company')).toEqual(
      expect.arrayContaining(['country', 'marketCapUsdBn', 'models', 'parent', 'subsidiaries', 'partnerships']),
    );
    expect(claimFieldsOf('Source')).toEqual([]);
  });
});

describe('linkClaims', () => {
  it('lets each source claim the sorted ids it links on a field, a database at tier DATABASE', () => {
    const claims = linkClaims(
      [
        { type: 'DEVELOPS', out: false, other: 'google', confidence: 'CONFIRMED', sources: [report, epoch] },
        { type: 'DEVELOPS', out: false, other: 'deepmind', confidence: 'UNCERTAIN', sources: [epoch] },
        { type: 'BASED_ON', out: true, other: 'palm', confidence: null, sources: [article] },
      ],
      precedence,
    );
    expect(servedOrder(claims, precedence)).toEqual([
      served({ field: 'baseModels', value: '["palm"]', sourceId: 'article', preferred: true }),
      served({
        field: 'developers',
        value: '["google"]',
        sourceId: 'report',
        confidence: 'CONFIRMED',
        preferred: true,
      }),
      served({
        field: 'developers',
        value: '["deepmind","google"]',
        sourceId: 'epoch-ai-models',
        confidence: 'UNCERTAIN',
        tier: 'DATABASE',
        snapshotOn: '2025-11',
      }),
    ]);
  });

  it('prefers databases in the configured order, whatever their snapshots', () => {
    const claims = linkClaims(
      [
        { type: 'SUBSIDIARY_OF', out: true, other: 'alphabet', confidence: null, sources: [ecosystem] },
        { type: 'SUBSIDIARY_OF', out: true, other: 'google', confidence: null, sources: [epoch] },
      ],
      precedence,
    );
    expect(claims.find((claim) => claim.preferred)?.sourceId).toBe('epoch-ai-models');
    expect(linkClaims([], precedence)).toEqual([]);
  });
});

describe('servedOrder', () => {
  it('orders by field, the preferred claim first, then by precedence', () => {
    const claims = [
      served({ field: 'releasedOn', sourceId: 'epoch-ai-models', tier: 'DATABASE' }),
      served({ sourceId: 'ecosystem-graphs', tier: 'DATABASE' }),
      served({ sourceId: 'epoch-ai-models', tier: 'DATABASE' }),
      served({ sourceId: 'editor-source', tier: 'EDITOR', preferred: true }),
      served({ sourceId: 'report', tier: 'SEED' }),
    ];
    expect(servedOrder(claims, precedence).map((claim) => `${claim.field} ${claim.sourceId}`)).toEqual([
      'parameters editor-source',
      'parameters report',
      'parameters epoch-ai-models',
      'parameters ecosystem-graphs',
      'releasedOn epoch-ai-models',
    ]);
  });
});

describe('conflicts', () => {
  const field = (entityId: string, name: string, values: string[], sources = values.map((_, i) => `s${i}`)) => ({
    entityId,
    field: name,
    claims: values.map((value, i) => served({ field: name, value, sourceId: sources[i], preferred: i === 0 })),
  });

  it(`keeps numbers apart beyond the tolerance, dates that differ at the coarser precision, any differing text, \
a database's list of ids unlike the documents'; largest first, then by entity and field`, () => {
    const found = conflicts(
      [
        field('gpt-3', 'parameters', ['175000000000', '200000000000']),
        field('gpt-3', 'trainingComputeFlop', ['3.14e+23', '3e+23']),
        field('gpt-3', 'releasedOn', ['"2020-06"', '"2020-05-28"']),
        field('gpt-4', 'releasedOn', ['"2023-03"', '"2023-03-15"']),
        {
          entityId: 'bert',
          field: 'developers',
          claims: [
            served({ field: 'developers', value: '["google"]', preferred: true }),
            served({
              field: 'developers',
              value: '["google","microsoft"]',
              sourceId: 'epoch-ai-models',
              tier: 'DATABASE',
            }),
          ],
        },
        // Two documents naming different partners do not disagree: each names some, not all.
        field('openai', 'partnerships', ['["investment-a"]', '["licensing-b"]']),
        field('llama', 'parameters', ['65000000000', '65000000000']),
      ],
      { tolerance: 0.1 },
    );
    expect(found.map((one) => [one.entityId, one.field, one.disagreement])).toEqual([
      ['bert', 'developers', 1],
      ['gpt-3', 'releasedOn', 1],
      ['gpt-3', 'parameters', (200e9 - 175e9) / 200e9],
    ]);
    expect(conflicts([field('gpt-3', 'trainingComputeFlop', ['3.14e+23', '3e+23'])], { tolerance: 0.01 })).toHaveLength(
      1,
    );
  });

  it('keeps only the conflicts a source takes part in', () => {
    const fields = [
      field('a', 'country', ['"US"', '"GB"'], ['report', 'epoch-ai-models']),
      field('b', 'country', ['"US"', '"GB"'], ['report', 'article']),
    ];
    expect(conflicts(fields, { tolerance: 0.1, source: 'epoch-ai-models' }).map((one) => one.entityId)).toEqual(['a']);
  });
});

describe('disagreement of partial dates', () => {
  it('compares dates at the precision of the least precise', () => {
    expect(disagreement(['"2023-03"', '"2023-03-15"'], 0.1)).toBeNull();
    expect(disagreement(['"2023"', '"2023-03-15"', '"2023-11"'], 0.1)).toBeNull();
    expect(disagreement(['"2022-12"', '"2021-12-23"'], 0.1)).toBe(1);
    expect(disagreement(['"2023-03"', '"2023-04-01"'], 0.1)).toBe(1);
  });
});

describe('reverseFieldsOf', () => {
  it('names the fields read from the end that does not state the relationship', () => {
    expect(reverseFieldsOf('Company').sort()).toEqual([
      'chipOwners',
      'chipsTrainedModels',
      'cloudTrainedModels',
      'datasets',
      'models',
      'offeredModels',
      'partnerships',
      'services',
      'subsidiaries',
    ]);
    expect(reverseFieldsOf('FoundationModel').sort()).toEqual(['adopters', 'derivedModels', 'services']);
  });
});
