/** The seven `/api/v1/packages` endpoints (§2), plus list and get. */
import { requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import { notFound } from '../errors';
import type { BodySchema } from '../http/body';
import type { Route } from '../http/router';
import { json } from '../http/respond';
import { createPackage } from './create';
import { exportPackage } from './export';
import { installPackage } from './install';
import { previewPackage } from './preview';
import { packageListItem, packageResponse } from './records';
import { uninstallPackage } from './uninstall';

const BASE = '/api/v1/packages';

export function packageRoutes(sandbox: SandboxContext): Route[] {
  // An older backend's request model has no `variables` field, so pydantic ignores whatever is sent.
  const sourceBody: BodySchema = {
    source: { type: 'str', required: true },
    variables: { type: sandbox.variables ? 'dict' : 'any', nullable: true },
  };
  const createBody: BodySchema = {
    name: { type: 'str', required: true },
    version: { type: 'str' },
    description: { type: 'str', nullable: true },
    author: { type: 'str', nullable: true },
    url: { type: 'str', nullable: true },
    resources: { type: 'list', required: true },
  };
  return [
    { method: 'POST', path: `${BASE}/install`, auth: true, body: sourceBody, handle: (ctx) => installPackage(sandbox, ctx) },
    { method: 'POST', path: `${BASE}/preview`, auth: true, body: sourceBody, handle: (ctx) => previewPackage(sandbox, ctx) },
    { method: 'POST', path: `${BASE}/create`, auth: true, body: createBody, handle: (ctx) => createPackage(sandbox, ctx) },
    {
      method: 'GET',
      path: BASE,
      auth: true,
      handle: ({ principal }) => {
        requirePermission(principal, 'sinas.packages.read:own', 'Not authorized to view packages');
        const newestFirst = [...sandbox.store.state.packages].sort((a, b) => b.installed_at.localeCompare(a.installed_at));
        return json(newestFirst.map(packageListItem));
      },
    },
    {
      method: 'GET',
      path: `${BASE}/{name}`,
      auth: true,
      handle: ({ principal, params }) => {
        requirePermission(principal, 'sinas.packages.read:own', 'Not authorized to view packages');
        const pkg = sandbox.store.state.packages.find((p) => p.name === params.name);
        if (!pkg) throw notFound(`Package '${params.name}' not found`);
        return json(packageResponse(pkg, sandbox.variables));
      },
    },
    { method: 'DELETE', path: `${BASE}/{name}`, auth: true, handle: (ctx) => uninstallPackage(sandbox, ctx) },
    { method: 'GET', path: `${BASE}/{name}/export`, auth: true, handle: (ctx) => exportPackage(sandbox, ctx) },
  ];
}
