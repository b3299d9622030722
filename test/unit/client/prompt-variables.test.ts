/**
 * The install-time variable prompts against a fake Host (no VS Code): each prompt's kind, and that a
 * secret is asked in a masked box that is never pre-filled — a guard that runs in the fast tier.
 */
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { SinasClient } from '../../../api/src';
import { readPackage } from '../../../client/src/packages/read-package';
import { planVariables } from '../../../client/src/prompts/plan-variables';
import { promptVariables } from '../../../client/src/prompts/variables';
import type { Host } from '../../../client/src/ui/host';
import { CRM } from './support/packages';

/** A Host whose input boxes and pick lists answer from scripts and record their options. */
function fakeHost(inputs: string[], picks: string[]) {
  const inputBoxes: vscode.InputBoxOptions[] = [];
  const host = {
    async showInputBox(options: vscode.InputBoxOptions) {
      inputBoxes.push(options);
      return inputs.shift();
    },
    async showQuickPick(items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) {
      const label = picks.shift();
      return (await items).find((i) => i.label === label);
    },
  } as unknown as Host;
  return { host, inputBoxes };
}

const client = {
  async listResources() {
    return { kind: 'llm-providers', truncated: false, items: [{ kind: 'llm-providers', type: 'llm_provider', namespace: null, name: 'claude', raw: {} }] };
  },
} as unknown as SinasClient;

describe('variable prompts (fake host)', () => {
  const declarations = readPackage(CRM).declarations;

  it('a secret is asked in a masked box, never pre-filled; other text is not masked', async () => {
    const { host, inputBoxes } = fakeHost(['https://crm.example.com', 'typed-secret-value'], ['claude', 'gold', 'true']);
    const values = await promptVariables({ host, client, action: 'Install crm' }, planVariables(declarations));
    assert.deepEqual(values, { APP_URL: 'https://crm.example.com', PRIMARY_LLM: 'claude', TIER: 'gold', VERBOSE: true, API_KEY: 'typed-secret-value' });
    const secret = inputBoxes.find((o) => /API_KEY/.test(o.title ?? ''));
    assert.ok(secret, inputBoxes.map((o) => o.title).join(', '));
    assert.equal(secret.password, true, 'secret input is masked');
    assert.equal(secret.value, undefined, 'and not pre-filled');
    const text = inputBoxes.find((o) => /APP_URL/.test(o.title ?? ''));
    assert.equal(text?.password, false);
  });

  it('Escape at any prompt cancels the whole run', async () => {
    const { host } = fakeHost([], []);
    assert.equal(await promptVariables({ host, client, action: 'Install crm' }, planVariables(declarations)), undefined);
  });
});
