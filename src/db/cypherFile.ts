import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';

const cache = new Map<string, string>();

/** Given a query name such as "seed/merge-nodes", returns the text of cypher/<name>.cypher (read once). */
export function cypherFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(projectRoot, 'cypher', `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Splits a script of statements (each ending in ";" at the end of a line) into statements, comments dropped. */
export function splitStatements(script: string): string[] {
  return script
    .split(/;\s*(?:\r?\n|$)/)
    .map((chunk) =>
      chunk
        .split(/\r?\n/)
        .filter((line) => !/^\s*\/\//.test(line))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}
