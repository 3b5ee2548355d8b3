import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { graphCounts } from '../src/seed/graphCounts';
import { readSeed } from '../src/seed/loadSeed';

describe('README', () => {
  it('shows the counts that npm run seed -- --check prints for seed/', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const table = /<!-- counts:start -->\n([\s\S]*?)\n<!-- counts:end -->/.exec(readme)?.[1];
    expect(table).toBe(graphCounts(readSeed(path.join(projectRoot, 'seed'))));
  });
});
