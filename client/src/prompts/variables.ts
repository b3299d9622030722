/**
 * Asks for install-time variables one after another (GHX trigger-run style), each by its type:
 * text in an input box validated while typing, booleans and enums from a pick list,
 * resource_ref from the instance's list of that kind, secrets in a masked box. Escape on any
 * prompt cancels the whole command. Answers live only in memory for the one request.
 */
import type * as vscode from 'vscode';
import { isSinasApiError, type SinasClient } from '../../../api/src';
import type { Host } from '../ui/host';
import { answerValue, checkAnswer, promptHint, promptTitle, type VariablePlan, type VariablePrompt } from './plan-variables';

export interface PromptContext {
  host: Host;
  client: SinasClient;
  /** "Install crm-support" — the prompts' title prefix. */
  action: string;
}

const UNSET = '(leave unset)';

interface Choice extends vscode.QuickPickItem {
  value: string;
}

/** All values to send (given + answered), or undefined when the user cancelled. */
export async function promptVariables(ctx: PromptContext, plan: VariablePlan): Promise<Record<string, unknown> | undefined> {
  const values: Record<string, unknown> = { ...plan.given };
  for (const [index, prompt] of plan.prompts.entries()) {
    const answer = await ask(ctx, prompt, promptTitle(ctx.action, index, plan.prompts.length, prompt));
    if (answer === undefined) return undefined;
    const value = answerValue(prompt, answer);
    if (value !== undefined) values[prompt.name] = value;
  }
  return values;
}

function ask(ctx: PromptContext, prompt: VariablePrompt, title: string): Promise<string | undefined> {
  switch (prompt.kind) {
    case 'boolean':
    case 'enum':
      return pick(ctx.host, prompt, title, (prompt.choices ?? []).map((c) => ({ label: c, value: c })));
    case 'resource_ref':
      return pickResource(ctx, prompt, title);
    default:
      return input(ctx.host, prompt, title);
  }
}

async function input(host: Host, prompt: VariablePrompt, title: string, note?: string): Promise<string | undefined> {
  const secret = prompt.kind === 'secret';
  const answer = await host.showInputBox({
    title,
    prompt: [note, promptHint(prompt)].filter(Boolean).join(' · ') || undefined,
    placeHolder: secret ? 'secret value' : prompt.example,
    value: prompt.initial,
    password: secret,
    ignoreFocusOut: true,
    validateInput: (value) => checkAnswer(prompt, value),
  });
  return answer === undefined ? undefined : answer;
}

async function pick(host: Host, prompt: VariablePrompt, title: string, choices: Choice[]): Promise<string | undefined> {
  const items = choices.map((c) => ({ ...c, description: c.value === prompt.initial ? (prompt.initialFrom === 'stored' ? 'last install' : 'default') : c.description }));
  // The pre-filled answer first, so Enter keeps it.
  items.sort((a, b) => Number(b.value === prompt.initial) - Number(a.value === prompt.initial));
  if (!prompt.required) items.push({ label: UNSET, value: '', description: 'send nothing' });
  const chosen = await host.showQuickPick(items, { title, placeHolder: promptHint(prompt) || `Choose ${prompt.name}`, ignoreFocusOut: true });
  return chosen?.value;
}

async function pickResource(ctx: PromptContext, prompt: VariablePrompt, title: string): Promise<string | undefined> {
  if (!prompt.listKind) return input(ctx.host, prompt, title, `"${prompt.resource ?? '?'}" is not a kind Sinas can list; type the name`);
  let choices: Choice[];
  try {
    const list = await ctx.client.listResources(prompt.listKind);
    // Inactive providers and connections fail the install's existence check: not offered.
    // A collection is referred to as ns/name; the other kinds by name.
    choices = list.items.filter((r) => (r.raw as { is_active?: unknown }).is_active !== false).map((r) => {
      const value = r.namespace !== null ? `${r.namespace}/${r.name}` : r.name;
      return { label: value, value, description: r.description };
    });
  } catch (error) {
    if (isSinasApiError(error, 'cancelled')) return undefined;
    const reason = isSinasApiError(error) ? error.message : String(error);
    return input(ctx.host, prompt, title, `Could not list ${prompt.resource}: ${reason} Type the name`);
  }
  if (choices.length === 0) return input(ctx.host, prompt, title, `The instance lists no ${prompt.resource}; type the name`);
  return pick(ctx.host, prompt, title, choices);
}
