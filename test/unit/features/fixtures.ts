/** A small package shared by the navigation tests: variables and their uses, resources and references to them. */
export const PACKAGE = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  variables:
    - name: APP_URL
      type: text
      description: Base URL of the app
      required: true
    - name: "PRIMARY_LLM"
      type: resource_ref
      resource: llm_providers
  connectors:
    - name: api
      baseUrl: "\${{ vars.APP_URL }}/v1"
  agents:
    - name: helper
      llmProviderName: \${{ vars.PRIMARY_LLM }}
      systemPrompt: |
        Open \${{ vars.APP_URL }} and \${{ vars.MISSING }}.
      enabledFunctions:
        - tools/lookup
        - tools/missing
  functions:
    - namespace: tools
      name: lookup
      description: Looks a customer up
      code: x
    - name: notify
      code: y
  webhooks:
    - path: hooks/in
      functionName: notify
`;

/** PACKAGE with the cursor marker inserted after the n-th (0-based) occurrence of `find`. */
export function cursorIn(find: string, at = 0, occurrence = 0): string {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = PACKAGE.indexOf(find, index + 1);
  if (index === -1) throw new Error(`${find} not in the package`);
  return PACKAGE.slice(0, index + at) + '‸' + PACKAGE.slice(index + at);
}
