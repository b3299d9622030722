/** The rule list. Order does not matter: findings are sorted by position afterwards. */
import { agentScheduleUnsupported } from './agent-schedule-unsupported';
import { authPositionIgnored } from './auth-position-ignored';
import { connectorSecretTemplate } from './connector-secret-template';
import { dedupTtlIgnored } from './dedup-ttl-ignored';
import { defaultAgent } from './default-agent';
import { duplicateIdentity } from './duplicate-identity';
import { duplicateKeyInDocument, duplicateKeyInItem } from './duplicate-key';
import { excludedSection } from './excluded-section';
import { handlerSignature } from './handler-signature';
import { hookKeyCase } from './hook-key-case';
import { implicitStoreAccess } from './implicit-store-access';
import { inactiveSchedule } from './inactive-schedule';
import { invalidCron } from './invalid-cron';
import { invalidJsonSchema } from './invalid-json-schema';
import { invalidTimezone } from './invalid-timezone';
import { invalidVariableDefault } from './invalid-variable-default';
import { invalidVariablePattern } from './invalid-variable-pattern';
import { llmProviderIgnored } from './llm-provider-ignored';
import { malformedExpression } from './malformed-expression';
import { missingHandler } from './missing-handler';
import { orphanParameters } from './orphan-parameters';
import { packageNameSlash } from './package-name-slash';
import { packageNameStyle } from './package-name-style';
import { pythonSyntax } from './python-syntax';
import { queryLimitSubstring } from './query-limit-substring';
import { queryParameterStyle } from './query-parameter-style';
import { queryTrailingSemicolon } from './query-trailing-semicolon';
import { referenceMustBeBare } from './reference-must-be-bare';
import { referenceNeedsNamespace } from './reference-needs-namespace';
import { restartRequired } from './restart-required';
import type { DocumentRule, HeaderRule, ItemRule, ScopedRule } from './rule';
import { scheduleDescriptionDropped } from './schedule-description-dropped';
import { schemaItem } from './schema-item';
import { schemaShell } from './schema-shell';
import { secretValue } from './secret-value';
import { skippedSectionReference } from './skipped-section-reference';
import { sqlSyntax } from './sql-syntax';
import { storeDependenciesIgnored } from './store-dependencies-ignored';
import { templateSyntax } from './template-syntax';
import { toolNameTooLong } from './tool-name-too-long';
import { unboundQueryParameter } from './unbound-query-parameter';
import { undeclaredDependency } from './undeclared-dependency';
import { undeclaredVariable } from './undeclared-variable';
import { uninterpolatedVariable, uninterpolatedVariableInHeader } from './uninterpolated-variable';
import { unknownOperation } from './unknown-operation';
import { unknownQueryParameter } from './unknown-query-parameter';
import { unresolvedReference } from './unresolved-reference';
import { unusedVariable } from './unused-variable';
import { valueTooLong, valueTooLongInHeader } from './value-too-long';
import { variableTypeMismatch } from './variable-type-mismatch';
import { webhookNoAuth } from './webhook-no-auth';

/** Rules on the header and the list of sections: kept while an edit changes only items. */
export const HEADER_RULES: readonly HeaderRule[] = [
  schemaShell,
  duplicateKeyInDocument,
  excludedSection,
  restartRequired,
  uninterpolatedVariableInHeader,
  packageNameStyle,
  packageNameSlash,
  valueTooLongInHeader,
];

/** Rules on document-wide tables (declarations and uses, definitions, references): every version. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [unusedVariable, duplicateIdentity, skippedSectionReference];

export const SCOPED_RULES: readonly ScopedRule[] = [
  // variables
  malformedExpression,
  undeclaredVariable,
  variableTypeMismatch,
  // references
  referenceNeedsNamespace,
  referenceMustBeBare,
  unresolvedReference,
  unknownOperation,
  orphanParameters,
  // fields checked against declarations and dependencies
  secretValue,
  undeclaredDependency,
  connectorSecretTemplate,
  unknownQueryParameter,
];

export const ITEM_RULES: readonly ItemRule[] = [
  schemaItem,
  agentScheduleUnsupported,
  duplicateKeyInItem,
  llmProviderIgnored,
  hookKeyCase,
  authPositionIgnored,
  dedupTtlIgnored,
  webhookNoAuth,
  invalidCron,
  invalidTimezone,
  scheduleDescriptionDropped,
  inactiveSchedule,
  queryTrailingSemicolon,
  queryLimitSubstring,
  queryParameterStyle,
  missingHandler,
  // languages inside the package (parsers load lazily: silent until then)
  pythonSyntax,
  handlerSignature,
  sqlSyntax,
  unboundQueryParameter,
  templateSyntax,
  invalidJsonSchema,
  toolNameTooLong,
  defaultAgent,
  implicitStoreAccess,
  storeDependenciesIgnored,
  uninterpolatedVariable,
  invalidVariablePattern,
  invalidVariableDefault,
  valueTooLong,
];
