/**
 * The preview / install report as Markdown (shown in a read-only virtual document): the outcome
 * in one line, counts per resource type, what a first install would overwrite, errors, warnings,
 * every change, and the variable values used (secrets masked). Pure.
 */
import type { ConfigApplyResponse, ResourceChange } from '../../../api/src';
import { count, formatTime, mdCode, mdEscape } from '../util/text';
import type { PreviewFinding } from './locate-messages';

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
  generatedAt?: Date;
}

const SECRET_MASK = '••••••';

export function renderReport(input: ReportInput): string {
  const { apply } = input;
  const out: string[] = [];
  const title = { preview: 'Preview', installed: 'Installed', partial: 'Partially installed' }[input.kind];
  out.push(`# ${title}: ${mdEscape(input.packageName)}${input.version ? ` ${mdEscape(input.version)}` : ''} on ${mdEscape(input.instanceName)}`, '');
  out.push(`Instance: ${mdEscape(input.instanceUrl)}  `);
  out.push(`${installLine(input)}  `);
  if (input.generatedAt) out.push(`Generated: ${formatTime(input.generatedAt.toISOString())}  `);
  out.push('', `**${outcome(input)}**`, '');

  const overwrites = (input.findings ?? []).filter((f) => f.code === 'overwrites-unmanaged');
  if (overwrites.length > 0) {
    out.push(`## ⚠ Overwrites ${count(overwrites.length, 'resource')} not managed by this package`, '');
    out.push('A first install updates these existing resources in place. They stay unmanaged, so uninstalling the package will not remove them.', '');
    for (const f of overwrites) out.push(`- ${f.message}`);
    out.push('');
  }

  out.push('## Summary', '');
  const rows = summaryRows(apply);
  if (rows.length === 0) out.push('The package has no resources.', '');
  else {
    const verbs = input.kind === 'preview' ? ['Create', 'Update', 'Unchanged'] : ['Created', 'Updated', 'Unchanged'];
    out.push(`| Type | ${verbs.join(' | ')} |`, '|---|---:|---:|---:|');
    for (const r of rows) out.push(`| ${mdEscape(r.type)} | ${r.created} | ${r.updated}${r.updated && overwrites.length ? ' ⚠' : ''} | ${r.unchanged} |`);
    out.push('');
  }

  if (apply.errors.length > 0) {
    out.push(`## Errors (${apply.errors.length})`, '');
    if (input.kind === 'preview') out.push('An install would record the package but leave these resources out.', '');
    for (const e of apply.errors) out.push(`- ${mdEscape(e)}`);
    out.push('');
  }
  if (apply.warnings.length > 0) {
    out.push(`## Warnings (${apply.warnings.length})`, '');
    for (const w of apply.warnings) out.push(`- ${mdEscape(w)}`);
    out.push('');
  }

  if (apply.changes.length > 0) {
    out.push('## Changes', '');
    const flagged = new Set(overwrites.length ? apply.changes.filter((c) => c.action === 'update').map(key) : []);
    for (const c of apply.changes) out.push(`- ${c.action} ${mdEscape(c.resourceType)} ${mdCode(c.resourceName)}${flagged.has(key(c)) ? ' — ⚠ overwrites an unmanaged resource' : ''}`);
    out.push('');
  }

  if (input.variables && input.variables.length > 0) {
    out.push('## Variables', '');
    for (const v of input.variables) out.push(`- ${mdCode(v.name)}${v.type ? ` (${mdEscape(v.type)})` : ''}: ${variableValue(v)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export interface SummaryRow {
  type: string;
  created: number;
  updated: number;
  unchanged: number;
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
  return `${verb} version ${mdEscape(input.installed.version)} (installed ${when}).`;
}

function outcome(input: ReportInput): string {
  const { apply } = input;
  const errors = apply.errors.length;
  if (input.kind === 'partial') {
    return `⚠ Partial install: ${count(errors, 'error')}. The package is recorded on ${input.instanceName}, but the resources named under Errors were not installed.`;
  }
  if (input.kind === 'installed') return `✓ Installed: ${summaryLine(apply, 'past')}.`;
  if (!apply.success) return `✗ An install would fail: ${count(errors, 'error')}; nothing would be installed.`;
  if (errors > 0) return `⚠ An install would be PARTIAL: ${count(errors, 'error')}. The package would be recorded, but some resources would be missing.`;
  return `✓ An install would apply cleanly: ${summaryLine(apply, 'future')}.`;
}

function variableValue(v: ReportVariable): string {
  if (v.note) return mdEscape(v.note);
  if (v.value === undefined) return 'not sent';
  if (v.type === 'secret') return SECRET_MASK;
  return mdCode(String(v.value));
}

const key = (c: ResourceChange) => `${c.resourceType} ${c.resourceName}`;
