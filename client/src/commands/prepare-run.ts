/**
 * The steps Preview and Install share: trust, the package file, a client for the active
 * instance, what is installed now (for upgrade pre-fills and "first install" warnings), the
 * refusal to send `${{ }}` to an instance without variables, and the variable prompts.
 */
import * as vscode from 'vscode';
import { isSinasApiError, type PackageResponse, type SinasClient } from '../../../api/src';
import type { Connection } from '../connections/types';
import type { AnswerScope } from '../prompts/answer-memory';
import { planVariables, type VariablePlan } from '../prompts/plan-variables';
import { promptVariables } from '../prompts/variables';
import { connect } from '../ui/connect';
import { showApiError } from '../ui/errors';
import { withProgress } from '../ui/progress';
import { requireTrust } from '../ui/trust';
import type { Deps } from './deps';
import { COMMANDS } from './ids';
import { packageDocument, type PackageDocument } from './package-target';

/** Command arguments that replace prompts (tests, automation). */
export interface RunOptions {
  /** Values for declared variables; those given are not asked. */
  variables?: Record<string, unknown>;
}

export interface PackageRun extends PackageDocument {
  verb: 'Preview' | 'Install';
  /** The text as read when the command started (prompts may take a while). */
  source: string;
  name: string;
  connection: Connection;
  client: SinasClient;
  /** The installed package, or null when this would be a first install. */
  installed: PackageResponse | null;
  plan: VariablePlan;
  /** What is sent as `variables`; undefined when the package declares none. */
  variables: Record<string, unknown> | undefined;
  /** The document version and instance the answers belong to. */
  scope: AnswerScope;
  /** The values are the ones entered for the preview of this same version (not asked again). */
  reusedAnswers: boolean;
}

export type Prepared = { kind: 'ready'; run: PackageRun } | { kind: 'stopped'; outcome: 'cancelled' | 'refused' | 'failed'; message?: string };

export async function preparePackageRun(deps: Deps, target: unknown, options: RunOptions, verb: 'Preview' | 'Install'): Promise<Prepared> {
  if (!requireTrust(deps.host)) return { kind: 'stopped', outcome: 'refused', message: 'restricted mode' };
  const doc = await packageDocument(deps, target);
  if (!doc) return { kind: 'stopped', outcome: 'refused', message: 'not a package' };
  const connected = await connect(deps);
  if (!connected) return { kind: 'stopped', outcome: 'refused', message: 'no connection' };
  const { connection, client } = connected;
  const name = doc.file.name!;
  const source = doc.document.getText();

  let installed: PackageResponse | null;
  let supportsVariables = true;
  try {
    [installed, supportsVariables] = await withProgress(deps.host, `Sinas: checking ${name} on ${connection.name}…`, async (signal) => {
      const current = client.getPackage(name, { signal }).catch((error) => {
        if (isSinasApiError(error, 'notFound')) return null;
        throw error;
      });
      const supports = doc.file.usesExpressions ? client.supportsVariables({ signal }) : Promise.resolve(true);
      return Promise.all([current, supports]);
    });
  } catch (error) {
    showApiError({ host: deps.host, log: deps.log, connection, what: `${verb} of ${name} stopped`, retry: () => rerun(verb, doc.document.uri) }, error);
    return { kind: 'stopped', outcome: isSinasApiError(error, 'cancelled') ? 'cancelled' : 'failed', message: error instanceof Error ? error.message : String(error) };
  }

  if (!supportsVariables) {
    const message = `Sinas: ${connection.name} does not support install-time variables (it predates them), and this package uses \${{ vars.… }}: the placeholders would be stored literally. Nothing was ${verb === 'Preview' ? 'previewed' : 'installed'}; upgrade Sinas or remove the variables.`;
    deps.log.warn(message);
    void deps.host.showErrorMessage(message);
    return { kind: 'stopped', outcome: 'refused', message };
  }

  // Install right after a preview of this same version sends what was entered for the preview.
  const scope = answerScope(doc.document, connection);
  const remembered = verb === 'Install' && !options.variables && doc.file.declarations.length > 0 ? deps.answers.recall(scope) : undefined;
  const plan = planVariables(doc.file.declarations, { stored: installed?.values ?? null, given: remembered ?? options.variables });
  let variables: Record<string, unknown> | undefined;
  if (doc.file.declarations.length > 0) {
    variables = await promptVariables({ host: deps.host, client, action: `${verb} ${name}` }, plan);
    if (!variables) {
      deps.log.info(`${verb} of ${name} cancelled at the variable prompts.`);
      return { kind: 'stopped', outcome: 'cancelled' };
    }
  }
  if (remembered) deps.log.info(`${verb} of ${name}: using the values entered for its preview (same file version, ${connection.name}).`);
  return { kind: 'ready', run: { ...doc, verb, source, name, connection, client, installed, plan, variables, scope, reusedAnswers: remembered !== undefined } };
}

export function answerScope(document: vscode.TextDocument, connection: Connection): AnswerScope {
  return { uri: document.uri.toString(), version: document.version, connectionId: connection.id };
}

/** "Retry" after a network failure: the same command on the same file, from the start. */
export function rerun(verb: 'Preview' | 'Install', uri: vscode.Uri): Thenable<unknown> {
  return vscode.commands.executeCommand(verb === 'Preview' ? COMMANDS.previewPackage : COMMANDS.installPackage, uri);
}

/** The variables as the report lists them: every declaration, secrets masked there. */
export function reportVariables(run: PackageRun): { name: string; type?: string; value?: unknown; note?: string }[] {
  const seen = new Set<string>();
  return run.file.declarations
    .filter((d) => !seen.has(d.name) && seen.add(d.name))
    .map((d) => ({
      name: d.name,
      type: d.type,
      value: run.variables?.[d.name],
      note: run.plan.keptSecrets.includes(d.name) ? 'kept: the secret already exists on the instance' : undefined,
    }));
}
