/** The rule list. Order does not matter: findings are sorted by position afterwards. */
import { agentScheduleUnsupported } from './agent-schedule-unsupported';
import { malformedExpression } from './malformed-expression';
import { orphanParameters } from './orphan-parameters';
import { referenceMustBeBare } from './reference-must-be-bare';
import { referenceNeedsNamespace } from './reference-needs-namespace';
import type { DocumentRule, ItemRule } from './rule';
import { schemaItem } from './schema-item';
import { schemaShell } from './schema-shell';
import { skippedSectionReference } from './skipped-section-reference';
import { undeclaredVariable } from './undeclared-variable';
import { unknownOperation } from './unknown-operation';
import { unresolvedReference } from './unresolved-reference';
import { unusedVariable } from './unused-variable';

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  schemaShell,
  malformedExpression,
  undeclaredVariable,
  unusedVariable,
  // references
  referenceNeedsNamespace,
  referenceMustBeBare,
  unresolvedReference,
  unknownOperation,
  orphanParameters,
  skippedSectionReference,
];

export const ITEM_RULES: readonly ItemRule[] = [schemaItem, agentScheduleUnsupported];
