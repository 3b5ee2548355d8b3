import type { PlanOperator, QueryPlan } from '../src/db/queryRunner';
import { screenPlan } from '../src/server/cypher/screenPlan';
import { screenText } from '../src/server/cypher/screenText';
import { tokenize } from '../src/server/cypher/tokenize';
import { writeKeywords } from '../src/server/cypher/writeKeywords';

/** The refusal's status, code and message, or undefined. */
const verdict = (refusal: { status: number; code: string; message: string } | undefined) =>
  refusal && { status: refusal.status, code: refusal.code, message: refusal.message };

describe('tokenize', () => {
  it('keeps words and punctuation, and hides comments, strings and numbers', () => {
    expect(tokenize("MATCH (n) // CALL db.x()\nWHERE n.name = 'CALL db.labels()' /* SET */ RETURN `a b`, 1.5")).toEqual(
      [
        { kind: 'word', text: 'MATCH' },
        { kind: 'punct', text: '(' },
        { kind: 'word', text: 'n' },
        { kind: 'punct', text: ')' },
        { kind: 'word', text: 'WHERE' },
        { kind: 'word', text: 'n' },
        { kind: 'punct', text: '.' },
        { kind: 'word', text: 'name' },
        { kind: 'punct', text: '=' },
        { kind: 'punct', text: 'STRING' },
        { kind: 'word', text: 'RETURN' },
        { kind: 'word', text: 'a b', quoted: true },
        { kind: 'punct', text: ',' },
        { kind: 'punct', text: 'NUMBER' },
      ],
    );
  });

  it('reads a doubled backtick as one inside a quoted name', () => {
    expect(tokenize('RETURN 1 AS `a``b`')[3]).toEqual({ kind: 'word', text: 'a`b', quoted: true });
  });
});

describe('writeKeywords', () => {
  it('lists write clauses once each, in order, and not property keys, labels or strings', () => {
    expect(writeKeywords("MATCH (n:Set {set: 1}) SET n.merge = 'CREATE' DETACH DELETE n SET n.x = 2")).toEqual([
      'SET',
      'DETACH DELETE',
    ]);
    expect(writeKeywords('MATCH (n) RETURN n.create, $delete')).toEqual([]);
  });
});

describe('screenText', () => {
  it.each([
    ['MATCH (n) RETURN n'],
    ['USE neo4j MATCH (n) RETURN n'],
    ["RETURN duration.between(date('2024-01-01'), date('2024-02-01')) AS d"],
    ["WITH {name: 'x'} AS db RETURN db.name AS set, 'CALL db.labels()' AS text"],
  ])('lets %s through', (query) => {
    expect(screenText(query, 'neo4j')).toBeUndefined();
  });

  it.each([
    ['   // nothing', 400, 'BAD_REQUEST', 'the query is empty (only comments or whitespace)'],
    [
      'EXPLAIN MATCH (n) RETURN n',
      400,
      'BAD_REQUEST',
      'the query must not start with EXPLAIN: send the statement alone',
    ],
    [
      'USE system SHOW USERS',
      403,
      'FORBIDDEN',
      'the query targets another database (USE system); only the "neo4j" database can be queried',
    ],
    ['SHOW USERS', 403, 'FORBIDDEN', 'the query is an administration command (SHOW USERS); only reads are allowed'],
    [
      'CREATE OR REPLACE DATABASE evil',
      403,
      'FORBIDDEN',
      'the query is an administration or schema command (CREATE DATABASE); only reads are allowed',
    ],
    [
      "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
      403,
      'FORBIDDEN',
      'the query uses LOAD CSV, which reads files or URLs from the server; only graph reads are allowed',
    ],
    [
      'CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n',
      403,
      'FORBIDDEN',
      'the query uses CALL { ... } IN TRANSACTIONS, which commits batches of its own; ' +
        'only single read transactions are allowed',
    ],
    ['CALL db.labels()', 403, 'FORBIDDEN', 'the query calls a procedure (db.labels); procedure calls are not allowed'],
    [
      "RETURN `apoc`.text.join(['a'], ',') AS x",
      403,
      'FORBIDDEN',
      'the query calls apoc.text.join(...); functions and procedures of apoc.* are not allowed',
    ],
    [
      'RETURN my.plugin(1) AS x',
      403,
      'FORBIDDEN',
      'the query calls my.plugin(...), which is not a built-in Cypher function; only built-in functions are allowed',
    ],
  ])('refuses %s', (query, status, code, message) => {
    expect(verdict(screenText(query, 'neo4j'))).toEqual({ status, code, message });
  });
});

const op = (operatorType: string, details = ''): PlanOperator => ({ operatorType, details });
const plan = (queryType: string, ...operators: PlanOperator[]): QueryPlan => ({ queryType, operators });

