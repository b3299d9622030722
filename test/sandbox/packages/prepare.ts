/**
 * What install and preview share before applying (§2.1 plus the seed's variables):
 * read the declarations from the raw text → check the given values → substitute → validate the
 * result (language-core errors, then the server's database-backed reference checks) → require
 * `kind: SinasPackage`. Every failure is the backend's 400 `Package validation failed: …`.
 */
import { substituteVariables } from '../../../server/src/core/variables/substitution';
import { badRequest, validationFailed } from '../errors';
import type { State } from '../state/types';
import { checkDocument, type PathMessage } from '../validate';
import type { VariableDeclaration } from '../variables/declarations';
import { resolveVariables, type ResolvedVariables } from '../variables/resolve';
import { applySpec } from './apply';
import type { ApplyResponse } from './apply-result';
import { environmentWarnings, referenceErrors } from './server-checks';

export interface PrepareOptions {
  /** False emulates a Sinas that predates install-time variables. */
  variables: boolean;
  /** Preview tolerates missing required values (it reports `requires_input` instead). */
  allowMissing: boolean;
}

export interface PreparedPackage {
  name: string;
  document: Record<string, unknown>;
  spec: Record<string, unknown>;
  declarations: VariableDeclaration[];
  resolved: ResolvedVariables;
  /** Parser warnings, appended after the apply's own warnings. */
  warnings: string[];
}

export function preparePackage(
  state: Readonly<State>,
  source: string,
  given: Record<string, unknown>,
  options: PrepareOptions,
): PreparedPackage {
  const raw = checkDocument(source, { variables: options.variables });
  const declarations = raw.declarations;
  const resolved = resolveVariables(declarations, options.variables ? given : {}, state);
  const variableErrors: PathMessage[] = [...resolved.errors];
  if (!options.allowMissing) {
    for (const name of resolved.missing) variableErrors.push({ path: `variables.${name}`, message: `Required variable '${name}' is missing` });
  }
  if (variableErrors.length) throw validationFailed(variableErrors);

  const text = options.variables ? substituteVariables(source, resolved.substitutions) : source;
  // Most packages have no placeholders: then the raw text is the text to validate.
  const checked = text === source ? raw : checkDocument(text, { variables: options.variables });
  if (checked.errors.length || !checked.value) throw validationFailed(checked.errors);
  const document = checked.value;
  const spec = (document.spec ?? {}) as Record<string, unknown>;
  const references = referenceErrors(spec, state);
  if (references.length) throw validationFailed(references);

  if (document.kind !== 'SinasPackage') throw badRequest('Expected kind: SinasPackage');
  const pkg = document.package as Record<string, unknown> | undefined;
  if (!pkg || typeof pkg.name !== 'string') throw badRequest('Package metadata is required for SinasPackage');

  return { name: String(pkg.name), document, spec, declarations, resolved, warnings: environmentWarnings(spec) };
}

/** Applies a prepared package as `pkg:<name>` (a dry run for preview); parser warnings come last. */
export function applyPrepared(state: State, prepared: PreparedPackage, ownerId: string, dryRun: boolean): ApplyResponse {
  const result = applySpec(state, prepared.spec, {
    managedBy: `pkg:${prepared.name}`,
    configName: prepared.name,
    ownerId,
    dryRun,
    variableSecrets: prepared.resolved.secrets,
  });
  result.warnings.push(...prepared.warnings);
  return result;
}
