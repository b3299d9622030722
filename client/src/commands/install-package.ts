/**
 * Sinas: Install Package — preview first (report beside the file), then a modal confirmation
 * with the summary, then the install. A 200 with `apply.errors` is a PARTIAL install and is
 * reported as such, never as success. Right after a preview of the same file version it sends the
 * values entered there; otherwise an upgrade pre-fills the prompts from the stored values.
 */
import { isSinasApiError, type ConfigApplyResponse, type InstallResult } from '../../../api/src';
import { locateApplyMessages, type PreviewFinding } from '../preview/locate-messages';
import { buildReport, summaryLine } from '../preview/report';
import { withProgress } from '../ui/progress';
import { count } from '../util/text';
import type { Deps } from './deps';
import { preparePackageRun, reportVariables, type PackageRun, type RunOptions } from './prepare-run';
import { previewReport, reportRunError, runPreview, showRunReport } from './preview-package';

export interface InstallOutcome {
  outcome: 'installed' | 'partial' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  result?: InstallResult;
}

export async function installPackage(deps: Deps, target?: unknown, options: RunOptions = {}): Promise<InstallOutcome> {
  const prepared = await preparePackageRun(deps, target, options, 'Install');
  if (prepared.kind === 'stopped') return { outcome: prepared.outcome, message: prepared.message };
  const { run } = prepared;

  const checked = await runPreview(deps, run, 'Install');
  if (!checked.preview) return { outcome: checked.outcome === 'cancelled' ? 'cancelled' : 'failed', message: checked.message };
  const { preview, findings } = checked;
  await showRunReport(deps, run, previewReport(run, preview, findings), { beside: true });
  if (!preview.apply.success) {
    const message = `Sinas: installing ${run.name} on ${run.connection.name} would fail (${preview.apply.errors.join('; ')}). Nothing was installed.`;
    void deps.host.showErrorMessage(message);
    return { outcome: 'refused', message };
  }

  const confirm = preview.apply.errors.length > 0 ? 'Install Anyway' : 'Install';
  const choice = await deps.host.showWarningMessage(`Install ${run.name}${run.file.version ? ` ${run.file.version}` : ''} on ${run.connection.name}?`, { modal: true, detail: confirmDetail(run, preview.apply, findings) }, confirm);
  if (choice !== confirm) {
    deps.log.info(`Install of ${run.name} on ${run.connection.name} cancelled at the confirmation.`);
    return { outcome: 'cancelled' };
  }

  // Sent now: whatever happens, the next install asks again.
  deps.answers.forget(run.scope.uri);
  let result: InstallResult;
  try {
    result = await withProgress(deps.host, `Sinas: installing ${run.name} on ${run.connection.name}…`, (signal) =>
      run.client.installPackage(run.source, { variables: run.variables, declarations: run.file.declarations }, { signal }),
    );
  } catch (error) {
    reportRunError(deps, run, explainInstallError(error), `Install of ${run.name} failed`);
    afterChange(deps, run);
    return { outcome: isSinasApiError(error, 'cancelled') ? 'cancelled' : 'failed', message: error instanceof Error ? error.message : String(error) };
  }

  const after = locateApplyMessages(run.file, { apply: result.apply, values: run.variables, firstInstall: run.installed === null, instanceName: run.connection.name });
  deps.diagnostics.set(run.document, after, run.file.nameSpan);
  const report = buildReport({
    kind: result.outcome === 'partial' ? 'partial' : 'installed',
    packageName: run.name,
    version: result.package.version,
    instanceName: run.connection.name,
    instanceUrl: run.connection.url,
    installed: run.installed,
    apply: result.apply,
    variables: reportVariables(run),
    findings: after,
    file: run.file,
    values: run.variables,
    generatedAt: new Date(),
  });
  afterChange(deps, run);
  const showReport = 'Show Report';
  const open = (choice: string | undefined): void => {
    if (choice === showReport) void showRunReport(deps, run, report);
  };
  await showRunReport(deps, run, report, { beside: true });
  if (result.outcome === 'partial') {
    const message = `Sinas: ${run.name} ${result.package.version} was only PARTIALLY installed on ${run.connection.name}: ${count(result.errors.length, 'error')} (${result.errors[0]}${result.errors.length > 1 ? '; …' : ''}). The package is recorded; the failed resources are missing.`;
    deps.log.warn(`${message}\n  ${result.errors.join('\n  ')}`);
    void deps.host.showWarningMessage(message, {}, showReport).then(open);
    return { outcome: 'partial', result, message };
  }
  const message = `Sinas: installed ${run.name} ${result.package.version} on ${run.connection.name} (${summaryLine(result.apply, 'past')}).`;
  deps.log.info(message);
  void deps.host.showInformationMessage(message, showReport).then(open);
  return { outcome: 'installed', result, message };
}

function confirmDetail(run: PackageRun, apply: ConfigApplyResponse, findings: PreviewFinding[]): string {
  const lines: string[] = [];
  lines.push(run.installed ? `Upgrade from version ${run.installed.version}.` : 'First install on this instance.');
  lines.push(`Preview: ${summaryLine(apply, 'future')}.`);
  const overwrites = findings.filter((f) => f.code === 'overwrites-unmanaged').length;
  if (overwrites) lines.push(`⚠ Overwrites ${count(overwrites, 'existing resource')} not managed by this package; uninstall will not remove ${overwrites === 1 ? 'it' : 'them'}.`);
  if (apply.errors.length) lines.push(`⚠ ${count(apply.errors.length, 'error')}: the install would be PARTIAL — the package is recorded but those resources are left out.`);
  if (apply.warnings.length) lines.push(`${count(apply.warnings.length, 'warning')} (see the report).`);
  if (run.plan.keptSecrets.length) lines.push(`Kept as stored: ${run.plan.keptSecrets.join(', ')}.`);
  if (run.reusedAnswers) lines.push('Values: as entered for the preview of this version (edit the file or preview again to change them).');
  lines.push('The full preview is open beside the editor.');
  return lines.join('\n');
}

/** What a failed install means for the instance, in the error's own sentence. */
function explainInstallError(error: unknown): unknown {
  if (!isSinasApiError(error)) return error;
  if (error.kind === 'server' && error.status === 500) return error.withMessage(`${error.message} Sinas rolls a failed install back: nothing was installed.`);
  if (error.kind === 'timeout') return error.withMessage(`${error.message} The install may still complete on the server; refresh the packages view to see.`);
  return error;
}

/** The tree, lenses and cached exports are stale after any install attempt. */
function afterChange(deps: Deps, run: PackageRun): void {
  deps.documents.forgetInstalled(run.connection.id, run.name);
  void deps.packages.refresh(run.connection.id);
  void deps.snapshots.refresh(run.connection.id);
}
