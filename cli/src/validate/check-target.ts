/**
 * One file of `validate`, read and checked: the same steps on the main thread (`--jobs 1`) and in
 * a worker (see check-pool.ts). Reading errors (missing, not a regular file, not text) are thrown
 * as usage errors, as the command always reported them; a file over the size limit is reported as
 * the editor does (`file-too-large`), without reading it.
 */
import { CODES } from '../../../server/src/core/diagnostics/codes';
import { loadRequestedEmbeddedParsers } from '../../../server/src/core/embedded/parsers';
import type { InstanceIndex } from '../../../server/src/core/instance/instance-index';
import { FileTooLarge, MAX_FILE_BYTES, readText } from '../io';
import { checkText, type FileReport, type SeverityOverrides } from './check-file';

export async function checkTarget(file: string, overrides: SeverityOverrides, instance: InstanceIndex | undefined): Promise<FileReport> {
  try {
    const text = readText(file);
    const report = checkText(file, text, overrides, instance);
    // Python, SQL, Jinja2 and meta-schema parsers load when a file first needs them; then again.
    return (await loadRequestedEmbeddedParsers()) ? checkText(file, text, overrides, instance) : report;
  } catch (error) {
    if (!(error instanceof FileTooLarge)) throw error;
    const severity = overrides['file-too-large'] ?? CODES['file-too-large'].severity;
    if (severity === 'off') return { file, isSinasPackage: true, findings: [] };
    const message = `This file has ${error.size.toLocaleString('en')} bytes, more than the ${MAX_FILE_BYTES.toLocaleString('en')} analysed; it is not read or checked.`;
    return { file, isSinasPackage: true, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity, code: 'file-too-large', message, excerpt: '' }] };
  }
}
