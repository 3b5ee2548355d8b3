import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { projectRoot } from '../config';
import { buildSchema } from '../graphql/buildSchema';
import { runCli } from './runCli';

/** The schema the code serves, as SDL (what schema.graphql holds). */
export function servedSchemaText(): string {
  return `${printSchema(buildSchema())}\n`;
}

if (require.main === module) {
  runCli('schema', async () => {
    const target = path.join(projectRoot, 'schema.graphql');
    fs.writeFileSync(target, servedSchemaText());
    console.log(`schema: wrote ${target}`);
  });
}
