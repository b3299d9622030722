/**
 * The one place the sandbox asks "is this document valid?": the language core's `analyze()`, so
 * install/preview/validate reject exactly what the editor marks as an error. Each ERROR finding
 * becomes `<path>: <message>` with the backend's path style (`spec.agents[0].enabledFunctions`);
 * document-level YAML problems read `root: Invalid YAML: …` as on the backend.
 * The values handed to apply are the core's PyYAML-faithful conversion of the same tree.
 */
import { analyze, looksLikeSinasPackage } from '../../server/src/core/analyze';
import type { DiagnosticCode } from '../../server/src/core/diagnostics/codes';
import type { Finding } from '../../server/src/core/diagnostics/finding';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { toValue } from '../../server/src/core/parse/to-value';
import { locate, type YNode } from '../../server/src/core/parse/yaml-tree';
import type { VariableDeclaration as CoreDeclaration } from '../../server/src/core/variables/variable-table';
import type { VariableDeclaration } from './variables/declarations';

export interface PathMessage {
  path: string;
  message: string;
}

export interface DocumentCheck {
  /** ERROR-level problems, each with a backend-style path. */
  errors: PathMessage[];
  /** The document as PyYAML would load it; undefined when there are errors. */
  value: Record<string, unknown> | undefined;
  declarations: VariableDeclaration[];
}

export interface CheckOptions {
  /** False emulates a backend without install-time variables (see below). */
  variables: boolean;
}

/** Problems of the text as a whole: the backend reports them at `root` as "Invalid YAML". */
const DOCUMENT_CODES: ReadonlySet<DiagnosticCode> = new Set(['yaml-syntax', 'multiple-documents', 'alias-expansion']);
/** The endpoints check the kind themselves, after validation ("Expected kind: SinasPackage"). */
const KIND_CODES: ReadonlySet<DiagnosticCode> = new Set(['not-a-package']);
/** What an older backend knows nothing about: it stores `${{ }}` literally and never complains. */
const VARIABLE_CODES: ReadonlySet<DiagnosticCode> = new Set(['undeclared-variable', 'unused-variable', 'malformed-expression']);

/** `spec.agents[0].enabledFunctions` from `['spec', 'agents', 0, 'enabledFunctions']`. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'root';
  return path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}

function toPathMessage(root: YNode | null, finding: Finding): PathMessage {
  if (DOCUMENT_CODES.has(finding.code)) return { path: 'root', message: `Invalid YAML: ${finding.message}` };
  const at = locate(root, finding.span.start);
  const missing = finding.code === 'missing-required' ? finding.data?.missing : undefined;
  if (Array.isArray(missing)) {
    // Reported on the first key of the mapping that lacks the field; the server names the field.
    const owner = at.onKey ? at.path.slice(0, -1) : at.path;
    return { path: formatPath(missing.length === 1 ? [...owner, String(missing[0])] : owner), message: finding.message };
  }
  return { path: formatPath(at.path), message: finding.message };
}

export function checkDocument(text: string, options: CheckOptions): DocumentCheck {
  const analysis = analyze(text);
  let root = analysis.root;
  let findings: Finding[] = analysis.findings.filter((f) => f.severity === 'error' && !KIND_CODES.has(f.code));
  if (!looksLikeSinasPackage(text)) {
    // The core skips text that is not a Sinas document; a server still has to parse it to answer.
    const parsed = new DocumentParser().parse(text);
    root = parsed.root;
    findings = parsed.findings.filter((f) => (f.severity ?? 'error') === 'error');
  }
  if (!options.variables) findings = findings.filter((f) => !VARIABLE_CODES.has(f.code));

  const errors = findings.map((f) => toPathMessage(root, f));
  const variablesSection = analysis.model.sections.get('variables');
  if (!options.variables && variablesSection) {
    // ConfigSpec forbids unknown keys; before variables existed, this one was unknown.
    errors.push({ path: 'spec.variables', message: 'Extra inputs are not permitted' });
  }
  if (!errors.length && !root) errors.push({ path: 'root', message: 'Invalid YAML: the document is empty' });
  if (!errors.length && !looksLikeSinasPackage(text)) {
    errors.push({ path: 'root', message: 'Not a Sinas document: `apiVersion: sinas.co/v1` and `kind` are missing' });
  }
  const value = errors.length ? undefined : toValue(root).value;
  const isMapping = !!value && typeof value === 'object' && !Array.isArray(value);
  if (!errors.length && !isMapping) errors.push({ path: 'root', message: 'The document must be a mapping' });
  return {
    errors,
    value: isMapping ? (value as Record<string, unknown>) : undefined,
    declarations: options.variables ? analysis.variables.declarations.map(describe) : [],
  };
}

function describe(d: CoreDeclaration): VariableDeclaration {
  return {
    name: d.name,
    type: d.type ?? 'text',
    required: d.required,
    default: d.default,
    choices: d.choices,
    pattern: d.pattern,
    resource: d.resource,
    description: d.description,
    example: d.example,
  };
}
