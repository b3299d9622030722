/**
 * Which prompts an install needs, from the package's `spec.variables` (read by the language core)
 * and, on an upgrade, the values stored with the last install (`Package.values`). Pure: the
 * prompting itself is in variables.ts. Rules (seed "Install-time Variables"):
 * - one prompt per declared variable, in declaration order; the first declaration of a name wins;
 * - pre-filled with the stored value, else the default;
 * - a secret whose stored value is "***" already exists and is not asked again;
 * - values the caller passes (command arguments) are used as given, without a prompt.
 */
import type { ResourceKind } from '../../../api/src';
import { mismatchMessage, testPattern } from '../../../server/src/core/variables/pattern';
import type { VariableDeclaration } from '../packages/read-package';

export type PromptKind = 'text' | 'boolean' | 'enum' | 'resource_ref' | 'secret';

export interface VariablePrompt {
  name: string;
  kind: PromptKind;
  /** The declared type when it is not one Sinas knows (prompted as text). */
  unknownType?: string;
  required: boolean;
  description?: string;
  /** Pre-filled answer. */
  initial?: string;
  initialFrom?: 'stored' | 'default';
  /** enum choices (as strings); `true`/`false` for booleans. */
  choices?: string[];
  pattern?: string;
  /** resource_ref: the declared kind (`llm_providers`) and the list endpoint to pick from. */
  resource?: string;
  listKind?: ResourceKind;
  example?: string;
}

export interface VariablePlan {
  prompts: VariablePrompt[];
  /** Values taken from the caller without asking. */
  given: Record<string, unknown>;
  /** Secrets already stored on the instance (value "***"): not asked, not sent. */
  keptSecrets: string[];
}

export interface PlanOptions {
  /** `Package.values` of the installed version (secrets as "***"); null/undefined on a first install. */
  stored?: Record<string, unknown> | null;
  given?: Record<string, unknown>;
}

const KINDS: readonly PromptKind[] = ['text', 'boolean', 'enum', 'resource_ref', 'secret'];

/** resource_ref kinds (seed) -> the list endpoint that offers them. */
export const RESOURCE_LIST: Record<string, ResourceKind> = {
  llm_providers: 'llm-providers',
  database_connections: 'database-connections',
  collections: 'collections',
  secrets: 'secrets',
  roles: 'roles',
};

export const STORED_SECRET = '***';

export function planVariables(declarations: readonly VariableDeclaration[], options: PlanOptions = {}): VariablePlan {
  const plan: VariablePlan = { prompts: [], given: {}, keptSecrets: [] };
  const stored = options.stored ?? {};
  const seen = new Set<string>();
  for (const d of declarations) {
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    if (options.given && d.name in options.given) {
      plan.given[d.name] = options.given[d.name];
      continue;
    }
    const type = (d.type ?? 'text').trim();
    const kind: PromptKind = (KINDS as readonly string[]).includes(type) ? (type as PromptKind) : 'text';
    if (kind === 'secret' && stored[d.name] === STORED_SECRET) {
      plan.keptSecrets.push(d.name);
      continue;
    }
    const prompt: VariablePrompt = { name: d.name, kind, required: d.required };
    if (kind === 'text' && type !== 'text') prompt.unknownType = type;
    if (d.description) prompt.description = d.description;
    if (d.example !== undefined && d.example !== null) prompt.example = String(d.example);
    if (kind === 'enum') prompt.choices = (d.choices ?? []).filter((c) => c !== undefined && c !== null).map(String);
    if (kind === 'boolean') prompt.choices = ['true', 'false'];
    if (kind === 'text' && d.pattern) prompt.pattern = d.pattern;
    if (kind === 'resource_ref') {
      prompt.resource = d.resource;
      prompt.listKind = d.resource ? RESOURCE_LIST[d.resource] : undefined;
    }
    // Never pre-fill a secret: the stored one is "***" and a default would be a credential in the file.
    if (kind !== 'secret') {
      const previous = stored[d.name];
      if (previous !== undefined && previous !== null && previous !== '') {
        prompt.initial = String(previous);
        prompt.initialFrom = 'stored';
      } else if (d.default !== undefined && d.default !== null) {
        prompt.initial = String(d.default);
        prompt.initialFrom = 'default';
      }
    }
    plan.prompts.push(prompt);
  }
  return plan;
}

/** The message shown under a text input, or undefined when the answer is acceptable. */
export function checkAnswer(prompt: VariablePrompt, answer: string): string | undefined {
  if (answer === '') return prompt.required ? `${prompt.name} is required` : undefined;
  // The core's one reading of `pattern`; a pattern it cannot check is left to the server.
  if (prompt.kind === 'text' && prompt.pattern !== undefined && testPattern(prompt.pattern, answer).kind === 'mismatch') {
    return `The value ${mismatchMessage(prompt.pattern)}`;
  }
  if (prompt.choices && prompt.kind !== 'text' && !prompt.choices.includes(answer)) return `Must be one of: ${prompt.choices.join(', ')}`;
  return undefined;
}

/** The value to send for an answer: booleans as booleans, empty optional answers left out. */
export function answerValue(prompt: VariablePrompt, answer: string): unknown {
  if (answer === '') return undefined;
  if (prompt.kind === 'boolean') return answer === 'true';
  return answer;
}

/** The title of the n-th prompt: "Install crm (2/5): APP_URL". */
export function promptTitle(action: string, index: number, total: number, prompt: VariablePrompt): string {
  return `${action} (${index + 1}/${total}): ${prompt.name}${prompt.required ? '' : ' (optional)'}`;
}

/** The placeholder / description line under the title. */
export function promptHint(prompt: VariablePrompt): string {
  const parts: string[] = [];
  if (prompt.description) parts.push(prompt.description);
  if (prompt.example) parts.push(`e.g. ${prompt.example}`);
  if (prompt.initialFrom === 'stored') parts.push('pre-filled with the value of the last install');
  if (prompt.unknownType) parts.push(`declared type "${prompt.unknownType}" is unknown; asked as text`);
  if (prompt.kind === 'secret') parts.push('not echoed, not stored by VS Code');
  return parts.join(' · ');
}
