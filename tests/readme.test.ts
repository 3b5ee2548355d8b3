import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { graphCounts } from '../src/seed/graphCounts';
import { readSeed } from '../src/seed/loadSeed';

describe('docs/graph.md', () => {
  it('shows the counts that npm run seed -- --check prints for seed/', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'docs/graph.md'), 'utf8');
    const table = /<!-- counts:start -->\n([\s\S]*?)\n<!-- counts:end -->/.exec(readme)?.[1];
    expect(table).toBe(graphCounts(readSeed(path.join(projectRoot, 'seed'))));
  });
});

describe('README.md', () => {
  const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

  it('is at most 12 KB', () => expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12 * 1024));

  it('says within its first screen (30 lines) what it is, how to start it and where each audience goes', () => {
    const firstScreen = readme.split('\n').slice(0, 30).join('\n');
    expect(firstScreen).toMatch(/GraphQL server over a Neo4j knowledge graph/);
    expect(firstScreen).toContain('npm ci && npm start');
    for (const page of ['docs/questions.md', 'docs/building-dashboards.md', 'docs/exports.md'])
      expect(firstScreen).toContain(`(${page})`);
    expect(firstScreen).toContain('(README.ko.md)');
  });

  it('lists every endpoint a newcomer uses', () => {
    for (const endpoint of ['/graphql', '/playground', '/dashboard', '/export/', '/cypher', '/health', '/ready'])
      expect(readme).toContain(endpoint);
  });
});
