import { PARAMETERS_FOR, type Reference } from '../references';
import { closest } from '../text/suggest';
import type { ScopeContext, ScopedRule } from './rule';
import { contentSpan } from './support/scalar';

/**
 * Keys of `functionParameters` / `queryParameters` must equal an `enabledFunctions` /
 * `enabledQueries` entry exactly, and keys of `enabledConnectors[].parameters` must be operations
 * the entry enables; otherwise the parameters are never applied (Sinas does not check them).
 */
export const orphanParameters: ScopedRule = {
  id: 'orphan-parameters',
  codes: ['orphan-parameters'],
  check(ctx) {
    checkItem(ctx.references, ctx);
  },
};

function checkItem(refs: readonly Reference[], ctx: ScopeContext): void {
  if (!refs.some((r) => r.role === 'parameters')) return;
  for (const ref of refs) {
    if (ref.role !== 'parameters' || ref.dynamic) continue;
    let allowed: string[];
    let where: string;
    if (ref.kind === 'operations') {
      if (ref.connector === undefined) continue;
      const sameEntry = refs.filter((r) => r.kind === 'operations' && r.role === 'use' && r.entry === ref.entry);
      if (sameEntry.some((r) => r.dynamic)) continue;
      if (sameEntry.length > 0) {
        allowed = sameEntry.map((r) => r.text);
        where = `the \`operations\` this entry enables`;
      } else {
        const ops = ctx.tables.operations(ref.connector);
        if (!ops) continue; // connector not in the file: every operation is possible
        allowed = [...ops.keys()];
        where = `an operation of connector \`${ref.connector}\``;
      }
    } else {
      const enabled = PARAMETERS_FOR[ref.field];
      const uses = refs.filter((r) => r.role === 'use' && r.field === enabled);
      if (uses.some((r) => r.dynamic)) continue;
      allowed = uses.map((r) => r.text);
      where = `an \`${enabled}\` entry of this agent`;
    }
    if (allowed.includes(ref.text)) continue;
    const suggestion = allowed.find((a) => a.endsWith(`/${ref.text}`)) ?? closest(ref.text, allowed);
    ctx.report({
      code: 'orphan-parameters',
      message: `\`${ref.field}\` key \`${ref.text}\` does not match ${where}, so these parameters are never applied (Sinas does not check them).${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      span: contentSpan(ref.node),
      data: suggestion ? { replacement: suggestion } : undefined,
    });
  }
}
