/**
 * Text renderings of API results for the terminal (JSON output prints the results as they are;
 * JSON escapes control characters). Every cell is server text, so it is put on one line without
 * control characters or escape sequences before it reaches the terminal.
 */
import { oneLine, serverText, type ConfigApplyResponse, type PackageListItem, type PackageResponse, type ResourceChange } from '../../api/src';

const cell = (value: string) => oneLine(serverText(value, 500));

function table(rows: string[][]): string[] {
  const cells = rows.map((r) => r.map(cell));
  const widths = cells[0].map((_, col) => Math.max(...cells.map((r) => r[col].length)));
  return cells.map((r) => r.map((text, col) => (col === r.length - 1 ? text : text.padEnd(widths[col]))).join('  ').trimEnd());
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function summaryLine(apply: ConfigApplyResponse, future: boolean): string {
  const { created, updated, unchanged } = apply.summary;
  return future
    ? `${sum(created)} to create, ${sum(updated)} to update, ${sum(unchanged)} unchanged`
    : `${sum(created)} created, ${sum(updated)} updated, ${sum(unchanged)} unchanged`;
}

/**
 * One line per change. On a first install an `update` means an existing resource of the same
 * identity (made by hand, or detached) will be overwritten (contract §7.2), so it is marked.
 */
export function changeLines(changes: readonly ResourceChange[], firstInstall: boolean): string[] {
  if (!changes.length) return ['  (no resources)'];
  const rows = changes.map((c) => [c.action, c.resourceType, c.resourceName + (firstInstall && c.action === 'update' ? '  (exists already: will be overwritten)' : '')]);
  return table(rows).map((r) => `  ${r}`);
}

export function packageLines(pkg: PackageResponse): string[] {
  const rows: [string, unknown][] = [
    ['name', pkg.name],
    ['version', pkg.version],
    ['description', pkg.description],
    ['author', pkg.author],
    ['url', pkg.source_url],
    ['installed at', pkg.installed_at],
    ['updated at', pkg.updated_at],
    ['installed by', pkg.installed_by],
  ];
  const out = table(rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [`${k}:`, String(v)]));
  const values = Object.entries(pkg.values ?? {});
  if (values.length) out.push('variables:', ...values.map(([k, v]) => `  ${cell(k)} = ${cell(typeof v === 'string' ? v : JSON.stringify(v))}`));
  return out;
}

export function listLines(items: readonly PackageListItem[]): string[] {
  if (!items.length) return ['No packages installed.'];
  return table([['NAME', 'VERSION', 'INSTALLED', 'DESCRIPTION'], ...items.map((p) => [p.name, p.version, p.installed_at, p.description ?? ''])]);
}
