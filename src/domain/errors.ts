/**
 * Errors a user can act on, raised below the API (repositories, loaders, analytics, importers): plain classes with
 * a code. The GraphQL layer maps them to GraphQL errors and the HTTP routes to their `{ error: { code, message } }`
 * envelope, each in one function; anything else is a programmer's mistake and is masked.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A wrong argument or input: says what is wrong and where. */
export class BadInputError extends DomainError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}

/** An id that names no entity where one must. */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}
