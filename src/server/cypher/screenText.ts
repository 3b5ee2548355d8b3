import { EndpointError, IN_TRANSACTIONS_REFUSAL, LOAD_CSV_REFUSAL, badRequest, forbidden } from './endpointError';
import { screenFunctionName } from './screenFunctionName';
import { Token, atClauseStart, callName, dottedName, isKeyword, keywordAt, tokenize } from './tokenize';

const ADMIN_START = new Set([
  'SHOW',
  'TERMINATE',
  'GRANT',
  'DENY',
  'REVOKE',
  'START',
  'STOP',
  'ALTER',
  'DROP',
  'RENAME',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'DRYRUN',
]);
const ADMIN_OBJECTS = new Set([
  'DATABASE',
  'DATABASES',
  'USER',
  'USERS',
  'ROLE',
  'ROLES',
  'INDEX',
  'INDEXES',
  'CONSTRAINT',
  'CONSTRAINTS',
  'ALIAS',
  'ALIASES',
  'SERVER',
  'SERVERS',
  'PRIVILEGE',
  'PRIVILEGES',
  'COMPOSITE',
  'TRANSACTION',
  'TRANSACTIONS',
  'PROCEDURE',
  'PROCEDURES',
  'FUNCTION',
  'FUNCTIONS',
  'SETTING',
  'SETTINGS',
  'HOME',
  'CURRENT',
]);
/** A Unicode escape as Neo4j reads it in query text (Java's form: one or more u, four hex digits). */
const UNICODE_ESCAPE = /\\u+[0-9A-Fa-f]{4}/;
const INDEX_KINDS = new Set(['RANGE', 'TEXT', 'POINT', 'FULLTEXT', 'LOOKUP', 'VECTOR', 'BTREE']);

/** The graph a USE clause names, starting after USE: a (dotted) name, or graph.byName(...) / graph.byElementId(...). */
function useTarget(tokens: Token[], start: number): string {
  const { name, followedByParen } = dottedName(tokens, start);
  return followedByParen ? `${name}(...)` : name;
}

/**
 * Refuses what the text alone shows and EXPLAIN may not: another database, administration and SHOW/TERMINATE
 * commands, LOAD CSV, transaction batches, procedure calls and non-built-in functions. Returns the refusal, or
 * undefined.
 */
export function screenText(query: string, database: string): EndpointError | undefined {
  // Neo4j decodes \uXXXX anywhere in a query's text, so an escape could spell a keyword this screen does not see.
  const escape = UNICODE_ESCAPE.exec(query);
  if (escape) {
    return badRequest(
      `the query contains the escape ${escape[0]} at character ${escape.index + 1}; ` +
        'write the character itself or pass the value as a parameter',
    );
  }
  const tokens = tokenize(query);
  if (tokens.length === 0) return badRequest('the query is empty (only comments or whitespace)');
  if (isKeyword(tokens[0], 'EXPLAIN', 'PROFILE', 'CYPHER')) {
    return badRequest(`the query must not start with ${tokens[0].text.toUpperCase()}: send the statement alone`);
  }
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    const word = keywordAt(tokens, index);
    const next = tokens[index + 1];
    if (word === 'USE' && atClauseStart(tokens, index) && next?.kind === 'word') {
      const target = useTarget(tokens, index + 1);
      if (target.toLowerCase() !== database.toLowerCase()) {
        return forbidden(
          `the query targets another database (USE ${target}); only the "${database}" database can be queried`,
        );
      }
    }
    if (word !== undefined && ADMIN_START.has(word) && atClauseStart(tokens, index) && next?.kind === 'word') {
      return forbidden(
        `the query is an administration command (${word} ${next.text.toUpperCase()}); only reads are allowed`,
      );
    }
    if (word === 'CREATE' || word === 'DROP' || word === 'ALTER' || word === 'RENAME') {
      // CREATE [OR REPLACE] [COMPOSITE | RANGE | TEXT | ...] DATABASE | USER | ROLE | INDEX | CONSTRAINT | ...
      let j = index + 1;
      if (isKeyword(tokens[j], 'OR') && isKeyword(tokens[j + 1], 'REPLACE')) j += 2;
      if (tokens[j]?.kind === 'word' && !tokens[j].quoted && INDEX_KINDS.has(tokens[j].text.toUpperCase())) j += 1;
      if (isKeyword(tokens[j], 'COMPOSITE')) j += 1;
      if (tokens[j]?.kind === 'word' && !tokens[j].quoted && ADMIN_OBJECTS.has(tokens[j].text.toUpperCase())) {
        return forbidden(
          `the query is an administration or schema command (${word} ${tokens[j].text.toUpperCase()}); ` +
            'only reads are allowed',
        );
      }
    }
    if (word === 'LOAD' && (isKeyword(next, 'CSV') || isKeyword(next, 'FROM'))) {
      return forbidden(LOAD_CSV_REFUSAL);
    }
    if (word === 'IN' && isKeyword(next, 'TRANSACTIONS')) {
      return forbidden(IN_TRANSACTIONS_REFUSAL);
    }
    if (word === 'CALL' && next?.kind === 'word') {
      return forbidden(`the query calls a procedure (${callName(tokens, index + 1)}); procedure calls are not allowed`);
    }
    // A call in a namespace: name (. name)+ ( — or a quoted name holding dots followed by (.
    if (token.kind === 'word' && !(tokens[index - 1]?.kind === 'punct' && tokens[index - 1].text === '.')) {
      const name = callName(tokens, index);
      if (name !== undefined && name.includes('.')) {
        const refusal = screenFunctionName(name);
        if (refusal) return refusal;
      }
    }
  }
  return undefined;
}
