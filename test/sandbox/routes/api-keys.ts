/**
 * API keys (§1.2), so tests and users can get credentials with limited permissions. The key is
 * returned once, on creation; only its sha256 is kept. Requested permissions are stored as given
 * (the backend does not check them against the creator's own either).
 */
import { randomUUID } from 'node:crypto';
import { hashKey, newKey, requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import { forbidden, notFound, unprocessable } from '../errors';
import type { Principal, Route } from '../http/router';
import { json, noContent } from '../http/respond';
import { hasPermission } from '../permissions';
import type { ApiKeyRecord } from '../state/types';

const API = '/api/v1/api-keys';
const RESPONSE = ['id', 'user_id', 'user_email', 'name', 'key_prefix', 'permissions', 'is_active', 'last_used_at', 'expires_at', 'created_at', 'revoked_at'] as const;

export function apiKeyRoutes(sandbox: SandboxContext): Route[] {
  const describe = (key: ApiKeyRecord) => {
    const email = sandbox.store.state.users.find((u) => u.id === key.user_id)?.email ?? null;
    const record: Record<string, unknown> = { ...key, user_email: email };
    return Object.fromEntries(RESPONSE.map((k) => [k, record[k] ?? null]));
  };
  const visible = (principal: Principal, key: ApiKeyRecord) =>
    hasPermission(principal.permissions, 'sinas.api_keys.read:all') ||
    (key.user_id === principal.userId && hasPermission(principal.permissions, 'sinas.api_keys.read:own'));

  return [
    {
      method: 'POST',
      path: API,
      auth: true,
      body: {
        name: { type: 'str', required: true },
        permissions: { type: 'dict' },
        expires_at: { type: 'str', nullable: true },
      },
      handle: async ({ principal, body }) => {
        const name = body.name as string;
        if (name.length < 1 || name.length > 255) {
          throw unprocessable([{ type: 'string_too_short', loc: ['body', 'name'], msg: 'String should have at least 1 character', input: name, ctx: { min_length: 1 } }]);
        }
        const permissions = (body.permissions ?? {}) as Record<string, unknown>;
        if (Object.values(permissions).some((v) => typeof v !== 'boolean')) {
          throw unprocessable([{ type: 'bool_type', loc: ['body', 'permissions'], msg: 'Input should be a valid boolean', input: permissions }]);
        }
        requirePermission(principal, 'sinas.api_keys.create:own', 'Not authorized to create API keys');
        const key = newKey();
        const record: ApiKeyRecord = {
          id: randomUUID(),
          user_id: principal.userId,
          name,
          key_hash: hashKey(key),
          key_prefix: key.slice(0, 8),
          permissions: permissions as Record<string, boolean>,
          is_active: true,
          last_used_at: null,
          expires_at: (body.expires_at as string | null | undefined) ?? null,
          created_at: new Date().toISOString(),
          revoked_at: null,
        };
        await sandbox.store.transaction((draft) => draft.apiKeys.push(record));
        const { id, key_prefix, expires_at, created_at } = record;
        return json({ id, name, key, key_prefix, permissions, expires_at, created_at }, 201);
      },
    },
    {
      method: 'GET',
      path: API,
      auth: true,
      handle: ({ principal }) => json(sandbox.store.state.apiKeys.filter((k) => visible(principal, k)).map(describe)),
    },
    {
      method: 'GET',
      path: `${API}/{key_id}`,
      auth: true,
      handle: ({ principal, params }) => {
        const key = sandbox.store.state.apiKeys.find((k) => k.id === params.key_id);
        if (!key) throw notFound('API key not found');
        if (!visible(principal, key)) throw forbidden('Not authorized to view this API key');
        return json(describe(key));
      },
    },
    {
      method: 'DELETE',
      path: `${API}/{key_id}`,
      auth: true,
      handle: async ({ principal, params }) => {
        await sandbox.store.transaction((draft) => {
          const key = draft.apiKeys.find((k) => k.id === params.key_id);
          if (!key) throw notFound('API key not found');
          const scope = key.user_id === principal.userId ? 'own' : 'all';
          if (!hasPermission(principal.permissions, `sinas.api_keys.delete:${scope}`)) throw forbidden('Not authorized to delete this API key');
          // A soft revoke, as on the backend.
          Object.assign(key, { is_active: false, revoked_at: new Date().toISOString() });
        });
        return noContent();
      },
    },
  ];
}
