/**
 * Builds a realistic SinasPackage of roughly `lines` lines: functions with code blocks, agents
 * wired to them, skills, queries, and `${{ vars.X }}` uses. Used by the benchmark and by the
 * incremental-parse equivalence tests; deterministic for a given size.
 */
export function generatePackage(lines: number): string {
  const out: string[] = [
    'apiVersion: sinas.co/v1',
    'kind: SinasPackage',
    'package:',
    '  name: generated-package',
    '  version: "1.0.0"',
    '  description: A generated package for benchmarks',
    'spec:',
    '  variables:',
    '    - name: APP_URL',
    '      type: text',
    '      required: true',
    '    - name: PRIMARY_LLM',
    '      type: resource_ref',
    '      resource: llm_providers',
    '    - name: LOG_LEVEL',
    '      type: enum',
    '      choices: [debug, info, warn]',
    '      default: info',
  ];
  const per = 33; // lines per function + agent pair
  const count = Math.max(1, Math.floor((lines - out.length) / per));
  const functions: string[] = ['  functions:'];
  const agents: string[] = ['  agents:'];
  for (let i = 0; i < count; i++) {
    functions.push(
      `    - namespace: tools`,
      `      name: fetch_item_${i}`,
      `      description: Fetches item ${i} from the app`,
      `      timeout: "45"`,
      `      inputSchema:`,
      `        type: object`,
      `        properties:`,
      `          id: { type: string }`,
      `      code: |`,
      `        import json`,
      `        def handler(input_data, context):`,
      `            url = "\${{ vars.APP_URL }}/items/" + input_data["id"]`,
      `            level = "\${{ vars.LOG_LEVEL }}"`,
      `            return {"url": url, "n": ${i}}`,
      ``,
    );
    agents.push(
      `    - namespace: support`,
      `      name: helper-${i}`,
      `      description: Helps with item ${i}`,
      `      model: gpt-4o`,
      `      temperature: 0.2`,
      `      systemPrompt: |`,
      `        You help with item ${i}. Use the tools you have.`,
      `        Be concise.`,
      `      enabledFunctions:`,
      `        - tools/fetch_item_${i}`,
      `      enabledSkills:`,
      `        - skill: docs/guide`,
      `          preload: true`,
      `      enabledStores:`,
      `        - store: support/memory`,
      `          access: readwrite`,
      `      # agent ${i} ends here`,
      ``,
    );
  }
  const tail = [
    '  skills:',
    '    - namespace: docs',
    '      name: guide',
    '      description: How to use the tools',
    '      content: |',
    '        # Guide',
    '        Use the tools.',
    '  stores:',
    '    - namespace: support',
    '      name: memory',
    '      defaultVisibility: private',
  ];
  return [...out, ...functions, ...agents, ...tail, ''].join('\n');
}
