import path from 'node:path';
import type { RequestHandler, Response } from 'express';

/**
 * The policy of this server's pages: they load only this server's files and talk only to it, so they work offline
 * and leak nothing. Styles may be inline (GraphiQL's editor and Cytoscape.js set them); fonts may be data: URLs
 * where a page's CSS embeds them.
 */
export function contentSecurityPolicy({ dataFonts = false }: { dataFonts?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    dataFonts ? "font-src 'self' data:" : "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/**
 * Sends one of the project's files by its absolute path. `send` refuses a path with a segment that starts with a dot
 * (a clone under `~/.local/src`) unless the file is given relative to a root: the dot check then covers only the
 * file's own name.
 */
export function sendProjectFile(response: Response, file: string, options: { maxAge?: string } = {}): void {
  response.sendFile(path.basename(file), { ...options, root: path.dirname(file) });
}

/** Sends an HTML page with the policy, never cached stale. */
export function pageHandler(file: string, policy: string): RequestHandler {
  return (_request, response) => {
    response.set('Content-Security-Policy', policy);
    response.set('Cache-Control', 'no-cache');
    sendProjectFile(response.type('html'), file);
  };
}

/** GET /assets/:name from a fixed list of files (by the name the page uses); other names go on to the app's 404. */
export function assetsHandler(assets: Record<string, string>): RequestHandler {
  return (request, response, next) => {
    const name = String(request.params.name);
    const file = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (file) sendProjectFile(response, file, { maxAge: '1h' });
    else next();
  };
}
