/**
 * The preview / install report as data (pure): the outcome in one line, counts per resource type,
 * what a first install would overwrite, errors, warnings, every change, and the variable values
 * used (secrets masked). Each line that names something in the file carries its span, so the
 * rendered report (report-html.ts) can link it to its YAML node.
 */
import type { ConfigApplyResponse, ResourceChange } from '../../../api/src';
import type { PackageFile, Span } from '../packages/read-package';
import { count, formatTime } from '../util/text';
import { locateChange, type PreviewFinding } from './locate-messages';

export type ReportKind = 'preview' | 'installed' | 'partial';

export interface ReportVariable {
  name: string;
  type?: string;
  /** Undefined when not sent. */
  value?: unknown;
  /** Shown instead of the value, e.g. "kept: the secret already exists". */
  note?: string;
}

export interface ReportInput {
  kind: ReportKind;
  packageName: string;
  version?: string;
  instanceName: string;
  instanceUrl: string;
  /** The installed package before this run; null on a first install, undefined when unknown. */
  installed?: { version: string; installed_at: string; updated_at?: string | null } | null;
  apply: ConfigApplyResponse;
  variables?: ReportVariable[];
  findings?: PreviewFinding[];
  /** The file as sent and the values sent with it: change lines then link to their resource. */
  file?: PackageFile;
  values?: Record<string, unknown>;
  generatedAt?: Date;
}

/** One line of text (`code` in backticks) and, when it names a node of the file, where that is. */
export interface ReportLine {
  text: string;
  span?: Span;
}

export interface ReportChange extends ReportLine {
  action: string;
  resourceType: string;
  resourceName: string;
  /** A first install overwrites this unmanaged resource. */
  overwrites: boolean;
}

export interface SummaryRow {
  type: string;
  created: number;
  updated: number;
  unchanged: number;
}

export interface ReportModel {
  kind: ReportKind;
  title: string;
  /** Instance, installed version, time. */
  facts: string[];
  outcome: { tone: 'ok' | 'warning' | 'error'; text: string };
  overwrites: ReportLine[];
  summary: { columns: [string, string, string]; rows: (SummaryRow & { overwrites: boolean })[] };
  errors: ReportLine[];
  /** Said above the errors of a preview. */
  errorsNote?: string;
  warnings: ReportLine[];
  changes: ReportChange[];
  variables: { name: string; type?: string; display: string; masked: boolean }[];
}

export const SECRET_MASK = '••••••';

export function buildReport(input: ReportInput): ReportModel {
  const { apply } = input;
  const findings = input.findings ?? [];
  const overwrites = findings.filter((f) => f.code === 'overwrites-unmanaged').map(line);
  const flagged = new Set(overwrites.length ? apply.changes.filter((c) => c.action === 'update').map(key) : []);
  const errorFindings = findings.filter((f) => f.code === 'server-error');
  const warningFindings = findings.filter((f) => f.code === 'server-warning' || f.code === 'managed-elsewhere');
  return {
    kind: input.kind,
    title: `${{ preview: 'Preview', installed: 'Installed', partial: 'Partially installed' }[input.kind]}: ${input.packageName}${input.version ? ` ${input.version}` : ''} on ${input.instanceName}`,
    facts: [`Instance: ${input.instanceUrl}`, installLine(input), ...(input.generatedAt ? [`Generated: ${formatTime(input.generatedAt.toISOString())}`] : [])],
    outcome: outcome(input),
    overwrites,
    summary: {
      columns: input.kind === 'preview' ? ['Create', 'Update', 'Unchanged'] : ['Created', 'Updated', 'Unchanged'],
      rows: summaryRows(apply).map((r) => ({ ...r, overwrites: r.updated > 0 && overwrites.length > 0 })),
    },
    errors: apply.errors.map((text) => ({ text, span: errorFindings.find((f) => f.message === text)?.span })),
    errorsNote: input.kind === 'preview' && apply.errors.length > 0 ? 'An install would record the package but leave these resources out.' : undefined,
    warnings: apply.warnings.map((text) => ({ text, span: warningFindings.find((f) => f.message.startsWith(text))?.span })),
    changes: apply.changes.map((c) => ({
      action: c.action,
      resourceType: c.resourceType,
      resourceName: c.resourceName,
      overwrites: flagged.has(key(c)),
      text: `${c.action} ${c.resourceType} \`${c.resourceName}\``,
      span: input.file ? locateChange(input.file, c, input.values) : undefined,
    })),
    variables: (input.variables ?? []).map((v) => ({ name: v.name, type: v.type, display: variableValue(v), masked: !v.note && v.value !== undefined && v.type === 'secret' })),
  };
}

