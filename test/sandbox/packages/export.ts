/** GET /api/v1/packages/{name}/export: the exact `source` of the last successful install. */
import { requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import { notFound } from '../errors';
import type { RequestContext } from '../http/router';
import { text, type Reply } from '../http/respond';

export function exportPackage(sandbox: SandboxContext, { principal, params }: RequestContext): Reply {
  requirePermission(principal, 'sinas.packages.read:own', 'Not authorized to export packages');
  const pkg = sandbox.store.state.packages.find((p) => p.name === params.name);
  if (!pkg) throw notFound(`Package '${params.name}' not found`);
  return text(pkg.source_yaml, 'text/yaml');
}
