import type { RequestHandler } from 'express';

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

/** Sends an HTML page with the policy, never cached stale. */
export function pageHandler(file: string, policy: string): RequestHandler {
  return (_request, response) => {
    response.set('Content-Security-Policy', policy);
    response.set('Cache-Control', 'no-cache');
    response.type('html').sendFile(file);
  };
}

/** GET /assets/:name from a fixed list of files (by the name the page uses); other names go on to the app's 404. */
export function assetsHandler(assets: Record<string, string>): RequestHandler {
  return (request, response, next) => {
    const name = String(request.params.name);
    const file = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (file) response.sendFile(file, { maxAge: '1h' });
    else next();
  };
}
