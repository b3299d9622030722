/**
 * POST /api/v1/packages/create: a SinasPackage built from existing rows (§2.3). Unknown types and
 * rows that do not exist are skipped silently; webhooks are looked up by path, schedules and
 * triggers by name only; `spec` keys appear in order of first use.
 */
import { requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import { unprocessable, type ValidationIssue } from '../errors';
import type { RequestContext } from '../http/router';
import { json, type Reply } from '../http/respond';
import { dropNulls } from '../resources/read-config';
import { rowsOf, TYPE_BY_KIND } from '../resources/registry';
import { dumpYaml } from '../../../server/src/core/emit/dump-yaml';

interface ResourceRef {
  type: string;
  namespace: string;
  name: string;
}

/** `resources: list[PackageResourceRef]` as pydantic checks it. */
function readRefs(value: unknown[]): ResourceRef[] {
  const issues: ValidationIssue[] = [];
  const refs = value.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ type: 'model_type', loc: ['body', 'resources', i], msg: 'Input should be a valid dictionary or instance of PackageResourceRef', input: item });
      return undefined;
    }
    const ref = item as Record<string, unknown>;
    for (const field of ['type', 'name'] as const) {
      if (ref[field] === undefined) issues.push({ type: 'missing', loc: ['body', 'resources', i, field], msg: 'Field required', input: ref });
      else if (typeof ref[field] !== 'string') issues.push({ type: 'string_type', loc: ['body', 'resources', i, field], msg: 'Input should be a valid string', input: ref[field] });
    }
    return { type: String(ref.type), namespace: typeof ref.namespace === 'string' ? ref.namespace : 'default', name: String(ref.name) };
  });
  if (issues.length) throw unprocessable(issues);
  return refs as ResourceRef[];
}

export function createPackage(sandbox: SandboxContext, { principal, body }: RequestContext): Reply {
  const refs = readRefs(body.resources as unknown[]);
  requirePermission(principal, 'sinas.packages.create:all', 'Not authorized to create packages');
  const state = sandbox.store.state;
  const spec: Record<string, unknown[]> = {};
  for (const ref of refs) {
    const type = TYPE_BY_KIND.get(ref.type);
    if (!type) continue;
    const row = rowsOf(state, type.section).find((r) =>
      type.identity === 'namespaced' ? r.namespace === ref.namespace && r.name === ref.name : type.identity === 'path' ? r.path === ref.name : r.name === ref.name,
    );
    if (!row) continue;
    (spec[type.section] ??= []).push(type.toExport(row, state));
  }
  const document = {
    apiVersion: 'sinas.co/v1',
    kind: 'SinasPackage',
    package: dropNulls({ name: body.name, version: body.version ?? '1.0.0', description: body.description, author: body.author, url: body.url }),
    spec,
  };
  return json({ yaml: dumpYaml(document) });
}
