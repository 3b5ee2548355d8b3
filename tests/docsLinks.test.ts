/**
 * Every link in README.md, README.ko.md and docs/ resolves: a relative link to a file that exists, and an anchor
 * (`#...`) to a heading of its page, by GitHub's rule for heading ids.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';

const pages = [
  'README.md',
  'README.ko.md',
  ...fs
    .readdirSync(path.join(projectRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks and inline code, where Markdown links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's id for a heading: lower case, punctuation dropped (letters of any script, digits, - and _ kept). */
export function headingId(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const ids = new Set<string>();
  for (const match of prose(fs.readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)) {
    const id = headingId(match[1]);
    const count = seen.get(id) ?? 0;
    ids.add(count === 0 ? id : `${id}-${count}`);
    seen.set(id, count + 1);
  }
  return ids;
}

function linksOf(page: string): string[] {
  const text = prose(fs.readFileSync(path.join(projectRoot, page), 'utf8'));
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

describe('links in the README and docs/', () => {
  it('finds the pages and their links', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/api.md', 'docs/questions.md']));
    expect(linksOf('README.md').length).toBeGreaterThan(20);
  });

  it('computes heading ids as GitHub does', () => {
    expect(headingId('Keeping the graph current: keys, mutations and history')).toBe(
      'keeping-the-graph-current-keys-mutations-and-history',
    );
    expect(headingId("The project's Neo4j")).toBe('the-projects-neo4j');
    expect(headingId('`/cypher` under load')).toBe('cypher-under-load');
    expect(headingId('물어볼 수 있는 질문')).toBe('물어볼-수-있는-질문');
  });

  it.each(pages)('%s: every relative link names a file that exists, and every anchor a heading', (page) => {
    const broken: string[] = [];
    for (const link of linksOf(page)) {
      if (/^(https?|mailto):/.test(link)) continue;
      const [target, anchor] = link.split('#');
      const file = target === '' ? path.join(projectRoot, page) : path.resolve(projectRoot, path.dirname(page), target);
      if (!fs.existsSync(file)) broken.push(`${link}: no such file`);
      else if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(file).has(decodeURIComponent(anchor)))
        broken.push(`${link}: no heading with that id`);
    }
    expect(broken).toEqual([]);
  });
});
