/** How a declared variable is shown in completion details and hovers. */
import type { Analysis } from '../core/analyze';
import type { VariableDeclaration } from '../core/variables/variable-table';

function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return '`' + String(text).replace(/`/g, "'") + '`';
}

/** One line: `text, required` / `boolean, default false`. */
export function variableDetail(d: VariableDeclaration): string {
  const parts = [d.type ?? 'text'];
  if (d.required) parts.push('required');
  else if (d.default !== undefined) parts.push(`default ${typeof d.default === 'string' ? d.default : JSON.stringify(d.default)}`);
  else parts.push('optional');
  return parts.join(', ');
}

/** Markdown: name and type, description, constraints, where it is declared and how often it is used. */
export function variableMarkdown(analysis: Analysis, d: VariableDeclaration): string {
  const head = `**\`${d.name}\`** — ${code(d.type ?? 'text')} variable, ${d.required ? 'required' : 'optional'}`;
  const parts = [head];
  if (d.description) parts.push(d.description);
  const facts: string[] = [];
  if (d.default !== undefined) facts.push(`Default: ${code(d.default)}`);
  if (d.choices) facts.push(`Choices: ${d.choices.map(code).join(', ')}`);
  if (d.pattern) facts.push(`Pattern: ${code(d.pattern)}`);
  if (d.resource) facts.push(`Resource: ${code(d.resource)}`);
  if (d.example !== undefined) facts.push(`Example: ${code(d.example)}`);
  if (facts.length) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  const line = analysis.lines.lineOf(d.nameNode.start) + 1;
  parts.push(`Declared in \`spec.variables\` (line ${line}) · ${usesLabel(analysis.variables.usesByName.get(d.name)?.length ?? 0)}`);
  return parts.join('\n\n');
}

export function usesLabel(count: number): string {
  return count === 0 ? 'not used' : count === 1 ? 'used once' : `used ${count} times`;
}
