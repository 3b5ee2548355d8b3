import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AliasFileError, loadAliasFile, readAliasFile } from '../src/identity/curatedAliases';
import { formatProblem } from '../src/seed/seedGraph';
import type { KnownEntity } from '../src/identity/nameIndex';

const known: KnownEntity[] = [
  { id: 'meta', label: 'Company', name: 'Meta', aliases: ['Facebook'] },
  { id: 'meta-ai', label: 'Company', name: 'Meta AI' },
  { id: 'gpt-3', label: 'FoundationModel', name: 'GPT-3' },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aliases-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function aliasFile(text: string): string {
  const file = path.join(dir, 'aliases.yaml');
  fs.writeFileSync(file, text);
  return file;
}

const problemsOf = (text: string) => readAliasFile(aliasFile(text), known).problems.map(formatProblem);

describe('readAliasFile', () => {
  it('reads curated names with their label, and distinct names', () => {
    const file = aliasFile(
      [
        '# comment',
        '- id: meta-ai',
        '  names: ["Facebook AI", " FB AI "]',
        '  note: renamed in 2021',
        '- { id: gpt-3, names: ["GPT-3 175B (davinci)"] }',
        '- { distinct: ["Command R", "Command R+"], note: "two models" }',
      ].join('\n'),
    );
    expect(loadAliasFile(file, known)).toEqual({
      entries: [
        { id: 'meta-ai', label: 'Company', names: ['Facebook AI', 'FB AI'], at: 'aliases.yaml:2' },
        { id: 'gpt-3', label: 'FoundationModel', names: ['GPT-3 175B (davinci)'], at: 'aliases.yaml:5' },
      ],
      distinct: [{ names: ['Command R', 'Command R+'], at: 'aliases.yaml:6' }],
    });
  });

  it('names the file and line of an unknown key, an unknown id and a malformed entry', () => {
    expect(
      problemsOf(
        [
          '- { id: meta-ai, names: ["Facebook AI"], label: Company }',
          '- { id: metaverse, names: ["Meta Verse"] }',
          '- { id: meta, names: [] }',
          '- { names: ["Nobody"] }',
          '- "Facebook AI"',
          '- { distinct: ["Only one"] }',
        ].join('\n'),
      ),
    ).toEqual([
      'aliases.yaml:1 [meta-ai] label: is not a key of this entry (allowed: id, names, note)',
      'aliases.yaml:2 [metaverse] id: "metaverse" is not the id of any seed record',
      'aliases.yaml:3 [meta] names: must be a non-empty list of names',
      'aliases.yaml:4 [record 4] id: is required',
      'aliases.yaml:5 [record 5] must be { id, names, note } or { distinct, note }',
      'aliases.yaml:6 [record 6] distinct: must be a list of at least two names',
    ]);
  });

  it('refuses a name given to two ids, even written differently, and a name another record already has', () => {
    expect(
      problemsOf(
        [
          '- { id: meta-ai, names: ["Facebook AI"] }',
          '- { id: meta, names: ["facebook-ai"] }',
          '- { id: meta-ai, names: ["Facebook"] }',
        ].join('\n'),
      ),
    ).toEqual([
      'aliases.yaml:2 [meta] names: "facebook-ai" is given to "meta-ai" too (as "Facebook AI", line 1)',
      'aliases.yaml:3 [meta-ai] names: "Facebook" is already the name or an alias of "meta"',
    ]);
  });

  it('reports a file that is not YAML or not a list, and loadAliasFile throws with every problem', () => {
    expect(problemsOf('- { id: meta')).toEqual([expect.stringMatching(/^aliases\.yaml:1 is not valid YAML/)]);
    expect(problemsOf('id: meta')).toEqual(['aliases.yaml:1 must be a YAML list of records (each starting with "- ")']);
    expect(() => loadAliasFile(aliasFile('- { id: nobody, names: [x] }'), known)).toThrow(AliasFileError);
    expect(() => loadAliasFile(aliasFile('- { id: nobody, names: [x] }'), known)).toThrow(
      /1 problem in the alias file:\n {2}aliases\.yaml:1 \[nobody\] id: "nobody" is not the id of any seed record/,
    );
  });
});
