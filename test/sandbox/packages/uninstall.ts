/**
 * DELETE /api/v1/packages/{name}: deletes every row tagged `pkg:<name>` of the thirteen manageable
 * types, then the package row (§7.5). Secrets (though tagged), dependencies (never tagged) and
 * detached rows stay.
 */
import { requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import { notFound } from '../errors';
import type { RequestContext } from '../http/router';
import { noContent, type Reply } from '../http/respond';
import { RESOURCE_TYPES } from '../resources/registry';

export async function uninstallPackage(sandbox: SandboxContext, { principal, params }: RequestContext): Promise<Reply> {
  requirePermission(principal, 'sinas.packages.delete:all', 'Not authorized to uninstall packages');
  const name = params.name;
  await sandbox.store.transaction((draft) => {
    if (!draft.packages.some((p) => p.name === name)) throw notFound(`Package '${name}' is not installed`);
    const managedBy = `pkg:${name}`;
    for (const type of RESOURCE_TYPES) {
      const rows = draft.resources[type.section];
      if (rows) draft.resources[type.section] = rows.filter((row) => row.managed_by !== managedBy);
    }
    draft.packages = draft.packages.filter((p) => p.name !== name);
  });
  return noContent();
}
