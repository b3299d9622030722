/**
 * Documents that once hung or could hang the server (issue #10), opened as they are (not
 * mutated) at the start of every fuzz run; edits then mutate them like the rest.
 */
import { REDOS } from '../support/redos';

const HEAD = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: hostile\n  version: "1.0.0"\nspec:\n';
const agent = (field: string) => `  agents:\n    - namespace: a\n      name: b\n      ${field}\n`;

export function hostileDocuments(large: boolean): { name: string; text: string }[] {
  const docs: { name: string; text: string }[] = [];
  const add = (name: string, text: string) => docs.push({ name: `hostile:${name}`, text });
  const variables = REDOS.map(([, pattern, value], i) => `    - name: V${i}\n      pattern: ${JSON.stringify(pattern)}\n      default: ${JSON.stringify(value)}\n`).join('');
  add('catastrophic patterns', `${HEAD}  variables:\n${variables}${agent(`systemPrompt: "${REDOS.map((_, i) => `\${{ vars.V${i} }}`).join(' ')}"`)}`);
  const fragment = '${{ vars.X }} ${{ }} ${{ vars. }} ${{ vars.Y';
  add('1.4 MB line of ${{ }} fragments', HEAD + agent(`description: "${fragment.repeat(Math.ceil(1_400_000 / fragment.length))}"`));
  add('20,000 nested flow sequences', HEAD + agent(`description: ${'['.repeat(20_000)}${']'.repeat(20_000)}`));
  add('20,000 nested flow mappings', HEAD + agent(`description: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`));
  add('300 nested block mappings', HEAD + agent(`description:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(8 + 2 * i)}k${i}:`).join('\n')} 1`));
  add('alias bomb', `${HEAD}  functions: []\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 8 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`);
  add('binary junk', HEAD + Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(''));
  add('a 200,000-character key', `${HEAD}  ${'k'.repeat(200_000)}: 1\n`);
  add('lines of 100,000 blanks and no colon', `${HEAD}  agents:\n    - name: x\n  a${' '.repeat(100_000)}b"\n    - a${'\t'.repeat(100_000)}b\n  cron: a${' '.repeat(100_000)}b *\n`);
  add('lines of 100,000 tabs (quoted, comment, plain)', HEAD + agent(`description: "x${'\t'.repeat(100_000)}y" # ${'\t'.repeat(100_000)}\n      systemPrompt: x${'\t'.repeat(100_000)}y`));
  add('20,000 uninterpolated ${VAR}', HEAD + `  webhooks:\n${Array.from({ length: 2000 }, (_, i) => `    - path: "\${APP_URL}/h${i}\${A}\${B}\${C}\${D}\${E}\${F}\${G}\${H}\${I}"\n      functionName: f\n`).join('')}`);
  if (large) {
    let many = `${HEAD}  variables:\n`;
    for (let i = 0; i < 3000; i++) many += `    - name: DECLARED_VARIABLE_${i}\n`;
    many += '  agents:\n';
    for (let i = 0; i < 3000; i++) many += `    - namespace: a\n      name: a${i}\n      description: "\${{ vars.DECLARED_VARIABEL_${i} }}"\n`;
    add('3,000 declared and 3,000 undeclared variables', many);
    add('6 MB file (over the analysis limit)', HEAD + agent(`description: "${'x'.repeat(6 * 1024 * 1024)}"`));
  }
  return docs;
}
