import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { factLines, printedSection, replaceSection, runFacts, writeSection } from '../bench/benchmarksFile';

describe('replaceSection', () => {
  const file = ['# Benchmarks', '', '<!-- begin a -->', 'old a', '<!-- end a -->', '', 'notes on a, by hand', ''].join(
    '\n',
  );

  it('replaces only what lies between the section’s markers, keeping the notes after them', () => {
    const text = replaceSection(file, 'a', ['new a', 'second line']);
    expect(text).toBe(
      [
        '# Benchmarks',
        '',
        '<!-- begin a -->',
        'new a',
        'second line',
        '<!-- end a -->',
        '',
        'notes on a, by hand',
        '',
      ].join('\n'),
    );
    expect(replaceSection(text, 'a', ['new a', 'second line'])).toBe(text);
  });

  it('appends a section the file does not have yet, leaving the others', () => {
    const text = replaceSection(file, 'b', ['b']);
    expect(text.startsWith(file.trimEnd())).toBe(true);
    expect(text.endsWith('\n\n<!-- begin b -->\nb\n<!-- end b -->\n')).toBe(true);
  });

  it('refuses markers out of order instead of writing over the hand-written text', () => {
    expect(() => replaceSection('<!-- end a -->\n<!-- begin a -->\n', 'a', ['x'])).toThrow(/not in order/);
    expect(() => replaceSection('<!-- end a -->\n', 'a', ['x'])).toThrow(/"a"/);
  });
});

describe('a section of printed figures', () => {
  it('states the command, date, commit, machine and load, then what the bench printed', () => {
    const facts = runFacts('bench:export', [1, 2, 3]);
    expect(facts.command).toMatch(/^npm run bench:export/);
    expect(facts.commit).toMatch(/^([0-9a-f]{7,}( plus changes)?|unknown \(not a git checkout\))$/);
    const lines = printedSection('Exports', facts, ['', 'figure 1', 'figure 2']);
    expect(lines.slice(0, 2)).toEqual(['## Exports', '']);
    expect(lines).toEqual(expect.arrayContaining(factLines(facts)));
    expect(factLines(facts).join('\n')).toContain('1.00, 2.00, 3.00 at the start');
    expect(lines.slice(-4)).toEqual(['```text', 'figure 1', 'figure 2', '```']);
  });

  it('writes a section into a file and replaces it on the next run', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'benchmarks-')), 'BENCHMARKS.md');
    writeSection('x', ['first'], file);
    writeSection('y', ['other'], file);
    writeSection('x', ['second'], file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('<!-- begin x -->\nsecond\n<!-- end x -->');
    expect(text).toContain('<!-- begin y -->\nother\n<!-- end y -->');
    expect(text).not.toContain('first');
  });
});
