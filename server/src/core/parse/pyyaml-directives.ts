/**
 * `%YAML` and `%TAG` directives as PyYAML's parser checks them: a second `%YAML`, a major version
 * other than 1, or a tag handle defined twice make the whole file invalid. The `yaml` library
 * accepts the first two with at most a warning.
 */
import type { Finding } from '../diagnostics/finding';

export function directiveFindings(text: string, base: number): Finding[] {
  if (!text.startsWith('%') && !text.includes('\n%')) return [];
  const out: Finding[] = [];
  const handles = new Set<string>();
  let version = false;
  const report = (at: number, length: number, message: string) =>
    out.push({ code: 'yaml-syntax', message, span: { start: base + at, end: base + at + length }, severity: 'error' });
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    const line = text.slice(at, end).replace(/\r$/, '');
    if (/^---(?:\s|$)/.test(line)) break;
    const yaml = /^%YAML[ ]+([0-9]+)\.[0-9]+/.exec(line);
    const tag = /^%TAG[ ]+(\S+)/.exec(line);
    if (yaml && version) report(at, line.length, 'A second `%YAML` directive: Sinas\'s YAML reader (PyYAML) rejects the file ("found duplicate YAML directive").');
    else if (yaml && yaml[1] !== '1') report(at, line.length, `\`%YAML ${yaml[1]}.x\`: Sinas's YAML reader (PyYAML) only reads YAML 1.x and rejects the file.`);
    if (yaml) version = true;
    if (tag && handles.has(tag[1])) report(at, line.length, `The tag handle \`${tag[1]}\` is defined twice: Sinas's YAML reader (PyYAML) rejects the file ("duplicate tag handle").`);
    if (tag) handles.add(tag[1]);
    at = end + 1;
  }
  return out;
}
