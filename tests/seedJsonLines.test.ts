import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { graphCounts } from '../src/seed/graphCounts';
import { SeedValidationError, checkSeedFolder, readSeed } from '../src/seed/loadSeed';
import { fileLines, parseJsonLines, readJsonLines } from '../src/seed/readJsonLines';
import { readSeedFiles } from '../src/seed/readSeedFiles';
import { formatProblem } from '../src/seed/seedGraph';
import { checkSeed, validateSeed } from '../src/seed/validateSeed';
import { generateSeedRecords } from '../src/synthetic/generateGraph';
import { writeSeedFolder } from '../src/synthetic/writeSeedFolder';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-jsonl-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder with a small synthetic seed in the given format. */
function syntheticFolder(format: 'jsonl' | 'yaml'): string {
  const dir = path.join(root, `seed-${(folders += 1)}`);
  fs.mkdirSync(dir);
  const options = { companies: 60, seed: 3 };
  writeSeedFolder(dir, generateSeedRecords(options), format, options);
  return dir;
}

/** Replaces line `line` (1-based) of a file. */
function replaceLine(file: string, line: number, change: (text: string) => string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines[line - 1] = change(lines[line - 1]);
  fs.writeFileSync(file, lines.join('\n'));
}

describe('parseJsonLines', () => {
  it('reads one record per line, keeping the line numbers, and skips blank lines and "#" lines', () => {
    expect([
      ...parseJsonLines(['# header', '{"id":"a"}', '', '  {"id":"b"}  ', '# note', '{"id":"c","n":[1,2]}']),
    ]).toEqual([
      { line: 2, value: { id: 'a' } },
      { line: 4, value: { id: 'b' } },
      { line: 6, value: { id: 'c', n: [1, 2] } },
    ]);
  });

  it('reports a line that is not JSON with its number, and reads on', () => {
    const [first, broken, last] = parseJsonLines(['{"id":"a"}', '{"id": "b",}', '{"id":"c"}']);
    expect(first).toEqual({ line: 1, value: { id: 'a' } });
    expect(broken).toEqual({ line: 2, problem: expect.stringMatching(/^is not valid JSON: /) });
    expect(last).toEqual({ line: 3, value: { id: 'c' } });
  });

  it('keeps values that are not records for validation to report', () => {
    expect(
      [...parseJsonLines(['[1, 2]', '"text"', 'null'])].map((record) =>
        'value' in record ? record.value : record.problem,
      ),
    ).toEqual([[1, 2], 'text', null]);
  });

  it('refuses a file with no records, and ignores a byte-order mark', () => {
    expect([...parseJsonLines(['# only a comment', ''])]).toEqual([
      { line: 1, problem: 'has no records (a .jsonl seed file holds one JSON record per line)' },
    ]);
    expect([...parseJsonLines(['\uFEFF{"id":"a"}'])]).toEqual([{ line: 1, value: { id: 'a' } }]);
  });
});

describe('fileLines', () => {
  const SPLITS =
    'splits a file of several 1 MB chunks into its lines, whole multi-byte characters, CRLF or not, ' +
    'with or without a last newline';
  it(SPLITS, () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `{"id":"x-${i}","nameKo":"하이퍼클로바 ${i}"}`);
    const file = path.join(root, 'lines.jsonl');
    fs.writeFileSync(file, lines.join('\r\n'));
    expect(fs.statSync(file).size).toBeGreaterThan(2 * (1 << 20));
    expect([...fileLines(file)]).toEqual(lines);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expect([...fileLines(file)]).toEqual(lines);
  });
});

describe('readJsonLines', () => {
  it('reads the file again on every walk and names a missing file', () => {
    const file = path.join(root, 'walks.jsonl');
    fs.writeFileSync(file, '{"id":"a"}\n{"id":"b"}\n');
    const parsed = readJsonLines('companies.jsonl', file);
    expect([...parsed.records]).toEqual([...parsed.records]);
    expect([...parsed.records]).toHaveLength(2);
    expect(readJsonLines('models.jsonl', path.join(root, 'none.jsonl')).problems.map(formatProblem)).toEqual([
      'models.jsonl file is missing',
    ]);
  });
});

