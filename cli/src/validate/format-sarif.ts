/**
 * `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning (upload it with
 * github/codeql-action/upload-sarif). Every diagnostic code is a rule with its description as
 * help text and a link to its documentation; each result carries a fingerprint built from the
 * file, the code, the flagged text and its occurrence — not the line number — so an alert keeps
 * its identity when lines above it move.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import { codeDocsUrl, PROJECT_URL } from '../../../server/src/core/diagnostics/docs';
import type { Severity } from '../../../server/src/core/diagnostics/finding';
import { notChecked, type FindingReport } from './check-file';
import type { ValidateResult } from './result';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'sinasFinding/v1';

const RULE_IDS = Object.keys(CODES) as (keyof typeof CODES)[];
const RULE_INDEX = new Map<string, number>(RULE_IDS.map((id, index) => [id, index]));

function rules() {
  return RULE_IDS.map((id) => {
    const { severity, description } = CODES[id];
    return {
      id,
      name: id,
      shortDescription: { text: description },
      fullDescription: { text: description },
      help: { text: `${description}\nSee ${codeDocsUrl(id)}`, markdown: `${description}\n\n[Documentation](${codeDocsUrl(id)})` },
      helpUri: codeDocsUrl(id),
      defaultConfiguration: { level: LEVEL[severity as Severity] },
    };
  });
}

/** Forward slashes and no leading `./`: SARIF artifact URIs are relative references. */
function artifactUri(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
}

function fingerprint(file: string, finding: FindingReport, occurrence: number): string {
  const excerpt = finding.excerpt.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${artifactUri(file)}\0${finding.code}\0${excerpt}\0${occurrence}`).digest('hex').slice(0, 32);
}

export function formatSarif(result: ValidateResult, version: string, cwd = process.cwd()): object {
  const results = result.reports.flatMap((report) => {
    const occurrences = new Map<string, number>();
    return report.findings.map((f) => {
      const key = `${f.code}\0${f.excerpt}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      return {
        ruleId: f.code,
        ruleIndex: RULE_INDEX.get(f.code) ?? -1,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(report.file), uriBaseId: 'SRCROOT' },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(report.file, f, occurrence) },
      };
    });
  });
  const notSinas = result.reports.filter(notChecked);
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'sinas-package', semanticVersion: version, informationUri: PROJECT_URL, rules: rules() } },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notSinas.map((r) => ({
              level: 'note',
              message: { text: `${r.file} is not a SinasPackage (no apiVersion sinas.co/… or kind SinasPackage); it was not checked.` },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(r.file), uriBaseId: 'SRCROOT' } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
}
