import { cypherLiteral, identifier, toCypher } from '../src/exports/cypher';
import { toCsvNodes, toCsvRelationships } from '../src/exports/csv';
import { toGraphML } from '../src/exports/graphml';
import { toJson } from '../src/exports/json';
import type { ExportNode, ExportRelationship, GraphSource } from '../src/exports/model';
import { floatText, jsonText } from '../src/exports/values';

function graphOf(nodes: ExportNode[], relationships: ExportRelationship[] = []): GraphSource {
  return {
    async *nodes() {
      yield* nodes;
    },
    async *relationships() {
      yield* relationships;
    },
  };
}

async function chunksOf(stream: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function textOf(stream: AsyncIterable<string>): Promise<string> {
  return (await chunksOf(stream)).join('');
}

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

const node = (key: string, labels: string[], properties: ExportNode['properties'] = {}): ExportNode => ({
  key,
  labels,
  properties: { id: key, ...properties },
});

const fixture = graphOf(
  [
    node('openai', ['Entity', 'Company'], {
      name: 'OpenAI',
      country: 'US',
      marketCapUsdBn: 80,
      aliases: ['OpenAI LP', 'Open AI'],
    }),
    node('naver', ['Entity', 'Company'], {
      name: 'NAVER',
      nameKo: '네이버',
      description: "Korea's search portal,\nand more",
      listed: true,
    }),
    node('gpt-3', ['Entity', 'FoundationModel'], { name: 'GPT-3', parameters: 175e9, releasedOn: '2020-06' }),
    node('training', ['Entity', 'ValueChainStage'], { name: 'training', order: 2n, layer: '' }),
  ],
  [
    {
      key: 'r1',
      type: 'DEVELOPS',
      start: 'openai',
      end: 'gpt-3',
      properties: { sourceIds: ['report-2023', 'openai-blog'] },
    },
    {
      key: 'r2',
      type: 'PARTICIPATES_IN',
      start: 'naver',
      end: 'training',
      properties: { confidence: 'UNCERTAIN', weight: 0.5 },
    },
  ],
);

const SCHEMA = ['CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE'];
const HEADER =
  '// Neo4j 5 Cypher script recreating the AI value-chain graph; run it on an empty database (cypher-shell -f, ' +
  'or Neo4j Browser).';
const MATCH_ENDS = 'AS row MATCH (a:Entity {id: row.start}) MATCH (b:Entity {id: row.end})';

describe('toCypher', () => {
  it('writes the schema, then a batch per label set, then a batch per relationship type', async () => {
    expect(await textOf(toCypher(fixture, { schema: SCHEMA }))).toBe(
      lines(
        HEADER,
        'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
        'UNWIND [',
        "{id: 'openai', name: 'OpenAI', country: 'US', marketCapUsdBn: 80.0, aliases: ['OpenAI LP', 'Open AI']},",
        "{id: 'naver', name: 'NAVER', nameKo: '네이버', " +
          String.raw`description: 'Korea\'s search portal,\nand more', listed: true}`,
        '] AS row CREATE (n:Entity:Company) SET n = row;',
        'UNWIND [',
        "{id: 'gpt-3', name: 'GPT-3', parameters: 175000000000.0, releasedOn: '2020-06'}",
        '] AS row CREATE (n:Entity:FoundationModel) SET n = row;',
        'UNWIND [',
        "{id: 'training', name: 'training', order: 2, layer: ''}",
        '] AS row CREATE (n:Entity:ValueChainStage) SET n = row;',
        'UNWIND [',
        "{start: 'openai', end: 'gpt-3', properties: {sourceIds: ['report-2023', 'openai-blog']}}",
        `] ${MATCH_ENDS} CREATE (a)-[r:DEVELOPS]->(b) SET r = row.properties;`,
        'UNWIND [',
        "{start: 'naver', end: 'training', properties: {confidence: 'UNCERTAIN', weight: 0.5}}",
        `] ${MATCH_ENDS} CREATE (a)-[r:PARTICIPATES_IN]->(b) SET r = row.properties;`,
      ),
    );
  });

  it(`backtick-quotes labels, types and keys that are not plain identifiers, and splits batches \
at batchSize`, async () => {
    const graph = graphOf(
      [
        node('a', ['Entity', 'AI Lab']),
        node('b', ['Entity', 'AI Lab'], { 'market cap': 1.5 }),
        node('c', ['Entity', 'we`ird']),
      ],
      [{ key: 'x', type: 'WORKS-WITH', start: 'a', end: 'c', properties: {} }],
    );
    expect(await textOf(toCypher(graph, { schema: [], batchSize: 1 }))).toBe(
      lines(
        HEADER,
        'UNWIND [',
        "{id: 'a'}",
        '] AS row CREATE (n:Entity:`AI Lab`) SET n = row;',
        'UNWIND [',
        "{id: 'b', `market cap`: 1.5}",
        '] AS row CREATE (n:Entity:`AI Lab`) SET n = row;',
        'UNWIND [',
        "{id: 'c'}",
        '] AS row CREATE (n:Entity:`we``ird`) SET n = row;',
        'UNWIND [',
        "{start: 'a', end: 'c', properties: {}}",
        `] ${MATCH_ENDS} CREATE (a)-[r:\`WORKS-WITH\`]->(b) SET r = row.properties;`,
      ),
    );
  });

  it('keeps INTEGER and FLOAT apart in literals', () => {
    const where = () => 'x';
    expect(cypherLiteral(42n, where)).toBe('42');
    expect(cypherLiteral(-9007199254740993n, where)).toBe('-9007199254740993');
    expect(cypherLiteral(42, where)).toBe('42.0');
    expect(cypherLiteral(175e9, where)).toBe('175000000000.0');
    expect(cypherLiteral(1.5e-7, where)).toBe('1.5e-7');
    expect(cypherLiteral(1e21, where)).toBe('1e+21');
    expect(cypherLiteral(-0, where)).toBe('-0.0');
    expect(cypherLiteral(0.1, where)).toBe('0.1');
    expect(cypherLiteral([1n, 2n], where)).toBe('[1, 2]');
    expect(cypherLiteral([1, 2.5], where)).toBe('[1.0, 2.5]');
    expect(cypherLiteral([true, false], where)).toBe('[true, false]');
    expect(cypherLiteral([], where)).toBe('[]');
  });

  it('escapes strings for Cypher literals', () => {
    const where = () => 'x';
    expect(cypherLiteral('back\\slash \'quote\' "dq"', where)).toBe(String.raw`'back\\slash \'quote\' "dq"'`);
    expect(cypherLiteral('line\nnext\r\ttab', where)).toBe(String.raw`'line\nnext\r\ttab'`);
    expect(cypherLiteral('bell\u0007 nul\u0000 del\u007f sep\u2028', where)).toBe(
      String.raw`'bell\u0007 nul\u0000 del\u007f sep\u2028'`,
    );
    expect(cypherLiteral('네이버 ✓ 😀', where)).toBe("'네이버 ✓ 😀'");
    expect(cypherLiteral('lone \ud800 surrogate', where)).toBe(String.raw`'lone \ud800 surrogate'`);
    expect(cypherLiteral('semi; // not a comment', where)).toBe("'semi; // not a comment'");
  });

  it('quotes only names that are not plain identifiers', () => {
    expect(identifier('Company')).toBe('Company');
    expect(identifier('_x1')).toBe('_x1');
    expect(identifier('1st')).toBe('`1st`');
    expect(identifier('회사')).toBe('`회사`');
    expect(identifier('a`b')).toBe('`a``b`');
    expect(() => identifier('')).toThrow('empty name');
  });

  it('refuses what it cannot recreate exactly', async () => {
    const run = (nodes: ExportNode[], options = { schema: [] as string[] }) =>
      textOf(toCypher(graphOf(nodes), options));
    await expect(run([node('a', ['Entity'], { score: NaN })])).rejects.toThrow('node "a" property "score" is NaN');
    await expect(run([node('a', ['Entity'], { score: [1, Infinity] })])).rejects.toThrow(
      'node "a" property "score" is Infinity',
    );
    await expect(run([node('a', ['Company'])])).rejects.toThrow('node "a" lacks the Entity label');
    await expect(run([{ key: 'a', labels: ['Entity'], properties: { id: 'b' } }])).rejects.toThrow(
      'property id equal to its key',
    );
    await expect(run([], { schema: [], batchSize: 0 } as never)).rejects.toThrow(
      'batchSize must be a positive integer',
    );
  });
});

describe('toGraphML', () => {
  it('declares typed keys, then writes nodes and edges', async () => {
    expect(await textOf(toGraphML(fixture))).toBe(
      lines(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '<!-- Neo4j graph export. Node labels are in key "labels" (":Entity:Company"), ' +
          'relationship types in key "type". List properties are JSON text in string keys; ' +
          'a key whose values mix types is a string key. -->',
        '<key id="n0" for="node" attr.name="labels" attr.type="string"/>',
        '<key id="n1" for="node" attr.name="id" attr.type="string"/>',
        '<key id="n2" for="node" attr.name="name" attr.type="string"/>',
        '<key id="n3" for="node" attr.name="country" attr.type="string"/>',
        '<key id="n4" for="node" attr.name="marketCapUsdBn" attr.type="double"/>',
        '<key id="n5" for="node" attr.name="aliases" attr.type="string"/>',
        '<key id="n6" for="node" attr.name="nameKo" attr.type="string"/>',
        '<key id="n7" for="node" attr.name="description" attr.type="string"/>',
        '<key id="n8" for="node" attr.name="listed" attr.type="boolean"/>',
        '<key id="n9" for="node" attr.name="parameters" attr.type="double"/>',
        '<key id="n10" for="node" attr.name="releasedOn" attr.type="string"/>',
        '<key id="n11" for="node" attr.name="order" attr.type="long"/>',
        '<key id="n12" for="node" attr.name="layer" attr.type="string"/>',
        '<key id="e0" for="edge" attr.name="type" attr.type="string"/>',
        '<key id="e1" for="edge" attr.name="sourceIds" attr.type="string"/>',
        '<key id="e2" for="edge" attr.name="confidence" attr.type="string"/>',
        '<key id="e3" for="edge" attr.name="weight" attr.type="double"/>',
        '<graph id="G" edgedefault="directed">',
        '<node id="openai"><data key="n0">:Entity:Company</data><data key="n1">openai</data>' +
          '<data key="n2">OpenAI</data><data key="n3">US</data><data key="n4">80.0</data>' +
          '<data key="n5">[&quot;OpenAI LP&quot;,&quot;Open AI&quot;]</data></node>',
        '<node id="naver"><data key="n0">:Entity:Company</data><data key="n1">naver</data><data key="n2">NAVER</data>' +
          '<data key="n6">네이버</data><data key="n7">Korea&apos;s search portal,',
        'and more</data><data key="n8">true</data></node>',
        '<node id="gpt-3"><data key="n0">:Entity:FoundationModel</data><data key="n1">gpt-3</data>' +
          '<data key="n2">GPT-3</data><data key="n9">175000000000.0</data><data key="n10">2020-06</data></node>',
        '<node id="training"><data key="n0">:Entity:ValueChainStage</data><data key="n1">training</data>' +
          '<data key="n2">training</data><data key="n11">2</data><data key="n12"></data></node>',
        '<edge id="r1" source="openai" target="gpt-3"><data key="e0">DEVELOPS</data>' +
          '<data key="e1">[&quot;report-2023&quot;,&quot;openai-blog&quot;]</data></edge>',
        '<edge id="r2" source="naver" target="training"><data key="e0">PARTICIPATES_IN</data>' +
          '<data key="e2">UNCERTAIN</data><data key="e3">0.5</data></edge>',
        '</graph>',
        '</graphml>',
      ),
    );
  });

  it('makes keys with mixed types strings, escapes XML and drops characters XML 1.0 forbids', async () => {
    const graph = graphOf([
      node('a\nb', ['Entity', 'R&D'], { score: 1n, tags: [], note: 'x < y & "z" > \'w\'\r\u0001end' }),
      node('c', ['Entity'], { score: 1.5, tags: ['t'] }),
      node('d', ['Entity'], { score: true, tags: 'plain' }),
    ]);
    const text = await textOf(toGraphML(graph));
    expect(text).toContain(
      lines(
        '<key id="n0" for="node" attr.name="labels" attr.type="string"/>',
        '<key id="n1" for="node" attr.name="id" attr.type="string"/>',
        '<key id="n2" for="node" attr.name="score" attr.type="string"/>',
        '<key id="n3" for="node" attr.name="tags" attr.type="string"/>',
        '<key id="n4" for="node" attr.name="note" attr.type="string"/>',
        '<key id="e0" for="edge" attr.name="type" attr.type="string"/>',
        '<graph id="G" edgedefault="directed">',
        '<node id="a&#10;b"><data key="n0">:Entity:R&amp;D</data><data key="n1">a',
        'b</data><data key="n2">1</data><data key="n3">[]</data>' +
          '<data key="n4">x &lt; y &amp; &quot;z&quot; &gt; &apos;w&apos;&#13;end</data></node>',
        '<node id="c"><data key="n0">:Entity</data><data key="n1">c</data><data key="n2">1.5</data>' +
          '<data key="n3">[&quot;t&quot;]</data></node>',
        '<node id="d"><data key="n0">:Entity</data><data key="n1">d</data><data key="n2">true</data>' +
          '<data key="n3">plain</data></node>',
      ),
    );
    expect(elementCount(text)).toBe(24);
  });

  it('refuses a property that would clash with the labels or type key, and non-finite floats', async () => {
    await expect(textOf(toGraphML(graphOf([node('a', ['Entity'], { labels: 'x' })])))).rejects.toThrow(
      'property named "labels"',
    );
    const edge = { key: 'r', type: 'T', start: 'a', end: 'a', properties: { type: 'x' } };
    await expect(textOf(toGraphML(graphOf([node('a', ['Entity'])], [edge])))).rejects.toThrow('property named "type"');
    await expect(textOf(toGraphML(graphOf([node('a', ['Entity'], { x: -Infinity })])))).rejects.toThrow(
      'node "a" property "x" is -Infinity',
    );
    await expect(textOf(toGraphML(graphOf([node('a', ['Entity'], { x: [[1n]] })])))).rejects.toThrow('nested list');
    await expect(textOf(toGraphML(graphOf([node('a', ['Entity'], { x: [1n, 'b'] })])))).rejects.toThrow(
      'list mixing long and string',
    );
  });
});

describe('toJson', () => {
  it('writes nodes and relationships with integers and floats as JSON numbers', async () => {
    expect(await textOf(toJson(fixture))).toBe(
      lines(
        '{"nodes":[',
        '{"id":"openai","labels":["Entity","Company"],"properties":{"id":"openai","name":"OpenAI","country":"US",' +
          '"marketCapUsdBn":80.0,"aliases":["OpenAI LP","Open AI"]}},',
        '{"id":"naver","labels":["Entity","Company"],"properties":{"id":"naver","name":"NAVER","nameKo":"네이버",' +
          String.raw`"description":"Korea's search portal,\nand more","listed":true}},`,
        '{"id":"gpt-3","labels":["Entity","FoundationModel"],"properties":{"id":"gpt-3","name":"GPT-3",' +
          '"parameters":175000000000.0,"releasedOn":"2020-06"}},',
        '{"id":"training","labels":["Entity","ValueChainStage"],' +
          '"properties":{"id":"training","name":"training","order":2,"layer":""}}',
        '],"relationships":[',
        '{"id":"r1","type":"DEVELOPS","start":"openai","end":"gpt-3",' +
          '"properties":{"sourceIds":["report-2023","openai-blog"]}},',
        '{"id":"r2","type":"PARTICIPATES_IN","start":"naver","end":"training",' +
          '"properties":{"confidence":"UNCERTAIN","weight":0.5}}',
        ']}',
      ),
    );
  });

  it('keeps big integers exact and refuses non-finite floats', async () => {
    expect(jsonText(12345678901234567890n, () => 'x')).toBe('12345678901234567890');
    expect(jsonText(['a"b', 1.5e-7, 3n], () => 'x')).toBe('["a\\"b",1.5e-7,3]');
    expect(floatText(2, () => 'x')).toBe('2.0');
    expect(await textOf(toJson(graphOf([])))).toBe('{"nodes":[\n],"relationships":[\n]}\n');
    await expect(textOf(toJson(graphOf([node('a', ['Entity'], { x: NaN })])))).rejects.toThrow(
      'node "a" property "x" is NaN',
    );
  });
});

describe('toCsvNodes / toCsvRelationships', () => {
  it('writes neo4j-admin import headers and rows', async () => {
    expect(await textOf(toCsvNodes(fixture))).toBe(
      lines(
        'id:ID,:LABEL,name:string,country:string,marketCapUsdBn:double,aliases:string[],nameKo:string,' +
          'description:string,listed:boolean,parameters:double,releasedOn:string,order:long,layer:string',
        'openai,Entity;Company,OpenAI,US,80.0,OpenAI LP;Open AI,,,,,,,',
        'naver,Entity;Company,NAVER,,,,네이버,"Korea\'s search portal,',
        'and more",true,,,,',
        'gpt-3,Entity;FoundationModel,GPT-3,,,,,,,175000000000.0,2020-06,,',
        'training,Entity;ValueChainStage,training,,,,,,,,,2,""',
      ),
    );
    expect(await textOf(toCsvRelationships(fixture))).toBe(
      lines(
        ':START_ID,:END_ID,:TYPE,sourceIds:string[],confidence:string,weight:double',
        'openai,gpt-3,DEVELOPS,report-2023;openai-blog,,',
        'naver,training,PARTICIPATES_IN,,UNCERTAIN,0.5',
      ),
    );
  });

  it('quotes per RFC 4180 and types arrays', async () => {
    const graph = graphOf(
      [
        node('a,b', ['Entity', 'Odd,Label'], {
          quote: 'say "hi"',
          steps: [1n, 2n],
          shares: [0.5, 1],
          flags: [true],
          tags: [],
        }),
        node('c', ['Entity'], { quote: 'semi;colon', steps: [], tags: ['x "y"', 'z,w'] }),
      ],
      [{ key: 'r', type: 'T', start: 'a,b', end: 'c', properties: { note: 'line\r\nbreak' } }],
    );
    expect(await textOf(toCsvNodes(graph))).toBe(
      lines(
        'id:ID,:LABEL,quote:string,steps:long[],shares:double[],flags:boolean[],tags:string[]',
        '"a,b","Entity;Odd,Label","say ""hi""",1;2,0.5;1.0,true,',
        'c,Entity,semi;colon,,,,"x ""y"";z,w"',
      ),
    );
    expect(await textOf(toCsvRelationships(graph))).toBe(
      lines(':START_ID,:END_ID,:TYPE,note:string', '"a,b",c,T,"line\r\nbreak"'),
    );
  });

  it('refuses what neo4j-admin cannot read back', async () => {
    const nodes = (...list: ExportNode[]) => textOf(toCsvNodes(graphOf(list)));
    await expect(nodes(node('a', ['Entity'], { aliases: ['x;y'] }))).rejects.toThrow(
      `node "a" property "aliases" has the element "x;y"; ';' separates array elements`,
    );
    await expect(nodes(node('a', ['Entity'], { aliases: ['x', ''] }))).rejects.toThrow('empty string element');
    await expect(nodes(node('a', ['Entity'], { n: 1n }), node('b', ['Entity'], { n: 1.5 }))).rejects.toThrow(
      'node property "n" has values of types long and double; a CSV column has one type',
    );
    await expect(nodes(node('a', ['Entity', 'A;B']))).rejects.toThrow(`has label "A;B", and ';' separates labels`);
    await expect(nodes(node('a', ['Entity'], { 'x:y': 1n }))).rejects.toThrow(`contains ':'`);
    await expect(nodes({ key: 'a', labels: ['Entity'], properties: {} })).rejects.toThrow(
      'property id equal to its key',
    );
    await expect(nodes(node('a', ['Entity'], { x: Infinity }))).rejects.toThrow('node "a" property "x" is Infinity');
  });
});

/** A minimal well-formedness check: balanced tags, quoted attributes, only known entities, no forbidden characters. */
function elementCount(xml: string): number {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '').replace(/<!--(?:(?!--)[\s\S])*-->/g, '');
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids, looked for on purpose
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(body)) throw new Error('forbidden character');
  const badAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+);)/;
  const token = /<(\/)?([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/)?>|[^<]+/y;
  const open: string[] = [];
  let count = 0;
  let roots = 0;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    const match = token.exec(body);
    if (!match) throw new Error(`not well-formed at ${at}: ${body.slice(at, at + 40)}`);
    const [whole, closing, name, attributes, selfClosing] = match;
    if (badAmpersand.test(name === undefined ? whole : attributes)) throw new Error(`bad & near ${at}`);
    if (name === undefined) {
      if (open.length === 0 && whole.trim() !== '') throw new Error('text outside the root element');
    } else if (closing) {
      if (open.pop() !== name) throw new Error(`mismatched </${name}> at ${at}`);
    } else {
      if (open.length === 0) roots += 1;
      count += 1;
      if (!selfClosing) open.push(name);
    }
  }
  if (open.length > 0 || roots !== 1) throw new Error('unbalanced document');
  return count;
}

