/**
 * A SinasPackage of roughly `lines` lines that is mostly other languages: functions with long
 * Python `code`, queries with multi-line SQL, agents with Jinja2 prompts and JSON Schemas, with
 * `${{ vars.X }}` inside the embedded text. For the embedded-language benchmark; deterministic.
 */
export function generateCodeHeavyPackage(lines: number): string {
  const out = ['apiVersion: sinas.co/v1', 'kind: SinasPackage', 'package:', '  name: code-heavy', 'spec:', '  variables:', '    - name: APP_URL', '      type: text'];
  const per = 96; // lines per function + query + agent
  const count = Math.max(1, Math.floor((lines - out.length) / per));
  const functions = ['  functions:'];
  const queries = ['  queries:'];
  const agents = ['  agents:'];
  for (let i = 0; i < count; i++) {
    functions.push(
      '    - namespace: tools',
      `      name: transform_${i}`,
      `      description: Transforms batch ${i}`,
      '      inputSchema:',
      '        type: object',
      '        properties:',
      '          rows: { type: array, items: { type: object } }',
      '          mode: { type: string, enum: [fast, full] }',
      '        required: [rows]',
      '      code: |',
      '        import json',
      '        import re',
      '        from datetime import datetime, timezone',
      '',
      `        BASE = "\${{ vars.APP_URL }}/batches/${i}"`,
      '        PATTERN = re.compile(r"^[a-z0-9_-]+$")',
      '',
      '        def _clean(row):',
      '            out = {}',
      '            for key, value in row.items():',
      '                if not PATTERN.match(key):',
      '                    continue',
      '                if isinstance(value, str):',
      '                    value = value.strip()',
      '                out[key] = value',
      '            return out',
      '',
      '        def _summary(rows):',
      '            total = sum(r.get("amount", 0) for r in rows)',
      '            by_kind = {}',
      '            for r in rows:',
      '                by_kind.setdefault(r.get("kind", "other"), []).append(r)',
      '            return {"total": total, "kinds": {k: len(v) for k, v in by_kind.items()}}',
      '',
      '        def handler(input_data, context):',
      '            rows = [_clean(r) for r in input_data.get("rows", [])]',
      '            match input_data.get("mode", "fast"):',
      '                case "full":',
      '                    detail = rows',
      '                case _:',
      '                    detail = rows[:10]',
      '            now = datetime.now(timezone.utc).isoformat()',
      `            return {"batch": ${i}, "at": now, "url": BASE, "summary": _summary(rows), "detail": detail}`,
      '',
    );
    queries.push(
      '    - namespace: reports',
      `      name: batch_${i}`,
      '      connectionName: built-in',
      '      operation: read',
      '      sql: |',
      '        WITH recent AS (',
      '          SELECT id, kind, amount, created_at,',
      '                 row_number() OVER (PARTITION BY kind ORDER BY created_at DESC) AS rank',
      '          FROM events',
      `          WHERE batch = ${i} AND created_at > now() - interval '7 days' AND org = :org`,
      '        )',
      '        SELECT kind, count(*) AS n, sum(amount) AS total',
      '        FROM recent',
      '        WHERE rank <= 100',
      '        GROUP BY kind',
      '        ORDER BY total DESC',
      '        LIMIT 50',
      '      inputSchema:',
      '        type: object',
      '        properties:',
      '          org: { type: string }',
      '',
    );
    agents.push(
      '    - namespace: support',
      `      name: analyst-${i}`,
      `      description: Explains batch ${i}`,
      '      systemPrompt: |',
      `        You explain batch ${i} for {{ user_name | default("a colleague") }}.`,
      '        {% if premium %}',
      '        Include the detailed breakdown per kind.',
      '        {% else %}',
      '        Keep it to three sentences.',
      '        {% endif %}',
      '        {% for rule in rules %}- {{ loop.index }}. {{ rule }}',
      '        {% endfor %}',
      '      enabledFunctions:',
      `        - tools/transform_${i}`,
      '      enabledQueries:',
      `        - reports/batch_${i}`,
      '      queryParameters:',
      `        reports/batch_${i}:`,
      '          org: "{{ org_id }}"',
      '      outputSchema:',
      '        type: object',
      '        properties:',
      '          answer: { type: string }',
      '',
    );
  }
  return [...out, ...functions, ...queries, ...agents, ''].join('\n');
}
