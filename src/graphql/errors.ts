import { BadInputError, DomainError, NotFoundError } from '../domain/errors';

/** A mistake of the API's user, as a domain error with a code the user can act on (formatError maps it). */
export function userError(message: string, code: 'BAD_USER_INPUT' | 'NOT_FOUND' = 'BAD_USER_INPUT'): DomainError {
  return code === 'NOT_FOUND' ? new NotFoundError(message) : new BadInputError(message);
}

/** Given an integer argument, returns it, or throws BAD_USER_INPUT when it is null or outside min..max. */
export function intArg(name: string, value: number | null | undefined, min: number, max: number): number {
  if (value === null || value === undefined || !Number.isInteger(value) || value < min || value > max) {
    throw userError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}