/** Per resource type, from `changes` when present (they are per resource), else from `summary`. */
export function summaryRows(apply: ConfigApplyResponse): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  const row = (type: string) => rows.get(type) ?? rows.set(type, { type, created: 0, updated: 0, unchanged: 0 }).get(type)!;
  if (apply.changes.length > 0) {
    for (const c of apply.changes) {
      const r = row(c.resourceType);
      if (c.action === 'create') r.created++;
      else if (c.action === 'update') r.updated++;
      else if (c.action === 'unchanged') r.unchanged++;
    }
  } else {
    for (const [field, counts] of [['created', apply.summary.created], ['updated', apply.summary.updated], ['unchanged', apply.summary.unchanged]] as const) {
      for (const [type, n] of Object.entries(counts ?? {})) row(type)[field] += n;
    }
  }
  return [...rows.values()];
}

/** "2 created, 1 updated, 4 unchanged" (for notifications and the confirm modal). */
export function summaryLine(apply: ConfigApplyResponse, tense: 'future' | 'past'): string {
  const totals = summaryRows(apply).reduce((t, r) => ({ created: t.created + r.created, updated: t.updated + r.updated, unchanged: t.unchanged + r.unchanged }), { created: 0, updated: 0, unchanged: 0 });
  const [c, u] = tense === 'future' ? ['to create', 'to update'] : ['created', 'updated'];
  return `${totals.created} ${c}, ${totals.updated} ${u}, ${totals.unchanged} unchanged`;
}

function installLine(input: ReportInput): string {
  if (input.installed === undefined) return 'Installed version: unknown';
  if (input.installed === null) return input.kind === 'preview' ? 'Not installed yet: this would be a first install.' : 'First install.';
  const when = formatTime(input.installed.updated_at ?? input.installed.installed_at);
  const verb = input.kind === 'preview' ? 'Upgrade of' : 'Upgraded from';
  return `${verb} version ${input.installed.version} (installed ${when}).`;
}

function outcome(input: ReportInput): ReportModel['outcome'] {
  const { apply } = input;
  const errors = apply.errors.length;
  if (input.kind === 'partial') {
    return { tone: 'warning', text: `⚠ Partial install: ${count(errors, 'error')}. The package is recorded on ${input.instanceName}, but the resources named under Errors were not installed.` };
  }
  if (input.kind === 'installed') return { tone: 'ok', text: `✓ Installed: ${summaryLine(apply, 'past')}.` };
  if (!apply.success) return { tone: 'error', text: `✗ An install would fail: ${count(errors, 'error')}; nothing would be installed.` };
  if (errors > 0) return { tone: 'warning', text: `⚠ An install would be PARTIAL: ${count(errors, 'error')}. The package would be recorded, but some resources would be missing.` };
  return { tone: 'ok', text: `✓ An install would apply cleanly: ${summaryLine(apply, 'future')}.` };
}

function variableValue(v: ReportVariable): string {
  if (v.note) return v.note;
  if (v.value === undefined) return 'not sent';
  if (v.type === 'secret') return SECRET_MASK;
  return String(v.value);
}

const line = (finding: PreviewFinding): ReportLine => ({ text: finding.message, span: finding.span });
const key = (c: ResourceChange) => `${c.resourceType} ${c.resourceName}`;
