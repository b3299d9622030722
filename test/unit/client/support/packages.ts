/** Package texts shared by the client unit tests. */
export const CRM = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: crm-support
  version: "1.2.0"
  description: CRM support agents
spec:
  variables:
    - name: APP_URL
      type: text
      pattern: "https?://.+"
      required: true
      description: Where the app is reachable
    - name: PRIMARY_LLM
      type: resource_ref
      resource: llm_providers
      required: true
    - name: TIER
      type: enum
      choices: [gold, silver]
      default: silver
    - name: VERBOSE
      type: boolean
      default: false
    - name: API_KEY
      type: secret
      required: true
  functions:
    - namespace: support
      name: lookup_customer
      code: |
        def handler(input_data, context):
            return {}
    - name: daily_digest
      code: "def handler(i, c): return 1"
  queries:
    - namespace: reports
      name: open_tickets
      connectionName: analytics
      operation: read
      sql: select 1
  agents:
    - namespace: support
      name: "\${{ vars.TIER }}-bot"
      llmProviderName: "\${{ vars.PRIMARY_LLM }}"
  collections:
    - namespace: support
      name: tickets
  stores:
    - namespace: support
      name: state
  schedules:
    - name: nightly
      scheduleType: function
      functionName: daily_digest
      cronExpression: "0 3 * * *"
  secrets:
    - name: HUBSPOT_TOKEN
  dependencies:
    - packageName: requests
  connectors:
    - namespace: support
      name: crm
      baseUrl: "\${{ vars.APP_URL }}"
`;

/** The offset of `needle` (after `after`) in `text`, for span assertions. */
export function offsetOf(text: string, needle: string, after = ''): number {
  const anchor = text.indexOf(after + needle);
  if (anchor < 0) throw new Error(`${after}${needle} not found`);
  return anchor + after.length;
}

export function textAt(text: string, span: { start: number; end: number } | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}
