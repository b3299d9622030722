/**
 * POST /api/v1/config/validate: the same checks as install (language-core errors, then the
 * server's reference checks), reported as data — invalid YAML is `valid: false`, never a 400.
 * Placeholders stay as written: nothing is substituted here.
 */
import { requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import type { Route } from '../http/router';
import { json } from '../http/respond';
import { environmentWarnings, referenceErrors } from '../packages/server-checks';
import { checkDocument } from '../validate';

export function configRoutes(sandbox: SandboxContext): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/config/validate',
      auth: true,
      body: { config: { type: 'str', required: true } },
      handle: ({ principal, body }) => {
        requirePermission(principal, 'sinas.config.validate:all', 'Not authorized to validate config');
        const checked = checkDocument(body.config as string, { variables: sandbox.variables });
        const spec = (checked.value?.spec ?? {}) as Record<string, unknown>;
        const errors = checked.value ? referenceErrors(spec, sandbox.store.state) : checked.errors;
        const warnings = checked.value?.kind === 'SinasPackage' ? environmentWarnings(spec) : [];
        return json({
          valid: errors.length === 0,
          errors,
          warnings: warnings.map((message) => ({ path: '', message })),
        });
      },
    },
  ];
}
