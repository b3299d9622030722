/**
 * POST /api/v1/packages/install: prepare, apply for real, record the package — all in one
 * transaction, so a failure leaves the state untouched. 200 with non-empty `apply.errors` is a
 * partial install, exactly as on the backend.
 */
import { requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import { badRequest } from '../errors';
import type { RequestContext } from '../http/router';
import { json, type Reply } from '../http/respond';
import { applyPrepared, preparePackage } from './prepare';
import { packageResponse, upsertPackage } from './records';

export async function installPackage(sandbox: SandboxContext, { principal, body }: RequestContext): Promise<Reply> {
  requirePermission(principal, 'sinas.packages.install:all', 'Not authorized to install packages');
  const source = body.source as string;
  const given = (body.variables ?? {}) as Record<string, unknown>;
  return sandbox.store.transaction((draft) => {
    const prepared = preparePackage(draft, source, given, { variables: sandbox.variables, allowMissing: false });
    const apply = applyPrepared(draft, prepared, principal.userId, false);
    if (!apply.success) throw badRequest(`Package apply failed: ${apply.errors.join('; ')}`);
    const pkg = upsertPackage(draft, prepared, source, principal.userId);
    return json({ package: packageResponse(pkg, sandbox.variables), apply });
  });
}
