/**
 * Turns the request's `variables: {NAME: value}` into substitution text, checked against the
 * declarations: required ones present (or defaulted), booleans, enum choices, text patterns
 * (the core's reading, variables/pattern.ts: the value must contain a match) and
 * `resource_ref` targets that exist. A `secret` variable becomes a Secret
 * named after the variable; its uses expand to that name and `Package.values` records "***".
 */
import { testPattern } from '../../../server/src/core/variables/pattern';
import { substitutionText } from '../../../server/src/core/variables/substitution';
import type { State } from '../state/types';
import type { SecretInput } from '../packages/apply-secrets';
import type { PathMessage } from '../validate';
import type { VariableDeclaration } from './declarations';
import { RESOURCE_REF_SECTIONS, resourceRefTarget } from '../../../server/src/core/instance/resource-ref';
import { KIND_NAME } from '../../../server/src/core/model/sections';

const refLabel = (resource: string | undefined): string => {
  const section = resource === undefined ? undefined : RESOURCE_REF_SECTIONS[resource];
  return section ? KIND_NAME[section] : String(resource);
};

export interface ResolvedVariables {
  substitutions: Map<string, string>;
  /** What `Package.values` stores for this install. */
  values: Record<string, unknown>;
  secrets: SecretInput[];
  errors: PathMessage[];
  /** Required variables with neither a value nor a default. */
  missing: string[];
}

/** Whether a `resource_ref` value names an existing (for providers and connections: active) resource; where it is looked up is the core's reading. */
function resourceExists(state: Readonly<State>, kind: string | undefined, name: string): boolean {
  const target = resourceRefTarget(kind, name);
  switch (target?.section) {
    case 'llmProviders':
      return state.llmProviders.some((p) => p.name === target.identity && p.is_active !== false);
    case 'databaseConnections':
      return state.databaseConnections.some((c) => c.name === target.identity && c.is_active !== false);
    case 'collections':
      return (state.resources.collections ?? []).some((c) => `${c.namespace}/${c.name}` === target.identity);
    case 'secrets':
      return (state.resources.secrets ?? []).some((s) => s.name === target.identity);
    case 'roles':
      return state.roles.some((r) => r.name === target.identity);
    default:
      return false;
  }
}

const isGiven = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

export function resolveVariables(
  declarations: readonly VariableDeclaration[],
  given: Record<string, unknown>,
  state: Readonly<State>,
): ResolvedVariables {
  const out: ResolvedVariables = { substitutions: new Map(), values: {}, secrets: [], errors: [], missing: [] };
  const fail = (d: VariableDeclaration, message: string) => out.errors.push({ path: `variables.${d.name}`, message });

  for (const d of declarations) {
    const provided = isGiven(given[d.name]);
    if (d.type === 'secret') {
      // Uses always expand to the secret's name; the value lives only in the Secret.
      if (provided) {
        if (typeof given[d.name] !== 'string') fail(d, 'A secret value must be a string');
        else out.secrets.push({ name: d.name, value: given[d.name] as string, description: d.description ?? null });
      } else if (!resourceExists(state, 'secrets', d.name) && d.required) {
        out.missing.push(d.name);
        continue;
      }
      out.substitutions.set(d.name, substitutionText(d, given[d.name])!);
      if (provided || resourceExists(state, 'secrets', d.name)) out.values[d.name] = '***';
      continue;
    }

    const value = provided ? given[d.name] : d.default;
    if (!isGiven(value)) {
      if (d.required) out.missing.push(d.name);
      else out.substitutions.set(d.name, substitutionText(d, value)!);
      continue;
    }
    const text = checkValue(d, value, state, (message) => fail(d, message));
    if (text === undefined) continue;
    out.substitutions.set(d.name, substitutionText(d, value)!);
    out.values[d.name] = d.type === 'boolean' ? text === 'true' : value;
  }
  return out;
}

/** The substitution text for a value, or undefined after reporting why it does not fit. */
function checkValue(d: VariableDeclaration, value: unknown, state: Readonly<State>, fail: (m: string) => void): string | undefined {
  if (typeof value === 'object') {
    fail(`Value must be a string, number or boolean, not ${Array.isArray(value) ? 'a list' : 'an object'}`);
    return undefined;
  }
  const text = String(value);
  switch (d.type) {
    case 'text': {
      // The core's one reading (search, linear time); what it cannot check is accepted.
      const verdict = d.pattern === undefined ? undefined : testPattern(d.pattern, text);
      if (verdict?.kind === 'mismatch') {
        fail(`Value '${text}' does not contain a match for the pattern '${d.pattern}'`);
        return undefined;
      }
      if (verdict?.kind === 'invalid') {
        fail(`The pattern '${d.pattern}' is not a valid regular expression: ${verdict.reason}`);
        return undefined;
      }
      return text;
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (word === 'true' || word === 'false') return word;
      fail(`Value '${text}' is not a boolean (true or false)`);
      return undefined;
    }
    case 'enum': {
      const choices = (d.choices ?? []).map(String);
      if (choices.includes(text)) return text;
      fail(`Value '${text}' is not one of the choices: ${choices.join(', ')}`);
      return undefined;
    }
    case 'resource_ref':
      if (resourceExists(state, d.resource, text)) return text;
      fail(`Referenced ${refLabel(d.resource)} '${text}' not defined`);
      return undefined;
    default:
      fail(`Unsupported variable type '${d.type}'`);
      return undefined;
  }
}
