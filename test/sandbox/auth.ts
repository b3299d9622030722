/**
 * Credentials as `verify_jwt_or_api_key` accepts them (§1.1): `X-API-Key` first (then
 * `Authorization` is ignored), else `Authorization: Bearer <key>` with any casing of the scheme.
 * The sandbox issues no JWTs; a bearer token that is not a JWT is looked up as an API key on the
 * real backend too, so bearer API keys behave the same. An API key's permissions are its own
 * stored dict, used as is (an empty dict means no permissions).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { forbidden, unauthorized } from './errors';
import { hasPermission } from './permissions';
import type { Principal } from './http/router';
import type { ApiKeyRecord, State } from './state/types';

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A new key like `secrets.token_urlsafe(32)`: 43 URL-safe characters, no prefix. */
export const newKey = (): string => randomBytes(32).toString('base64url');

function credential(req: IncomingMessage): string | undefined {
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return apiKey;
  const authorization = req.headers.authorization;
  if (!authorization) return undefined;
  const [scheme, ...rest] = authorization.trim().split(/\s+/);
  const token = rest.join(' ');
  return scheme.toLowerCase() === 'bearer' && token ? token : undefined;
}

export function findActiveKey(keys: readonly ApiKeyRecord[], key: string, now = Date.now()): ApiKeyRecord | undefined {
  const hash = hashKey(key);
  return keys.find(
    (k) => k.key_hash === hash && k.is_active && (!k.expires_at || Date.parse(k.expires_at) > now),
  );
}

/** Builds the router's authenticate hook over the live state plus the in-memory admin key. */
export function authenticator(getState: () => Readonly<State>, admin: { key: string; userId: string }) {
  const adminHash = hashKey(admin.key);
  return (req: IncomingMessage): Principal => {
    const key = credential(req);
    if (!key) throw unauthorized('Missing authorization header');
    if (hashKey(key) === adminHash) return { userId: admin.userId, permissions: { 'sinas.*:all': true } };
    const record = findActiveKey(getState().apiKeys, key);
    if (!record) throw unauthorized('Invalid or expired credentials');
    return { userId: record.user_id, permissions: record.permissions };
  };
}

/** The hand-written check most endpoints do: 403 with their own sentence. */
export function requirePermission(principal: Principal, permission: string, detail: string): void {
  if (!hasPermission(principal.permissions, permission)) throw forbidden(detail);
}
