import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { EXPORT_FILES, ExportFormatName, FILES_OF } from '../exports/formats';
import type { ExportNode, ExportRelationship, GraphSource } from '../exports/model';
import { openDatabase } from '../neo4j/openDatabase';
import { ExportRepository } from '../repositories/exportRepository';
import { UsageError, runCli } from './runCli';

const USAGE = 'usage: npm run export -- --format <cypher|graphml|json|csv> --out <file, or a folder for csv>';

/** Wraps a source so that every node and relationship read is counted, for the progress line. */
function counting(source: GraphSource, seen: { nodes: number; relationships: number }): GraphSource {
  return {
    async *nodes(): AsyncGenerator<ExportNode> {
      for await (const node of source.nodes()) {
        seen.nodes += 1;
        yield node;
      }
    },
    async *relationships(): AsyncGenerator<ExportRelationship> {
      for await (const relationship of source.relationships()) {
        seen.relationships += 1;
        yield relationship;
      }
    },
  };
}

runCli('export', async () => {
  const config = loadConfig();
  let args;
  try {
    args = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const format = args.format?.toUpperCase() as ExportFormatName | undefined;
  if (!format || !(format in FILES_OF)) throw new UsageError(`--format must be cypher, graphml, json or csv\n${USAGE}`);
  if (!args.out) throw new UsageError(`--out is required\n${USAGE}`);
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
  const targets = format === 'CSV' ? FILES_OF.CSV.map((file) => path.join(out, file)) : [out];
  if (format === 'CSV') fs.mkdirSync(out, { recursive: true });
  else fs.mkdirSync(path.dirname(out), { recursive: true });

  const database = await openDatabase(config.neo4j, (line) => console.error(`export: ${line}`));
  const seen = { nodes: 0, relationships: 0 };
  const progress = setInterval(
    () => process.stderr.write(`\rexport: ${seen.nodes} nodes, ${seen.relationships} relationships read`),
    500,
  );
  try {
    const started = Date.now();
    for (const [index, name] of FILES_OF[format].entries()) {
      // Written to a temporary name first, so a failure never leaves a half-written file under the real one.
      const partial = `${targets[index]}.partial`;
      let bytes = 0;
      const measure = new Transform({
        transform(chunk, _encoding, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(
          Readable.from(EXPORT_FILES[name].serialize(counting(new ExportRepository(database.runner), seen))),
          measure,
          fs.createWriteStream(partial),
        );
        fs.renameSync(partial, targets[index]);
      } catch (error) {
        fs.rmSync(partial, { force: true });
        throw error;
      }
      process.stderr.write(`\rexport: wrote ${targets[index]} (${(bytes / 1e6).toFixed(2)} MB)                    \n`);
    }
    const counts = await new ExportRepository(database.runner).counts();
    console.log(
      `export: ${format.toLowerCase()} of ${counts.nodes} nodes and ${counts.relationships} relationships done in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    clearInterval(progress);
    await database.close();
  }
});
