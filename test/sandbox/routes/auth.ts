/**
 * The two runtime auth endpoints a client uses with an API key (§1.2): `GET /auth/me` and
 * `POST /auth/check-permissions`, the cheap way to learn up front what a credential may do.
 * (Login by OTP is not emulated: the sandbox has API keys only.)
 */
import type { SandboxContext } from '../context';
import { notFound, unprocessable } from '../errors';
import type { Route } from '../http/router';
import { json } from '../http/respond';
import { hasPermission } from '../permissions';

export function authRoutes(sandbox: SandboxContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/auth/me',
      auth: true,
      handle: ({ principal }) => {
        const user = sandbox.store.state.users.find((u) => u.id === principal.userId);
        if (!user) throw notFound('User not found');
        return json({ id: user.id, email: user.email, last_login_at: null, created_at: user.created_at ?? null, roles: user.roles });
      },
    },
    {
      method: 'POST',
      path: '/auth/check-permissions',
      auth: true,
      body: { permissions: { type: 'list', required: true }, logic: { type: 'str' } },
      handle: ({ principal, body }) => {
        const permissions = body.permissions as unknown[];
        const logic = (body.logic ?? 'AND') as string;
        const wrong = permissions.findIndex((p) => typeof p !== 'string');
        if (wrong >= 0) {
          throw unprocessable([{ type: 'string_type', loc: ['body', 'permissions', wrong], msg: 'Input should be a valid string', input: permissions[wrong] }]);
        }
        if (logic !== 'AND' && logic !== 'OR') {
          throw unprocessable([{ type: 'literal_error', loc: ['body', 'logic'], msg: "Input should be 'AND' or 'OR'", input: logic, ctx: { expected: "'AND' or 'OR'" } }]);
        }
        const checks = (permissions as string[]).map((permission) => ({ permission, has_permission: hasPermission(principal.permissions, permission) }));
        const result = logic === 'AND' ? checks.every((c) => c.has_permission) : checks.some((c) => c.has_permission);
        return json({ result, logic, checks });
      },
    },
  ];
}
