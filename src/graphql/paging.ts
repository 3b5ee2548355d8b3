import type { Page } from './connection.types';
import { userError } from './errors';

export const MAX_PAGE = 100;

/** Given `first` and an opaque `after` cursor, returns the rows to skip and take, or throws BAD_USER_INPUT. */
export function pageWindow(first: number | null, after: string | undefined | null): { skip: number; limit: number } {
  if (first === null || !Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw userError(`first must be from 1 to ${MAX_PAGE}, got ${first}`);
  }
  if (after === undefined || after === null) return { skip: 0, limit: first };
  const offset = decodeCursor(after);
  if (offset === undefined) throw userError(`after: "${after}" is not a cursor this API gave out`);
  return { skip: offset + 1, limit: first };
}

/** Cursors are opaque: the position of a row in its ordered list, valid while the data does not change. */
export function encodeCursor(position: number): string {
  return Buffer.from(`pos:${position}`).toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  const match = /^pos:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/**
 * Given a page of rows, the total (null when the request does not read totalCount, so it was not counted) and
 * whether more rows follow, returns the connection with its pageInfo.
 */
export function toConnection<T>(nodes: T[], total: number | null, window: { skip: number }, hasMore: boolean): Page<T> {
  const last = window.skip + nodes.length - 1;
  return {
    nodes,
    totalCount: total,
    pageInfo: { hasNextPage: hasMore, endCursor: nodes.length > 0 ? encodeCursor(last) : null },
  };
}
