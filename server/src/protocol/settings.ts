/**
 * The `sinas.*` settings the language server reads, and their normalisers: whatever the user
 * wrote (wrong types, unknown severities, negative numbers), the server gets usable values
 * (vscode-eslint's `X.from(raw)` pattern). Shared with the client, so it imports nothing.
 */
export type SeverityLevel = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface SinasSettings {
  diagnostics: {
    /** Per diagnostic code: a severity, or `off` to hide it. */
    severity: Record<string, SeverityLevel>;
    /** At most this many problems are reported per file. */
    maxProblems: number;
  };
  validation: {
    /** Quiet time after an edit before diagnostics are published. */
    delayMs: number;
    /** New findings on the line being typed wait this long after the last keystroke (0: never). */
    typingPauseMs: number;
    /** Larger files are not analysed. */
    maxFileSizeKb: number;
    /**
     * Whether `yaml-syntax` findings are published. `auto` means on for the server; the VS Code
     * client resolves it to `off` when Red Hat YAML (which reports them too) is installed.
     */
    yamlSyntax: YamlSyntaxMode;
  };
  workspaceDiagnostics: {
    /** Report on every SinasPackage of the workspace folders, open or not. */
    enabled: boolean;
    /** At most this many YAML files of the workspace are read. */
    maxFiles: number;
  };
}

export type YamlSyntaxMode = 'auto' | 'on' | 'off';

export const DEFAULT_SETTINGS: SinasSettings = {
  diagnostics: { severity: {}, maxProblems: 1000 },
  validation: { delayMs: 50, typingPauseMs: 800, maxFileSizeKb: 5 * 1024, yamlSyntax: 'auto' },
  workspaceDiagnostics: { enabled: true, maxFiles: 1000 },
};

const LIMITS = {
  maxProblems: [1, 100_000],
  delayMs: [0, 10_000],
  typingPauseMs: [0, 10_000],
  maxFileSizeKb: [1, 100 * 1024],
  maxFiles: [0, 100_000],
} as const;

const SEVERITY_ALIASES: Record<string, SeverityLevel> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  information: 'info',
  hint: 'hint',
  off: 'off',
  none: 'off',
  ignore: 'off',
};

export function normalizeSettings(raw: unknown): SinasSettings {
  const root = record(raw);
  const diagnostics = record(root.diagnostics);
  const validation = record(root.validation);
  const workspace = record(root.workspaceDiagnostics);
  return {
    diagnostics: {
      severity: normalizeSeverities(diagnostics.severity),
      maxProblems: integer(diagnostics.maxProblems, DEFAULT_SETTINGS.diagnostics.maxProblems, LIMITS.maxProblems),
    },
    validation: {
      delayMs: integer(validation.delayMs, DEFAULT_SETTINGS.validation.delayMs, LIMITS.delayMs),
      typingPauseMs: integer(validation.typingPauseMs, DEFAULT_SETTINGS.validation.typingPauseMs, LIMITS.typingPauseMs),
      maxFileSizeKb: integer(validation.maxFileSizeKb, DEFAULT_SETTINGS.validation.maxFileSizeKb, LIMITS.maxFileSizeKb),
      yamlSyntax: validation.yamlSyntax === 'on' || validation.yamlSyntax === 'off' ? validation.yamlSyntax : 'auto',
    },
    workspaceDiagnostics: {
      enabled: typeof workspace.enabled === 'boolean' ? workspace.enabled : DEFAULT_SETTINGS.workspaceDiagnostics.enabled,
      maxFiles: integer(workspace.maxFiles, DEFAULT_SETTINGS.workspaceDiagnostics.maxFiles, LIMITS.maxFiles),
    },
  };
}

function normalizeSeverities(raw: unknown): Record<string, SeverityLevel> {
  const out: Record<string, SeverityLevel> = {};
  for (const [code, value] of Object.entries(record(raw))) {
    const level = typeof value === 'string' ? SEVERITY_ALIASES[value.trim().toLowerCase()] : undefined;
    if (level && code.trim()) out[code.trim()] = level;
  }
  return out;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A whole number within [min, max]; numeric strings are accepted, anything else is the default. */
function integer(value: unknown, fallback: number, [min, max]: readonly [number, number]): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.round(n)));
}
