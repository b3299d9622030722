/**
 * Sinas: Preview Package — asks for the declared variables, runs the server's dry run, shows the
 * rendered report beside the file (with the package as it will be installed), and puts the
 * server's findings on the YAML (warnings, errors, and on a first install every update that
 * overwrites an unmanaged resource).
 */
import { isSinasApiError, type PreviewResult } from '../../../api/src';
import { locateApplyMessages, locateValidationItems, type PreviewFinding } from '../preview/locate-messages';
import { buildReport, type ReportModel } from '../preview/report';
import type { ShownReport } from '../preview/report-panel';
import { substituteVariables, substitutionTexts } from '../../../server/src/core/variables/substitution';
import { showApiError } from '../ui/errors';
import { withProgress } from '../ui/progress';
import type { Deps } from './deps';
import { preparePackageRun, rerun, reportVariables, type PackageRun, type RunOptions } from './prepare-run';

export interface PreviewOutcome {
  outcome: 'previewed' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  preview?: PreviewResult;
  findings?: PreviewFinding[];
}

export async function previewPackage(deps: Deps, target?: unknown, options: RunOptions = {}): Promise<PreviewOutcome> {
  const prepared = await preparePackageRun(deps, target, options, 'Preview');
  if (prepared.kind === 'stopped') return { outcome: prepared.outcome, message: prepared.message };
  const { run } = prepared;
  const done = await runPreview(deps, run, 'Preview');
  if (!done.preview) return { outcome: done.outcome, message: done.message };
  if (run.variables) {
    // Prompts left empty count as answered too: Install must not ask them again.
    const unset = run.plan.prompts.filter((p) => !(p.name in run.variables!)).map((p) => [p.name, undefined]);
    deps.answers.remember(run.scope, { ...Object.fromEntries(unset), ...run.variables });
  }
  await showRunReport(deps, run, previewReport(run, done.preview, done.findings), { beside: true });
  return { outcome: 'previewed', preview: done.preview, findings: done.findings };
}

/** The dry run itself, with its findings put on the file; errors are shown and returned. */
export async function runPreview(deps: Deps, run: PackageRun, verb: 'Preview' | 'Install'): Promise<{ outcome: 'previewed' | 'cancelled' | 'failed'; preview?: PreviewResult; findings: PreviewFinding[]; message?: string }> {
  try {
    const preview = await withProgress(deps.host, `Sinas: previewing ${run.name} on ${run.connection.name}…`, (signal) =>
      run.client.previewPackage(run.source, { variables: run.variables, declarations: run.file.declarations }, { signal }),
    );
    const findings = locateApplyMessages(run.file, { apply: preview.apply, values: run.variables, firstInstall: run.installed === null, instanceName: run.connection.name });
    deps.diagnostics.set(run.document, findings, run.file.nameSpan);
    deps.log.info(`[${run.connection.name}] preview of ${run.name}: ${preview.apply.changes.length} changes, ${preview.apply.errors.length} errors, ${preview.apply.warnings.length} warnings`);
    return { outcome: 'previewed', preview, findings };
  } catch (error) {
    reportRunError(deps, run, error, `${verb} of ${run.name} failed`);
    return { outcome: isSinasApiError(error, 'cancelled') ? 'cancelled' : 'failed', findings: [], message: error instanceof Error ? error.message : String(error) };
  }
}

/** An API error of a preview or install: validation items go on the YAML, the rest to one message. */
export function reportRunError(deps: Deps, run: PackageRun, error: unknown, what: string): void {
  if (isSinasApiError(error, 'validation') && error.items.length > 0) {
    deps.diagnostics.set(run.document, locateValidationItems(run.file, error.items), run.file.nameSpan);
  }
  showApiError({ host: deps.host, log: deps.log, connection: run.connection, what, retry: () => rerun(run.verb, run.document.uri) }, error);
}

export function previewReport(run: PackageRun, preview: PreviewResult, findings: PreviewFinding[]): ReportModel {
  return buildReport({
    kind: 'preview',
    packageName: run.name,
    version: run.file.version,
    instanceName: run.connection.name,
    instanceUrl: run.connection.url,
    installed: run.installed,
    apply: preview.apply,
    variables: reportVariables(run),
    findings,
    file: run.file,
    values: run.variables,
    generatedAt: new Date(),
  });
}

/** The rendered report of a run beside its file, with the package as it will be installed. */
export function showRunReport(deps: Deps, run: PackageRun, model: ReportModel, options: { beside?: boolean } = {}): Promise<ShownReport> {
  const asInstalled = substituteVariables(run.source, substitutionTexts(run.file.declarations, run.variables ?? {}));
  return deps.reports.show({ model, instanceName: run.connection.name, packageName: run.name, file: { uri: run.document.uri, version: run.scope.version, text: run.source }, asInstalled }, options);
}