describe('a seed folder of JSON Lines files', () => {
  it('gives exactly the graph of the same records in YAML', () => {
    const jsonl = syntheticFolder('jsonl');
    expect(fs.readdirSync(jsonl).sort()).toEqual([
      'companies.jsonl',
      'industries.jsonl',
      'models.jsonl',
      'partnerships.jsonl',
      'services.jsonl',
      'sources.jsonl',
      'stages.jsonl',
    ]);
    expect(readSeed(jsonl)).toEqual(readSeed(syntheticFolder('yaml')));
  });

  it('reports problems as file:line [record] message, and no dangling references into a line that is not JSON', () => {
    const dir = syntheticFolder('jsonl');
    // Line 1 is the header: company syn-co-00002 is on line 3, syn-co-00005 on line 6.
    replaceLine(path.join(dir, 'companies.jsonl'), 3, (text) => text.slice(0, -1));
    replaceLine(path.join(dir, 'companies.jsonl'), 6, (text) =>
      text.replace(/"country":"[A-Z]+"/, '"country":"Korea"').replace(/"name":/, '"founded":2015,"name":'),
    );
    const { problems } = validateSeed(readSeedFiles(dir));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^companies\.jsonl:3 is not valid JSON: /),
      expect.stringMatching(
        /^companies\.jsonl:6 \[syn-co-00005\] founded: is not a field of companies\.jsonl \(allowed: /,
      ),
      expect.stringMatching(/^companies\.jsonl:6 \[syn-co-00005\] country: must be an ISO 3166-1 alpha-2 code/),
    ]);
    expect(() => checkSeedFolder(dir)).toThrow(SeedValidationError);
  });

  it('names the other file of a duplicate id and the sources file in its messages', () => {
    const dir = syntheticFolder('jsonl');
    fs.appendFileSync(
      path.join(dir, 'industries.jsonl'),
      '{"id":"syn-co-00001","name":"Not an industry","sources":["nowhere"]}\n',
    );
    expect(validateSeed(readSeedFiles(dir)).problems.map(formatProblem)).toEqual([
      'industries.jsonl:12 [syn-co-00001] sources: "nowhere" is not the id of a record in sources.jsonl',
      'companies.jsonl:2 [syn-co-00001] id: "syn-co-00001" is already defined at industries.jsonl:12',
    ]);
  });

  it('refuses a folder holding both the YAML and the JSON Lines file of a kind', () => {
    const dir = syntheticFolder('jsonl');
    fs.writeFileSync(path.join(dir, 'models.yaml'), '- id: a\n');
    expect(validateSeed(readSeedFiles(dir)).problems.map(formatProblem)).toEqual([
      'models.jsonl and models.yaml are both in the folder: keep one of them',
    ]);
  });
});

describe('checkSeed', () => {
  it('finds what validateSeed finds and counts what it would write, without keeping the graph', () => {
    const dir = syntheticFolder('jsonl');
    const files = readSeedFiles(dir);
    const { graph } = validateSeed(files);
    const check = checkSeed(files);
    expect(check.problems).toEqual([]);
    expect(check.tally.table()).toBe(graphCounts(graph));
    expect(check.index.labelOf.size).toBe(graph.nodes.length);

    replaceLine(path.join(dir, 'services.jsonl'), 2, (text) =>
      text.replace(/"providers":\["[^"]+"\]/, '"providers":["no-such-company"]'),
    );
    const broken = readSeedFiles(dir);
    expect(checkSeed(broken).problems).toEqual(validateSeed(broken).problems);
    expect(checkSeed(broken).problems.map(formatProblem)).toEqual([
      'services.jsonl:2 [syn-svc-00001] providers[1]: "no-such-company" is not defined in any seed file (expected ' +
        'a Company id)',
    ]);
  });
});
