import { ConfigError, loadConfig } from '../src/config';
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
