import { requestBookmarks } from './bookmarkHeader';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { Router } from 'express';
import type { QueryRunner } from '../db/queryRunner';
import { EXPORT_FILES } from '../exports/formats';
import { ExportRepository } from '../repositories/exportRepository';
import { sendError, sendFailure } from './httpError';

/** Yields the chunk already read, then the rest. */
async function* resume(first: IteratorResult<string>, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (first.done) return;
  yield first.value;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * GET /export/graph.cypher | graph.graphml | graph.json | nodes.csv | relationships.csv: the whole graph, streamed
 * as it is read (with backpressure), so a large graph never sits in memory.
 */
export function exportRouter(runner: QueryRunner): Router {
  const router = express.Router();
  router.get('/:file', async (request, response) => {
    // Own names only: "constructor" or "__proto__" name no export.
    const file = Object.hasOwn(EXPORT_FILES, request.params.file) ? EXPORT_FILES[request.params.file] : undefined;
    if (!file) {
      const names = Object.keys(EXPORT_FILES).join(', ');
      sendError(response, 404, 'NOT_FOUND', `no export named "${request.params.file}"; try ${names}`);
      return;
    }
    // A client that sent a bookmark back gets an export of at least that state.
    const bookmarks = requestBookmarks(response);
    const source = bookmarks.sent ? runner.scoped({ operation: 'export', bookmarks }) : runner;
    const chunks = file.serialize(new ExportRepository(source))[Symbol.asyncIterator]();
    let first: IteratorResult<string>;
    try {
      // Read before any header is sent, so a database that is away or a failing first query gets an error answer.
      first = await chunks.next();
    } catch (error) {
      sendFailure(request, response, error);
      return;
    }
    response.setHeader('content-type', file.contentType);
    response.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    try {
      await pipeline(Readable.from(resume(first, chunks)), response);
    } catch (error) {
      // Headers are gone once the body started: the client sees a cut-off download, the log says why.
      console.error(`export ${file.filename}: ${(error as Error).message}`);
      response.destroy();
    }
  });
  return router;
}