describe('screenPlan', () => {
  it('lets a read of its own database through', () => {
    const read = plan(
      'r',
      op('ProduceResults@neo4j', 'c, d'),
      op('Projection@neo4j', 'point.distance(point({x: 0, y: 0}), point({x: 1, y: 1})) AS d'),
      op('NodeByLabelScan@neo4j', 'c:Company'),
    );
    expect(screenPlan('MATCH (c:Company) RETURN c', read, 'neo4j')).toBeUndefined();
  });

  it.each<[string, QueryPlan, string]>([
    [
      'CREATE (:X)',
      plan('w', op('ProduceResults'), op('Create', '(anon_0:X)')),
      'the query writes to the database (CREATE)',
    ],
    [
      'MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)',
      plan('rw', op('EagerAggregation'), op('SubqueryForeach'), op('SetProperty', 'n.x = 1')),
      'the query writes to the database (SET)',
    ],
    [
      'CALL db.labels()',
      plan('r', op('ProcedureCall', 'db.labels() :: (label :: STRING)')),
      'the query calls a procedure (db.labels()); procedure calls are not allowed',
    ],
    [
      'RETURN apoc.text.join(x) AS y',
      plan('r', op('Projection', 'apoc.text.join(x) AS y')),
      'the query calls apoc.text.join(...); functions and procedures of apoc.* are not allowed',
    ],
    [
      "LOAD CSV FROM 'x' AS l RETURN l",
      plan('r', op('LoadCSV')),
      'the query uses LOAD CSV, which reads files or URLs from the server; only graph reads are allowed',
    ],
    [
      'CREATE INDEX evil FOR (n:C) ON (n.e)',
      plan('s', op('CreateIndex')),
      'the query changes the schema or administers the database (CreateIndex); only reads are allowed',
    ],
    ['SHOW INDEXES', plan('r', op('ShowIndexes')), 'the query is a ShowIndexes command; only graph reads are allowed'],
    [
      'MATCH (n) RETURN n',
      plan('r', op('ProduceResults@system')),
      'the query runs on another database (system); only the "neo4j" database can be queried',
    ],
    [
      'MATCH (n) RETURN n',
      { queryType: 'r' },
      'Neo4j gave no plan for the query, so it cannot be checked; only plannable read queries are allowed',
    ],
    [
      'MATCH (n) RETURN n',
      plan('x', op('ProduceResults')),
      'Neo4j classifies the query as "x", not as a read ("r"); only reads are allowed',
    ],
  ])('refuses %s', (query, queryPlan, message) => {
    expect(verdict(screenPlan(query, queryPlan, 'neo4j'))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      message: expect.stringContaining(message) as string,
    });
  });
});

describe('unicode escapes in the text', () => {
  it.each([
    'MATCH (n:Company) C\\u0052EATE (m:X) RETURN n',
    '\\u0045XPLAIN MATCH (n) RETURN n',
    "RETURN '\\u0041' AS a",
    'MATCH (n:Company) C\\uuu0052EATE (m:X) RETURN n',
  ])('refuses %s: Neo4j would decode the escape', (query) => {
    expect(verdict(screenText(query, 'neo4j'))).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: expect.stringMatching(
        /^the query contains the escape \\u+00\d\d at character \d+; write the character itself or pass the value as a parameter$/,
      ),
    });
  });
});

describe('private nodes in the plan (callers who are not editors)', () => {
  const refused = (...operators: PlanOperator[]) =>
    screenPlan('MATCH ...', plan('r', op('ProduceResults@neo4j', 'n'), ...operators), 'neo4j', { editor: false });

  it.each<[PlanOperator, string]>([
    [op('AllNodesScan@neo4j', 'n'), 'the query reads nodes of any label (AllNodesScan)'],
    [op('NodeByIdSeek@neo4j', 'n WHERE id(n) = $autoint_0'), 'the query reads nodes of any label (NodeByIdSeek)'],
    [op('NodeByElementIdSeek@neo4j', 'n WHERE elementId(n) = $x'), 'the query reads nodes of any label'],
    [op('NodeByLabelScan@neo4j', 'n:Retired'), 'the query reads :Retired nodes (NodeByLabelScan)'],
    [op('UnionNodeByLabelsScan@neo4j', 'n:Company|Retired'), 'the query reads :Retired nodes'],
    [op('IntersectionNodeByLabelsScan@neo4j', 'n:Company&Retired'), 'the query reads :Retired nodes'],
    [op('Filter@neo4j', 'm:HistoryRecord'), 'the query reads :HistoryRecord nodes (Filter)'],
    [op('NodeCountFromCountStore@neo4j', 'count( (:Retired) ) AS `count(n)`'), 'the query reads :Retired nodes'],
  ])('refuses %j', (operator, start) => {
    const refusal = refused(operator);
    expect(refusal?.status).toBe(403);
    expect(refusal?.message.startsWith(start)).toBe(true);
    expect(refusal?.message).toMatch(/start from a label such as \(n:Entity\); retired entities and the edit history/);
  });

  it('lets public labels, a negated private label and relationship scans through, and editors everything', () => {
    expect(refused(op('NodeByLabelScan@neo4j', 'n:Company'))).toBeUndefined();
    expect(refused(op('SubtractionNodeByLabelsScan@neo4j', 'n:Company&!Retired'))).toBeUndefined();
    expect(refused(op('DirectedAllRelationshipsScan@neo4j', '(a)-[r]->(b)'))).toBeUndefined();
    const all = plan('r', op('ProduceResults@neo4j', 'n'), op('AllNodesScan@neo4j', 'n'));
    expect(screenPlan('MATCH (n) RETURN n', all, 'neo4j', { editor: true })).toBeUndefined();
  });
});
