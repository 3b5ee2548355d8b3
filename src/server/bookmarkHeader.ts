import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import { parseClientBookmarks, RequestBookmarks } from '../db/queryRunner';
import type { Context } from '../graphql/context';
import { sendRefusal } from './httpError';

/**
 * The header that carries a bookmark both ways: a response to a request that wrote (or that sent one) gives the
 * bookmarks of the newest state the request saw, comma-separated; a request that sends them back reads at least
 * that state, on whichever server (and cluster member) answers it.
 */
export const BOOKMARK_HEADER = 'X-Neo4j-Bookmark';

/** The request's bookmarks, set by bookmarkReader on the routes that read the database. */
export function requestBookmarks(response: Response): RequestBookmarks {
  return (response.locals.bookmarks as RequestBookmarks | undefined) ?? new RequestBookmarks();
}

/**
 * Reads the bookmarks a client sent back (X-Neo4j-Bookmark, comma-separated or repeated) into the request's
 * bookmarks; a value that is no bookmark is refused with 400 before anything runs.
 */
export const bookmarkReader: RequestHandler = (request, response, next) => {
  let sent: string[];
  try {
    sent = parseClientBookmarks(request.headers[BOOKMARK_HEADER.toLowerCase()]);
  } catch (error) {
    sendRefusal(request, response, 400, 'BAD_REQUEST', `${BOOKMARK_HEADER}: ${(error as Error).message}.`);
    return;
  }
  response.locals.bookmarks = new RequestBookmarks(sent);
  next();
};

/**
 * Hands the request's bookmarks back once it wrote (a mutation) or when it sent some: in the X-Neo4j-Bookmark
 * header and in `extensions.bookmark` (the same comma-separated value).
 */
export const bookmarkPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const { bookmarks } = contextValue;
        if (!bookmarks || !(bookmarks.wrote || bookmarks.sent)) return;
        const latest = bookmarks.latest();
        if (latest.length === 0) return;
        const value = latest.join(',');
        response.http.headers.set(BOOKMARK_HEADER.toLowerCase(), value);
        if (response.body.kind === 'single')
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, bookmark: value };
      },
    };
  },
};
