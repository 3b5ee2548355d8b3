/**
 * The shipped snapshot of models.dev is the repository's files unchanged, with the licence they are published under:
 * one SHA-256 over every file's path and contents, in path order, pins all 5,701 of them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.join(__dirname, '../seed/external/models-dev');

/** Given the snapshot's folder, returns the publisher's files (the README is the project's), sorted by path. */
function publishedFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => file !== 'README.md')
    .sort();
}

describe('the shipped models.dev snapshot', () => {
  it("is the repository's files, unchanged", () => {
    const files = publishedFiles(DIR);
    expect(files).toHaveLength(5701);
    const hash = crypto.createHash('sha256');
    for (const file of files) hash.update(`${file}\n`).update(fs.readFileSync(path.join(DIR, file)));
    expect(hash.digest('hex')).toBe('75b53a03dbfe78c9d835aae1b62bcb920119e867c85f3ad105b5113c02d7c28c');
  });

  it('carries the MIT licence and says whom to credit', () => {
    const licence = fs.readFileSync(path.join(DIR, 'LICENSE'), 'utf8');
    expect(licence.startsWith('MIT License\n')).toBe(true);
    expect(licence).toContain('Copyright (c) 2025 models.dev');
    expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
    const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
    expect(readme).toContain('MIT');
    expect(readme).toContain('"Copyright (c) 2025 models.dev"');
  });
});
