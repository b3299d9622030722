/**
 * Tabs, as PyYAML's scanner takes them. Between tokens it skips spaces only, and a plain scalar
 * stops at a tab, so a tab is accepted inside quoted scalars, in block scalar content (past the
 * indentation) and in comments — anywhere else (`key:\t[]`, `a: b\t`, `a: b\tc`, a blank line
 * holding a tab) Sinas answers "found character '\t' that cannot start any token". The `yaml`
 * library reads all of these as YAML 1.2 whitespace, so they are found here, from the extents of
 * the region's scalars.
 */
import type { Finding } from '../diagnostics/finding';

export interface ScalarExtent {
  /** Region offsets: [start, end) of the scalar's source, quotes and block header included. */
  start: number;
  end: number;
  kind: 'plain' | 'quoted' | 'block';
}

const MAX_FINDINGS = 20;

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Index of the scalar containing `at` (extents sorted by start, not overlapping), or -1. */
function containing(extents: readonly ScalarExtent[], at: number): number {
  let lo = 0;
  let hi = extents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (extents[mid].end <= at) lo = mid + 1;
    else if (extents[mid].start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** A comment (`#` after whitespace or at line start, outside any scalar) before `at` on its line. */
function inComment(text: string, extents: readonly ScalarExtent[], lineStart: number, at: number): boolean {
  for (let j = text.indexOf('#', lineStart); j !== -1 && j < at; j = text.indexOf('#', j + 1)) {
    const before = j === lineStart ? 32 : text.charCodeAt(j - 1);
    if ((before === 32 || before === 9 || j === lineStart) && containing(extents, j) === -1) return true;
  }
  return false;
}

/** Leading spaces of a block scalar's first content line: its indentation, as PyYAML detects it. */
function blockIndent(text: string, extent: ScalarExtent): number {
  let line = text.indexOf('\n', extent.start) + 1;
  while (line > 0 && line < extent.end) {
    let i = line;
    while (text.charCodeAt(i) === 32) i++;
    let j = i;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    const c = text.charCodeAt(j);
    if (c !== 10 && c !== 13 && j < extent.end) return i - line;
    line = text.indexOf('\n', j) + 1;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** Whether a tab inside a block scalar is content: past the header line and the indentation. */
function tabInBlockIsContent(text: string, extent: ScalarExtent, at: number, indents: Map<ScalarExtent, number>): boolean {
  const lineStart = lineStartOf(text, at);
  if (lineStart <= extent.start) {
    // The header line (`|`, `>-`, …): only its comment may hold a tab.
    const hash = text.indexOf('#', extent.start);
    return hash !== -1 && hash < at;
  }
  let indent = indents.get(extent);
  if (indent === undefined) indents.set(extent, (indent = blockIndent(text, extent)));
  let spaces = 0;
  while (text.charCodeAt(lineStart + spaces) === 32) spaces++;
  return spaces >= indent;
}

export function tabFindings(text: string, base: number, extents: readonly ScalarExtent[], taken: (at: number) => boolean): Finding[] {
  const out: Finding[] = [];
  const indents = new Map<ScalarExtent, number>();
  let lastLine = -1;
  for (let at = text.indexOf('\t'); at !== -1 && out.length < MAX_FINDINGS; at = text.indexOf('\t', at + 1)) {
    const lineStart = lineStartOf(text, at);
    if (lineStart === lastLine) continue;
    const i = containing(extents, at);
    const extent = i >= 0 ? extents[i] : undefined;
    const allowed = extent
      ? extent.kind === 'quoted' || (extent.kind === 'block' && tabInBlockIsContent(text, extent, at, indents))
      : inComment(text, extents, lineStart, at);
    if (allowed || taken(base + at)) continue;
    lastLine = lineStart;
    out.push({
      code: 'yaml-syntax',
      message: 'Sinas reads YAML with PyYAML, which accepts a tab only inside quotes, block scalar text and comments; here it fails ("found character \'\\t\' that cannot start any token"). Use spaces.',
      span: { start: base + at, end: base + at + 1 },
      severity: 'error',
    });
  }
  return out;
}
