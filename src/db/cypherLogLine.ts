/** Where the runner writes one line per statement it sends, when logging is on (LOG_CYPHER=1). */
export type CypherLogger = (line: string) => void;

const MAX_NAME = 60;
const MAX_STRING = 40;
const MAX_ITEMS = 5;
const MAX_PARAMS = 200;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** A statement's name from its header comment (`// name: entities/by-ids`), else its first line of Cypher. */
function statementName(query: string): string {
  const named = /^\s*\/\/\s*name:\s*(\S+)/.exec(query);
  if (named) return named[1];
  const line = query.split(/\r?\n/).find((text) => text.trim() !== '' && !/^\s*\/\//.test(text)) ?? '';
  return cut(line.trim().replace(/\s+/g, ' '), MAX_NAME);
}

/** A parameter value shortened for a log line: long strings cut, long lists cut with their length. */
function brief(value: unknown): unknown {
  if (typeof value === 'string') return cut(value, MAX_STRING);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map(brief);
    return value.length > MAX_ITEMS ? [...shown, `…(${value.length} items)`] : shown;
  }
  // A Neo4j Integer (or any other value with its own text) is shown as that text.
  if (Object.getPrototypeOf(value) !== Object.prototype) return String(value);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, brief(item)]));
}

/**
 * Given a statement, its parameters, the milliseconds it took and its row count (or the code it failed with),
 * returns one short line: `cypher <name> <params> <ms> ms <rows> rows`.
 */
export function cypherLogLine(
  query: string,
  params: Record<string, unknown>,
  ms: number,
  outcome: number | string,
): string {
  const shown = Object.keys(params).length === 0 ? '{}' : cut(JSON.stringify(brief(params)), MAX_PARAMS);
  const result = typeof outcome === 'number' ? `${outcome} rows` : `failed ${outcome}`;
  return `cypher ${statementName(query)} ${shown} ${Math.round(ms)} ms ${result}`;
}
