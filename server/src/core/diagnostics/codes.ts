/**
 * The registry of every diagnostic code: its default severity and a one-line description (the
 * README's table is checked against this list by a unit test). A released code is never renamed.
 */
import type { Severity } from './finding';

export interface CodeInfo {
  severity: Severity;
  description: string;
}

export const CODES = {
  // YAML and document shape
  'yaml-syntax': { severity: 'error', description: 'The YAML cannot be parsed (the server answers "Invalid YAML").' },
  'multiple-documents': { severity: 'error', description: 'A package must be a single YAML document.' },
  'alias-expansion': { severity: 'error', description: 'Anchors and aliases expand to too many nodes (an "alias bomb").' },
  'duplicate-key': { severity: 'warning', description: 'A key appears twice in one mapping; Sinas silently keeps the last one.' },
  'file-too-large': { severity: 'warning', description: 'The file is larger than the analysis limit and is not checked.' },
  'internal-error': { severity: 'warning', description: 'A check crashed on this input; the rest of the analysis still ran. Please report it.' },
  // Schema (server-side pydantic checks and silently dropped keys)
  'unknown-key': { severity: 'error', description: 'Unknown key at the root or directly under `spec` (rejected by the server).' },
  'ignored-field': { severity: 'warning', description: 'Unknown field inside a resource; Sinas ignores it silently.' },
  'invalid-type': { severity: 'error', description: 'The value has the wrong type for the field (rejected by the server).' },
  'missing-required': { severity: 'error', description: 'A required field is missing.' },
  'invalid-value': { severity: 'error', description: 'The value is not allowed for this field (rejected by the server).' },
  'unhonoured-value': { severity: 'warning', description: 'The server stores this value but the runtime ignores or mishandles it.' },
  // Install-time variables
  'undeclared-variable': { severity: 'error', description: '`${{ vars.NAME }}` uses a variable that `spec.variables` does not declare.' },
  'unused-variable': { severity: 'warning', description: 'A declared variable is never used.' },
  'malformed-expression': { severity: 'error', description: 'A `${{ … }}` expression is not of the form `${{ vars.NAME }}`.' },
  // References between resources
  'reference-needs-namespace': { severity: 'error', description: 'A bare name where Sinas needs `namespace/name` (warning in fields Sinas does not check).' },
  'reference-must-be-bare': { severity: 'error', description: 'A webhook or schedule `functionName` written `ns/name`; Sinas only accepts a bare name in namespace `default`.' },
  'unresolved-reference': { severity: 'warning', description: 'The referenced resource is not in this package; it must exist on the instance.' },
  'unknown-operation': { severity: 'warning', description: 'An enabled connector operation that the connector (defined in this package) does not have.' },
  'orphan-parameters': { severity: 'warning', description: 'A parameters key that matches no enabled function, query or operation; the parameters are never applied.' },
  'skipped-section-reference': { severity: 'warning', description: 'A database connection declared only in a section packages skip; the resource fails at apply.' },
  'agent-schedule-unsupported': { severity: 'error', description: 'An agent schedule without `functionName` always fails Sinas validation (info when the work-around is used).' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export function codeInfo(code: DiagnosticCode): CodeInfo {
  return CODES[code];
}
