/**
 * The instance pass: the rules that need the active instance's snapshot, and the generic findings
 * the snapshot settles. Without a snapshot none of this runs and the analysis is what it always
 * was (a reference not in the package is `unresolved-reference`, "it must exist on the instance").
 */
import type { Finding } from '../../diagnostics/finding';
import type { InstanceIndex } from '../../instance/instance-index';
import { referencePresence } from '../../instance/reference-presence';
import type { DocumentContext } from '../rule';
import { contentSpan } from '../support/scalar';
import { existingResources } from './existing-resources';
import { inactiveOnInstance } from './inactive-on-instance';
import type { InstanceContext, InstanceRule } from './instance-rule';
import { instanceOperations } from './instance-operations';
import { missingOnInstance } from './missing-on-instance';
import { resourceRefDefaults } from './resource-ref-defaults';

export const INSTANCE_RULES: readonly InstanceRule[] = [missingOnInstance, inactiveOnInstance, instanceOperations, existingResources, resourceRefDefaults];

/** Findings that only hedge about the instance ("must exist on the instance"), by the span they are on. */
const HEDGES = new Set(['unresolved-reference', 'skipped-section-reference']);

/**
 * Runs the instance rules on `ctx` and returns `findings` without the hedges the snapshot answers:
 * a reference found on the instance, or known to be missing (an instance rule says so instead).
 */
export function checkWithInstance(ctx: DocumentContext, instance: InstanceIndex, findings: Finding[], crashed: (rule: string, error: unknown) => Finding): Finding[] {
  const settled = new Set<number>();
  for (const ref of ctx.references.references) {
    const answer = referencePresence(instance, ctx.references, ref);
    // A connection declared only in a skipped section is fine when the instance has one of that name.
    const skippedButThere = ref.kind === 'databaseConnections' && ref.target !== undefined && !ref.dynamic && instance.presence('databaseConnections', ref.target).kind === 'found';
    if ((answer && answer.kind !== 'unknown') || skippedButThere) settled.add(contentSpan(ref.node).start);
  }
  const out: Finding[] = [];
  const hedges = new Map<number, Finding>();
  for (const f of findings) {
    if (HEDGES.has(f.code) && settled.has(f.span.start)) hedges.set(f.span.start, f);
    else out.push(f);
  }
  const instanceCtx: InstanceContext = { ...ctx, instance, hedges, report: (f) => out.push(f) };
  for (const rule of INSTANCE_RULES) {
    try {
      rule.check(instanceCtx);
    } catch (error) {
      out.push(crashed(rule.id, error));
    }
  }
  return out;
}
