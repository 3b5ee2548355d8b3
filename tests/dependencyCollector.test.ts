import { DependencyCollector } from '../src/dependencies/dependencyCollector';
import { GRAPH } from '../src/domain/graphModel';

const confirmed = (source: string) => ({ sourceIds: [source], confidence: 'CONFIRMED' });

describe('DependencyCollector', () => {
  it('derives what derivationStatement derives: relation, sorted via, sources in order, strongest confidence', () => {
    const collector = new DependencyCollector(GRAPH);
    // A model developed by a lab: the model depends on it (DEVELOPED_BY), with the fact's source and confidence.
    collector.addRelationship('DEVELOPS', 'lab', 'model', { sourceIds: ['s1'], confidence: 'REPORTED' });
    // Two investments in the same startup by the same investor, the later one first, and an undated acquisition.
    collector.addNode('Partnership', 'deal-b', { kind: 'INVESTMENT', announcedOn: '2023-05', ...confirmed('s3') });
    collector.addNode('Partnership', 'deal-a', {
      kind: 'INVESTMENT',
      announcedOn: '2022',
      sourceIds: ['s2', 's3'],
      confidence: 'UNCERTAIN',
    });
    collector.addNode('Partnership', 'deal-c', { kind: 'ACQUISITION', ...confirmed('s4') });
    for (const deal of ['deal-b', 'deal-a']) {
      collector.addRelationship('PARTY_TO', 'startup', deal, { role: 'investee' });
      collector.addRelationship('PARTY_TO', 'fund', deal, { role: 'investor' });
    }
    collector.addRelationship('PARTY_TO', 'startup', 'deal-c', { role: 'acquired' });
    collector.addRelationship('PARTY_TO', 'fund', 'deal-c', { role: 'acquirer' });
    // A chip maker holding its own chips makes no dependency (the relationship may be reflexive).
    collector.addRelationship('HOLDS_CHIPS_OF', 'fund', 'fund', confirmed('s1'));

    const found = [...collector.dependencies()].sort((a, b) =>
      `${a.from} ${a.properties.relation}`.localeCompare(`${b.from} ${b.properties.relation}`),
    );
    expect(found).toEqual([
      {
        from: 'model',
        to: 'lab',
        properties: { relation: 'DEVELOPED_BY', via: [], sourceIds: ['s1'], confidence: 'REPORTED' },
      },
      {
        from: 'startup',
        to: 'fund',
        properties: {
          relation: 'INVESTED_BY',
          via: ['deal-a', 'deal-b'],
          sourceIds: ['s2', 's3'],
          confidence: 'CONFIRMED',
          since: '2022',
        },
      },
      {
        from: 'startup',
        to: 'fund',
        properties: { relation: 'OWNED_BY', via: ['deal-c'], sourceIds: ['s4'], confidence: 'CONFIRMED' },
      },
    ]);
  });
});
