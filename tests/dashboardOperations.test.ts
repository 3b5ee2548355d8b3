import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { buildSchema } from '../src/graphql/buildSchema';
import { dashboardOperations, operationsModule } from '../src/server/dashboard/dashboardOperations';

const pageDir = path.join(__dirname, '../src/server/dashboard');

/** The operation names the page's modules send (graphql('Name', ...) and runForPanel(panel, 'Name', ...)). */
function namesSentByThePage(): string[] {
  const names = new Set<string>();
  for (const file of fs.readdirSync(pageDir).filter((name) => name.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(pageDir, file), 'utf8');
    for (const match of text.matchAll(/\b(?:graphql\(|runForPanel\(\w+, )'(\w+)'/g)) names.add(match[1]);
  }
  return [...names].sort();
}

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-operations-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

/** Writes a .graphql file in the temporary folder and returns its path. */
function graphqlFile(text: string): string {
  const file = path.join(temporary, `${fs.readdirSync(temporary).length}.graphql`);
  fs.writeFileSync(file, text);
  return file;
}

describe('dashboard.graphql', () => {
  const operations = dashboardOperations();

  it('holds the named operations the page sends, each of them used', () => {
    expect(Object.keys(operations).sort()).toEqual([
      'CompanyCard',
      'Concentration',
      'Conflicts',
      'DependencyPaths',
      'Downstream',
      'ExplorerSearch',
      'PartnershipDetails',
      'PartnershipNetwork',
      'RemovalImpact',
      'ServiceList',
      'Sources',
      'Stages',
      'SystemicImportance',
      'Upstream',
    ]);
    expect(namesSentByThePage()).toEqual(Object.keys(operations).sort());
  });

  it.each(Object.entries(dashboardOperations()))('%s validates against the served schema', (_name, text) => {
    expect(validate(buildSchema(), parse(text)).map((error) => error.message)).toEqual([]);
  });

  it('asks for no introspection, which a production server refuses', () => {
    expect(Object.values(operations).join('\n')).not.toContain('__');
  });

  it('keeps each operation on its own, so the page sends only the one it runs', () => {
    expect(operations.Stages).toBe(
      'query Stages {\n  stages {\n    id\n    name\n    nameKo\n    order\n    layer\n  }\n}',
    );
  });
});

describe('dashboardOperations', () => {
  it('refuses a fragment, an unnamed operation and a name used twice', () => {
    expect(() =>
      dashboardOperations(graphqlFile('query A { stages { ...F } }\nfragment F on ValueChainStage { id }')),
    ).toThrow('every definition must be a named operation, found FragmentDefinition');
    expect(() => dashboardOperations(graphqlFile('{ stages { id } }'))).toThrow(
      'every definition must be a named operation, found OperationDefinition',
    );
    expect(() => dashboardOperations(graphqlFile('query A { stages { id } }\nquery A { stages { name } }'))).toThrow(
      'the operation name A is used twice',
    );
    expect(() => dashboardOperations(graphqlFile('query A { stages { id }'))).toThrow('Syntax Error');
  });
});

describe('operationsModule', () => {
  it('writes the operations as one frozen object of an ES module', () => {
    expect(operationsModule({ A: 'query A {\n  stages {\n    id\n  }\n}' })).toBe(
      'export const OPERATIONS = Object.freeze({\n  "A": "query A {\\n  stages {\\n    id\\n  }\\n}"\n});\n',
    );
  });
});
