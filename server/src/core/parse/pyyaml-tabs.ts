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

/** Where the comment of the line [lineStart, lineEnd) starts (`#` after whitespace or at line start, outside any scalar), or -1. */
function commentStart(text: string, extents: readonly ScalarExtent[], lineStart: number, lineEnd: number): number {
  const line = text.slice(lineStart, lineEnd); // a view: the search stays on the line
  for (let k = line.indexOf('#'); k !== -1; k = line.indexOf('#', k + 1)) {
    const j = lineStart + k;
    const before = k === 0 ? 32 : text.charCodeAt(j - 1);
    if ((before === 32 || before === 9) && containing(extents, j) === -1) return j;
  }
  return -1;
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

/**
 * Whether a tab inside a block scalar is content: past the header line (where only its comment may
 * hold one) and the indentation. Per scalar, its indentation and where its header line's `#` is
 * are found once.
 */
function tabInBlockIsContent(text: string, extent: ScalarExtent, line: { start: number; end: number }, at: number, memo: Map<ScalarExtent, { indent?: number; hash?: number }>): boolean {
  let known = memo.get(extent);
  if (!known) memo.set(extent, (known = {}));
  if (line.start <= extent.start) {
    known.hash ??= text.slice(extent.start, line.end).indexOf('#');
    return known.hash !== -1 && extent.start + known.hash < at;
  }
  const indent = (known.indent ??= blockIndent(text, extent));
  let spaces = 0;
  while (text.charCodeAt(line.start + spaces) === 32) spaces++;
  return spaces >= indent;
}

export function tabFindings(text: string, base: number, extents: readonly ScalarExtent[], taken: (at: number) => boolean): Finding[] {
  const out: Finding[] = [];
  const blocks = new Map<ScalarExtent, { indent?: number; hash?: number }>();
  // The line of the tab at hand, found once per line however many tabs it holds (a line of a
  // hundred thousand tabs must not be measured a hundred thousand times).
  const line = { start: 0, end: -1, comment: undefined as number | undefined, reported: false };
  for (let at = text.indexOf('\t'); at !== -1 && out.length < MAX_FINDINGS; at = text.indexOf('\t', at + 1)) {
    if (at > line.end) {
      line.start = lineStartOf(text, at);
      const end = text.indexOf('\n', at);
      line.end = end === -1 ? text.length : end;
      line.comment = undefined;
      line.reported = false;
    }
    if (line.reported) continue;
    const i = containing(extents, at);
    const extent = i >= 0 ? extents[i] : undefined;
    const allowed = extent
      ? extent.kind === 'quoted' || (extent.kind === 'block' && tabInBlockIsContent(text, extent, line, at, blocks))
      : (line.comment ??= commentStart(text, extents, line.start, line.end)) !== -1 && line.comment < at;
    if (allowed || taken(base + at)) continue;
    line.reported = true;
    out.push({
      code: 'yaml-syntax',
      message: 'Sinas reads YAML with PyYAML, which accepts a tab only inside quotes, block scalar text and comments; here it fails ("found character \'\\t\' that cannot start any token"). Use spaces.',
      span: { start: base + at, end: base + at + 1 },
      severity: 'error',
    });
  }
  return out;
}
