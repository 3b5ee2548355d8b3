import { hashKey, identify, newKey, parseApiKeys } from '../src/auth/apiKeys';
import { ConfigError, loadConfig } from '../src/config';
import { mergeFacts } from '../src/repositories/curationRepository';

describe('API keys', () => {
  const keys = parseApiKeys(` alice:editor:${hashKey('a-key')}, rita:reader:${hashKey('r-key')} `);

  it('parses name:role:sha256 entries and identifies a Bearer key by its hash', () => {
    expect(keys.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: 'alice', role: 'editor' },
      { name: 'rita', role: 'reader' },
    ]);
    expect(identify('Bearer a-key', keys)).toEqual({ name: 'alice', role: 'editor' });
    expect(identify('bearer r-key ', keys)).toEqual({ name: 'rita', role: 'reader' });
    expect(identify(undefined, keys)).toBe('none');
    expect(identify('', keys)).toBe('none');
    expect(identify('Bearer A-KEY', keys)).toBe('invalid');
    expect(identify('Basic YWxpY2U6eA==', keys)).toBe('invalid');
    expect(identify('Bearer a-key', [])).toBe('invalid');
  });

  it('refuses malformed entries, naming API_KEYS and the entry', () => {
    for (const [raw, message] of [
      ['alice:editor', /is not name:role:sha256/],
      ['alice:admin:' + hashKey('x'), /"admin" is not a role/],
      ['alice:editor:abc', /not 64 lower-case hex digits/],
      [`a b:editor:${hashKey('x')}`, /is not a key name/],
      [`alice:editor:${hashKey('x')},alice:reader:${hashKey('y')}`, /appears twice/],
    ] as const) {
      expect(() => loadConfig({ API_KEYS: raw })).toThrow(ConfigError);
      expect(() => loadConfig({ API_KEYS: raw })).toThrow(message);
    }
    expect(loadConfig({}).apiKeys).toEqual([]);
  });

  it('makes keys whose entry identifies them, never the same twice', () => {
    const first = newKey('ci-bot', 'reader');
    const second = newKey('ci-bot', 'reader');
    expect(first.key).not.toBe(second.key);
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(identify(`Bearer ${first.key}`, parseApiKeys(first.entry))).toEqual({ name: 'ci-bot', role: 'reader' });
  });
});

describe('mergeFacts', () => {
  it('replaces the facts given, keeps the others, accumulates sources and names what changed', () => {
    const before = {
      id: 'x',
      name: 'X',
      country: 'US',
      sourceIds: ['a'],
      confidence: 'REPORTED',
      editedFields: ['name'],
    };
    expect(
      mergeFacts(before, {
        id: 'x',
        facts: { name: 'X', country: undefined, nameKo: '엑스' },
        sourceIds: ['b'],
        cites: true,
      }),
    ).toEqual({
      after: {
        id: 'x',
        name: 'X',
        country: 'US',
        nameKo: '엑스',
        sourceIds: ['a', 'b'],
        confidence: 'REPORTED',
        editedFields: ['name'],
      },
      changed: ['nameKo', 'sourceIds'],
    });
    expect(
      mergeFacts(before, { id: 'x', facts: { name: 'X', country: null }, sourceIds: ['a'], cites: true }).changed,
    ).toEqual(['country']);
    expect(mergeFacts(null, { id: 's', facts: { name: 'S' }, sourceIds: ['s'], cites: false })).toEqual({
      after: { id: 's', name: 'S', sourceIds: ['s'] },
      changed: ['id', 'name', 'sourceIds'],
    });
  });
});
