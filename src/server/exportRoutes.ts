import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { Router } from 'express';
import type { QueryRunner } from '../db/queryRunner';
import { EXPORT_FILES } from '../exports/formats';
import { ExportRepository } from '../repositories/exportRepository';

/**
 * GET /export/graph.cypher | graph.graphml | graph.json | nodes.csv | relationships.csv: the whole graph, streamed
 * as it is read (with backpressure), so a large graph never sits in memory.
 */
export function exportRouter(runner: QueryRunner): Router {
  const router = express.Router();
  router.get('/:file', async (request, response) => {
    const file = EXPORT_FILES[request.params.file];
    if (!file) {
      response
        .status(404)
        .json({
          error: {
            code: 'NOT_FOUND',
            message: `no export named "${request.params.file}"; try ${Object.keys(EXPORT_FILES).join(', ')}`,
          },
        });
      return;
    }
    response.setHeader('content-type', file.contentType);
    response.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    const chunks = file.serialize(new ExportRepository(runner));
    try {
      await pipeline(Readable.from(chunks), response);
    } catch (error) {
      // Headers are gone once the body started: the client sees a cut-off download, the log says why.
      console.error(`export ${file.filename}: ${(error as Error).message}`);
      if (!response.headersSent)
        response
          .status(503)
          .json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'The export could not be read from the database.' } });
      else response.destroy();
    }
  });
  return router;
}
