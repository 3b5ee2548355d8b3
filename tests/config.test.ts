import { ConfigError, describeAccess, loadConfig, LOOPBACK_ORIGINS } from '../src/config';
import { DEFAULT_SOURCE_PRECEDENCE } from '../src/domain/claims';
import { IMPORTERS } from '../src/imports/importSource';

describe('EXTERNAL_DATABASES', () => {
  it('imports every shipped database by default, in the importers order', () => {
    expect(loadConfig({}).externalDatabases).toEqual([...DEFAULT_SOURCE_PRECEDENCE]);
    expect([...DEFAULT_SOURCE_PRECEDENCE].sort()).toEqual(IMPORTERS.map((importer) => importer.source).sort());
  });

  it('takes a list of source ids, or none', () => {
    expect(loadConfig({ EXTERNAL_DATABASES: ' models-dev, epoch-ai-chip-counts ' }).externalDatabases).toEqual([
      'models-dev',
      'epoch-ai-chip-counts',
    ]);
    expect(loadConfig({ EXTERNAL_DATABASES: 'none' }).externalDatabases).toEqual([]);
  });

  it('refuses a database it does not ship, naming the variable and the databases it knows', () => {
    expect(() => loadConfig({ EXTERNAL_DATABASES: 'epoch-ai-models,wikidata' })).toThrow(
      new ConfigError(
        'EXTERNAL_DATABASES',
        'expected none or shipped databases among epoch-ai-models, ecosystem-graphs, models-dev, ' +
          'epoch-ai-chip-counts separated by commas, got "wikidata"',
      ),
    );
  });
});

describe('defaults for a server on its own machine, and for one others reach', () => {
  const production = { NODE_ENV: 'production' };

  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])(
    'on %s: introspection and suggestions on, no rate limit, pages on this machine may call the API',
    (host) => {
      const config = loadConfig({ ...production, HOST: host });
      expect(config.introspection).toBe(true);
      expect(config.fieldSuggestions).toBe(true);
      expect(config.rateLimitPerMinute).toBe(0);
      expect(config.corsOrigins).toEqual(LOOPBACK_ORIGINS);
    },
  );

  it('holds for npm start, which sets nothing but NODE_ENV=production, and the start line says so', () => {
    const config = loadConfig(production);
    expect(config.host).toBe('127.0.0.1');
    expect(describeAccess(config)).toBe(
      'serving this machine only: introspection on, no rate limit, browsers from http://localhost:*, ' +
        'http://127.0.0.1:*, http://[::1]:*',
    );
  });

  it.each(['0.0.0.0', '192.168.1.20', '::'])('on %s: the production defaults', (host) => {
    const config = loadConfig({ ...production, HOST: host });
    expect(config.introspection).toBe(false);
    expect(config.fieldSuggestions).toBe(false);
    expect(config.rateLimitPerMinute).toBe(120);
    expect(config.corsOrigins).toEqual([]);
    expect(describeAccess(config)).toBe(
      `serving every client that reaches ${host}: introspection off, 120 requests a minute per client, ` +
        "browsers from this server's own pages only",
    );
  });

  it('lets each setting override its default, on loopback and elsewhere', () => {
    const local = loadConfig({
      ...production,
      GRAPHQL_INTROSPECTION: '0',
      RATE_LIMIT_PER_MINUTE: '60',
      CORS_ORIGINS: 'https://dashboards.example',
    });
    expect([local.introspection, local.rateLimitPerMinute, local.corsOrigins]).toEqual([
      false,
      60,
      ['https://dashboards.example'],
    ]);
    const shared = loadConfig({
      ...production,
      HOST: '0.0.0.0',
      GRAPHQL_INTROSPECTION: '1',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    expect([shared.introspection, shared.rateLimitPerMinute]).toEqual([true, 0]);
  });

  it('outside production, introspection stays on wherever it listens', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).introspection).toBe(true);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default; takes a hop count, or addresses, CIDR ranges and range names', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.5, 10.1.0.0/16 ,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses what is neither, naming the variable', () => {
    for (const wrong of ['true', '10.0.0.0/33', 'nginx.local', '10.0.0.1/8/2', '101']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/^TRUST_PROXY: expected/);
    }
  });
});

describe('MIGRATE_ON_START and MIGRATE_LOCK_TTL_MS', () => {
  it('migrates at start by default, with a lock of a minute', () => {
    expect(loadConfig({})).toMatchObject({ migrateOnStart: true, migrateLockTtlMs: 60_000 });
    expect(loadConfig({ MIGRATE_ON_START: '0', MIGRATE_LOCK_TTL_MS: '5000' })).toMatchObject({
      migrateOnStart: false,
      migrateLockTtlMs: 5000,
    });
    expect(() => loadConfig({ MIGRATE_ON_START: 'later' })).toThrow(/^MIGRATE_ON_START: expected 1 or 0/);
    expect(() => loadConfig({ MIGRATE_LOCK_TTL_MS: '10' })).toThrow(/^MIGRATE_LOCK_TTL_MS: expected an integer/);
  });
});
