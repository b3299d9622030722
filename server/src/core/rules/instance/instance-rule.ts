/**
 * Rules that compare the package with the active instance. They run only when the analysis has an
 * instance snapshot, as one cheap pass after the document rules (map lookups per reference and per
 * resource), so the per-chunk memoisation of the other rules never sees the snapshot.
 */
import type { DiagnosticCode } from '../../diagnostics/codes';
import type { Finding } from '../../diagnostics/finding';
import type { InstanceIndex } from '../../instance/instance-index';
import type { DocumentContext } from '../rule';

export interface InstanceContext extends DocumentContext {
  readonly instance: InstanceIndex;
  /**
   * The `unresolved-reference` hedges this pass replaces, by the start of their span: a rule that
   * reports on the same reference reuses what the hedge already worked out (its did-you-mean).
   */
  readonly hedges: ReadonlyMap<number, Finding>;
}

export interface InstanceRule {
  readonly id: string;
  readonly codes: readonly DiagnosticCode[];
  check(ctx: InstanceContext): void;
}
