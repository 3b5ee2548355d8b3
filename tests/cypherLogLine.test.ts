import neo4j from 'neo4j-driver';
import { cypherLogLine } from '../src/db/cypherLogLine';
import { connectionOf } from '../src/db/queryRunner';
import { loadConfig } from '../src/config';

describe('cypherLogLine', () => {
  it('names a statement by its header, else by its first line of Cypher, and says its time and rows', () => {
    expect(cypherLogLine('// name: entities/by-ids\n// Returns ...\nMATCH (n)', { ids: ['a', 'b'] }, 3.4, 2)).toBe(
      'cypher entities/by-ids {"ids":["a","b"]} 3 ms 2 rows',
    );
    expect(cypherLogLine('\n  // a comment\n  MATCH   (n)\n  RETURN n', {}, 12, 0)).toBe(
      'cypher MATCH (n) {} 12 ms 0 rows',
    );
  });

  it('cuts long statements, strings and lists, shows integers as numbers and says a failure', () => {
    const line = cypherLogLine(
      `RETURN ${'x'.repeat(100)}`,
      { text: 'y'.repeat(50), ids: [1, 2, 3, 4, 5, 6, 7], n: neo4j.int(42) },
      1,
      'Neo.ClientError.Statement.SyntaxError',
    );
    expect(line).toBe(
      `cypher RETURN ${'x'.repeat(53)}… {"text":"${'y'.repeat(40)}…","ids":[1,2,3,4,5,"…(7 items)"],"n":"42"} ` +
        '1 ms failed Neo.ClientError.Statement.SyntaxError',
    );
  });
});

describe('LOG_CYPHER', () => {
  it('is off unless set, and when set gives the runner the logger', () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    expect(connectionOf(loadConfig({}).neo4j, 'bolt://x', log).log).toBeUndefined();
    expect(connectionOf(loadConfig({ LOG_CYPHER: '1' }).neo4j, 'bolt://x', log).log).toBe(log);
    expect(() => loadConfig({ LOG_CYPHER: 'maybe' })).toThrow('LOG_CYPHER: expected 1 or 0, got "maybe"');
  });
});
