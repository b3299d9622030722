/**
 * POST /api/v1/packages/preview: the install's dry run. With variables it also returns the
 * declarations and `requires_input` (true while a required variable has neither a value in the
 * request nor a default; its placeholders are then left in place and not resolved).
 */
import { requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import type { RequestContext } from '../http/router';
import { json, type Reply } from '../http/respond';
import type { State } from '../state/types';
import { describeDeclaration } from '../variables/declarations';
import { applyPrepared, preparePackage } from './prepare';

export function previewPackage(sandbox: SandboxContext, { principal, body }: RequestContext): Reply {
  requirePermission(principal, 'sinas.packages.install:all', 'Not authorized to preview packages');
  const state = sandbox.store.state as State;
  const given = (body.variables ?? {}) as Record<string, unknown>;
  const prepared = preparePackage(state, body.source as string, given, { variables: sandbox.variables, allowMissing: true });
  // A dry run never writes, so it can read the live state directly.
  const result = applyPrepared(state, prepared, principal.userId, true);
  if (!sandbox.variables) return json(result);
  return json({
    ...result,
    variables: prepared.declarations.map(describeDeclaration),
    requires_input: prepared.resolved.missing.length > 0,
  });
}
