/**
 * An unquoted cron expression that starts with `*` (`cronExpression: *\/5 * * * *`) is YAML alias
 * syntax: PyYAML rejects the whole package ("Invalid YAML") and our parser reports one error per
 * star. This adds one finding that explains it and offers the quoted value; the stray-alias errors
 * inside it give way to it (diagnostics/precedence.ts).
 */
import type { Finding } from '../diagnostics/finding';
import { isBlank, isLineTerminator, isSpace } from '../text/chars';

const CRON_TOKEN = /^[0-9*\/,\-A-Za-z?#]+$/;

/**
 * Unquoted-cron findings for the lines that hold YAML syntax errors, one per line: a line is read
 * once however many errors it holds (a long line can hold a hundred thousand).
 */
export function unquotedCronFindings(text: string, syntaxFindings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const starts = syntaxFindings.filter((f) => f.code === 'yaml-syntax').map((f) => f.span.start);
  starts.sort((a, b) => a - b);
  let lineEnd = -1;
  for (const at of starts) {
    if (at <= lineEnd) continue; // on the line just read
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const nl = text.indexOf('\n', lineStart);
    lineEnd = nl === -1 ? text.length : nl;
    const m = starValueOf(text.slice(lineStart, lineEnd).replace(/\r$/, ''));
    const tokens = m ? m.value.split(/[ \t]+/) : [];
    if (!m || tokens.length < 5 || tokens.length > 7 || !tokens.every((t) => CRON_TOKEN.test(t))) continue;
    const start = lineStart + m.start;
    out.push({
      code: 'unquoted-cron',
      message: `An unquoted value starting with \`*\` is a YAML alias, so Sinas rejects the package as invalid YAML. Quote the cron expression: \`"${m.value}"\`.`,
      span: { start, end: start + m.value.length },
      data: { replacement: `"${m.value}"` },
    });
  }
  return out;
}

/**
 * `key: *…` on one line (after blanks and maybe one `- `): where the value starting with `*` begins
 * and what it is, up to a comment. The regular expression
 * `^([ \t]*(?:-[ \t]+)?(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"][^:\n#]*?)[ \t]*:[ \t]+)(\*[^\n#]*?)[ \t]*(?:#.*)?$`
 * (group 1's length, group 2), matched in one pass: the expression backtracks quadratically over
 * a long run of blanks.
 */
export function starValueOf(line: string): { start: number; value: string } | undefined {
  let i = 0;
  while (isBlank(line.charCodeAt(i))) i++;
  if (line.charCodeAt(i) === 45 /* - */ && isBlank(line.charCodeAt(i + 1))) {
    let k = i + 1;
    while (isBlank(line.charCodeAt(k))) k++;
    const afterDash = starValueFrom(line, k);
    if (afterDash) return afterDash;
  }
  return starValueFrom(line, i);
}

function starValueFrom(line: string, keyStart: number): { start: number; value: string } | undefined {
  const c = line.charCodeAt(keyStart);
  let j: number;
  if (c === 34 || c === 39) {
    const close = line.indexOf(line[keyStart], keyStart + 1);
    if (close === -1 || line.slice(keyStart, close).includes('\n')) return undefined;
    j = close + 1;
    while (isBlank(line.charCodeAt(j))) j++;
  } else {
    if (keyStart >= line.length || isSpace(line[keyStart]) || c === 35) return undefined;
    // A plain key has no `:`, `#` or line break: it runs to the first `:`.
    for (j = keyStart + 1; j < line.length && line.charCodeAt(j) !== 58; j++) {
      if (line.charCodeAt(j) === 35 || line.charCodeAt(j) === 10) return undefined;
    }
  }
  if (line.charCodeAt(j) !== 58 || !isBlank(line.charCodeAt(j + 1))) return undefined;
  j++;
  while (isBlank(line.charCodeAt(j))) j++;
  if (line.charCodeAt(j) !== 42 /* * */) return undefined;
  // The value runs to a `#` (the rest a comment with no line break) or the end, less trailing blanks.
  let end = j + 1;
  while (end < line.length && line.charCodeAt(end) !== 35 && line.charCodeAt(end) !== 10) end++;
  if (end < line.length) {
    if (line.charCodeAt(end) === 10) return undefined;
    for (let k = end + 1; k < line.length; k++) if (isLineTerminator(line.charCodeAt(k))) return undefined;
  }
  while (end > j + 1 && isBlank(line.charCodeAt(end - 1))) end--;
  return { start: j, value: line.slice(j, end) };
}
