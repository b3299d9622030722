/**
 * An unquoted cron expression that starts with `*` (`cronExpression: *\/5 * * * *`) is YAML alias
 * syntax: PyYAML rejects the whole package ("Invalid YAML") and our parser reports one error per
 * star. This adds one finding that explains it and offers the quoted value; the stray-alias errors
 * inside it give way to it (diagnostics/precedence.ts).
 */
import type { Finding } from '../diagnostics/finding';

const CRON_LINE = /^([ \t]*(?:-[ \t]+)?(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"][^:\n#]*?)[ \t]*:[ \t]+)(\*[^\n#]*?)[ \t]*(?:#.*)?$/;
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
    const m = CRON_LINE.exec(text.slice(lineStart, lineEnd).replace(/\r$/, ''));
    const tokens = m ? m[2].split(/[ \t]+/) : [];
    if (!m || tokens.length < 5 || tokens.length > 7 || !tokens.every((t) => CRON_TOKEN.test(t))) continue;
    const start = lineStart + m[1].length;
    out.push({
      code: 'unquoted-cron',
      message: `An unquoted value starting with \`*\` is a YAML alias, so Sinas rejects the package as invalid YAML. Quote the cron expression: \`"${m[2]}"\`.`,
      span: { start, end: start + m[2].length },
      data: { replacement: `"${m[2]}"` },
    });
  }
  return out;
}