describe('streaming a larger graph', () => {
  const size = 2000;
  const labels = ['Company', 'FoundationModel', 'Service'];
  const large = graphOf(
    Array.from({ length: size }, (_, i) =>
      node(`n-${i}`, ['Entity', labels[i % 3]], {
        name: `Node <${i}> & "co"\n'${i}'`,
        rank: BigInt(i),
        share: i / 7,
        aliases: [`a${i}`, `b,${i}`],
      }),
    ),
    Array.from({ length: size - 1 }, (_, i) => ({
      key: `r-${i}`,
      type: i % 2 === 0 ? 'DEVELOPS' : 'PARTY_TO',
      start: `n-${i}`,
      end: `n-${i + 1}`,
      properties: { sourceIds: ['s1'], weight: i + 0.25 },
    })),
  );

  it('yields many small chunks that join into a parseable document', async () => {
    for (const stream of [
      toCypher(large, { schema: SCHEMA }),
      toGraphML(large),
      toJson(large),
      toCsvNodes(large),
      toCsvRelationships(large),
    ]) {
      const chunks = await chunksOf(stream);
      const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      expect(chunks.length).toBeGreaterThan(1);
      expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(total / 3);
    }

    const json = JSON.parse(await textOf(toJson(large)));
    expect(json.nodes).toHaveLength(size);
    expect(json.relationships).toHaveLength(size - 1);
    expect(json.nodes[1999].properties).toEqual({
      id: 'n-1999',
      name: `Node <1999> & "co"\n'1999'`,
      rank: 1999,
      share: 1999 / 7,
      aliases: ['a1999', 'b,1999'],
    });

    expect(elementCount(await textOf(toGraphML(large)))).toBe(1 + 6 + 3 + 1 + size * 7 + (size - 1) * 4);

    const cypher = await textOf(toCypher(large, { schema: SCHEMA }));
    // 667 + 667 + 666 nodes in batches of 500: two statements per label set; 1000 + 999 relationships: two per type.
    expect(cypher.match(/^UNWIND \[$/gm)).toHaveLength(10);
    expect(cypher.match(/^\{id: 'n-/gm)).toHaveLength(size);

    expect((await textOf(toCsvNodes(large))).split('\n')).toHaveLength(1 + size * 2 + 1);
  });
});
