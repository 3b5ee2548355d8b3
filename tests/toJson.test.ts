import neo4j, { Duration, Node, Path, PathSegment, Relationship } from 'neo4j-driver';
import { toJson } from '../src/db/toJson';

describe('toJson', () => {
  it('keeps safe integers as numbers and writes unsafe ones and non-finite floats as text', () => {
    expect(toJson(neo4j.int(42))).toBe(42);
    expect(toJson(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toJson(9007199254740993n)).toBe('9007199254740993');
    expect(toJson(Number.NaN)).toBe('NaN');
    expect(toJson(undefined)).toBeNull();
  });

  it('writes durations as ISO 8601, as Cypher does', () => {
    expect(toJson(new Duration(14, 3, 3661, 500_000_000))).toBe('P1Y2M3DT1H1M1.5S');
    expect(toJson(new Duration(0, 0, 0, 0))).toBe('PT0S');
    expect(toJson(new Duration(0, 0, -90, 0))).toBe('PT-1M-30S');
  });

  it('writes nodes, relationships and paths as objects with their element ids', () => {
    const a = new Node(1, ['Company'], { id: 'a', n: neo4j.int(1) }, 'e1');
    const b = new Node(2, ['Model'], { id: 'b' }, 'e2');
    const r = new Relationship(
      3,
      1,
      2,
      'DEVELOPS',
      { since: neo4j.types.Date.fromStandardDate(new Date(2024, 0, 2)) },
      'r3',
      'e1',
      'e2',
    );
    expect(toJson(new Path(a, b, [new PathSegment(a, r, b)]))).toEqual([
      { elementId: 'e1', labels: ['Company'], properties: { id: 'a', n: 1 } },
      { elementId: 'r3', type: 'DEVELOPS', start: 'e1', end: 'e2', properties: { since: '2024-01-02' } },
      { elementId: 'e2', labels: ['Model'], properties: { id: 'b' } },
    ]);
  });
});
