import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a key may do: a reader sends queries, an editor also mutations. */
export type Role = 'reader' | 'editor';
export const ROLES: readonly Role[] = ['reader', 'editor'];

/** A configured key: its name (written into history), its role, and the key's SHA-256 (the key is never stored). */
export interface ApiKey {
  name: string;
  role: Role;
  sha256: Buffer;
}

/** Who sent a request: a configured key's name and role. */
export interface Caller {
  name: string;
  role: Role;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The SHA-256 of a key, as stored in API_KEYS. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Parses API_KEYS ("name:role:sha256hex" separated by commas); throws naming the bad entry. */
export function parseApiKeys(raw: string): ApiKey[] {
  const keys: ApiKey[] = [];
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name, role, hash, ...rest] = entry.split(':');
    if (rest.length > 0 || !name || !role || !hash) throw new Error(`"${entry}" is not name:role:sha256`);
    if (!NAME.test(name)) throw new Error(`"${name}" is not a key name (letters, digits, _ . @ -, at most 64)`);
    if (!ROLES.includes(role as Role)) throw new Error(`"${role}" is not a role (reader or editor)`);
    if (!HEX_SHA256.test(hash))
      throw new Error(`the hash of "${name}" is not 64 lower-case hex digits (the SHA-256 of the key)`);
    if (keys.some((key) => key.name === name)) throw new Error(`the key name "${name}" appears twice`);
    keys.push({ name, role: role as Role, sha256: Buffer.from(hash, 'hex') });
  }
  return keys;
}

/**
 * Given the Authorization header and the configured keys, returns the caller, 'none' when no key was sent, or
 * 'invalid' when one was sent that is not configured. Every configured hash is compared, in constant time.
 */
export function identify(authorization: string | undefined, keys: readonly ApiKey[]): Caller | 'none' | 'invalid' {
  if (authorization === undefined || authorization.trim() === '') return 'none';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return 'invalid';
  const presented = createHash('sha256').update(match[1], 'utf8').digest();
  let found: ApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(presented, key.sha256) && !found) found = key;
  }
  return found ? { name: found.name, role: found.role } : 'invalid';
}

/** A new random key (256 bits, base64url) and its API_KEYS entry. */
export function newKey(name: string, role: Role): { key: string; entry: string } {
  if (!NAME.test(name)) throw new Error(`"${name}" is not a key name (letters, digits, _ . @ -, at most 64)`);
  const key = randomBytes(32).toString('base64url');
  return { key, entry: `${name}:${role}:${hashKey(key)}` };
}
