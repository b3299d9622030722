/**
 * An unquoted cron expression that starts with `*` (`cronExpression: *\/5 * * * *`) is YAML alias
 * syntax: PyYAML rejects the whole package ("Invalid YAML") and our parser reports one error per
 * star. This turns those errors into one finding that explains it and offers the quoted value.
 */
import type { Finding } from '../diagnostics/finding';

const CRON_LINE = /^([ \t]*(?:-[ \t]+)?(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"][^:\n#]*?)[ \t]*:[ \t]+)(\*[^\n#]*?)[ \t]*(?:#.*)?$/;
const CRON_TOKEN = /^[0-9*\/,\-A-Za-z?#]+$/;

export function refineSyntaxFindings(text: string, findings: readonly Finding[]): Finding[] {
  if (!findings.some((f) => f.code === 'yaml-syntax')) return [...findings];
  const out: Finding[] = [];
  const done = new Map<number, Finding>();
  for (const f of findings) {
    if (f.code !== 'yaml-syntax') {
      out.push(f);
      continue;
    }
    const lineStart = text.lastIndexOf('\n', f.span.start - 1) + 1;
    if (done.has(lineStart)) continue;
    const nl = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, nl === -1 ? text.length : nl).replace(/\r$/, '');
    const m = CRON_LINE.exec(line);
    const tokens = m ? m[2].split(/[ \t]+/) : [];
    if (!m || tokens.length < 5 || tokens.length > 7 || !tokens.every((t) => CRON_TOKEN.test(t))) {
      out.push(f);
      continue;
    }
    const start = lineStart + m[1].length;
    const refined: Finding = {
      code: 'unquoted-cron',
      message: `An unquoted value starting with \`*\` is a YAML alias, so Sinas rejects the package as invalid YAML. Quote the cron expression: \`"${m[2]}"\`.`,
      span: { start, end: start + m[2].length },
      data: { replacement: `"${m[2]}"` },
    };
    done.set(lineStart, refined);
    out.push(refined);
  }
  return out;
}
