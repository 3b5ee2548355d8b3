import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print } from 'graphql';
import { projectRoot } from '../../config';

/** The dashboard's GraphQL operations, one named operation each. */
export const operationsFile = path.join(projectRoot, 'src/server/dashboard/dashboard.graphql');

/**
 * Given a .graphql file of named operations (dashboard.graphql by default), returns each operation's text by its
 * name; throws on a syntax error, a fragment, an unnamed operation or a name used twice, so the server fails at start
 * rather than the page at its first query.
 */
export function dashboardOperations(file: string = operationsFile): Record<string, string> {
  const operations: Record<string, string> = {};
  for (const definition of parse(fs.readFileSync(file, 'utf8')).definitions) {
    // The page sends one operation at a time, so an operation must stand alone: no fragment definitions to carry.
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name)
      throw new Error(`${file}: every definition must be a named operation, found ${definition.kind}`);
    const name = definition.name.value;
    if (Object.hasOwn(operations, name)) throw new Error(`${file}: the operation name ${name} is used twice`);
    operations[name] = print(definition);
  }
  return operations;
}

/** Given operations by name, returns the ES module the page imports them from: `export const OPERATIONS = {...};`. */
export function operationsModule(operations: Record<string, string>): string {
  return `export const OPERATIONS = Object.freeze(${JSON.stringify(operations, null, 2)});\n`;
}
