/**
 * Install-time variable values for preview and install: `--var NAME=value`, then the environment
 * variable SINAS_VAR_<NAME>, then (on a terminal) a prompt per declared variable still without a
 * value, secrets read without echo. Without a terminal, a missing value is left to the server
 * (it applies the default, keeps an existing secret, or names the missing variable).
 */
import type { DeclaredVariable } from '../../api/src';
import { mismatchMessage, testPattern } from '../../server/src/core/variables/pattern';
import { line, UsageError, type Io } from './io';
import { ask, askSecret } from './prompt';

export interface Declaration extends DeclaredVariable {
  type?: string;
  required: boolean;
  default?: unknown;
  choices?: unknown[];
  description?: string;
  pattern?: string;
}

/** Why a text value does not fit its `pattern` (the core's one reading), or undefined. */
export function patternProblem(d: Declaration, value: string): string | undefined {
  if ((d.type ?? 'text') !== 'text' || d.pattern === undefined || value === '') return undefined;
  return testPattern(d.pattern, value).kind === 'mismatch' ? `the value ${mismatchMessage(d.pattern)}` : undefined;
}

/**
 * `NAME=value` pairs; the name must be declared by the package, and not as a secret: an argument
 * shows in the process list (why the API key is never one either).
 */
export function parseVarArgs(args: readonly string[], declarations: readonly Declaration[]): Map<string, string> {
  const declared = new Set(declarations.map((d) => d.name));
  const secrets = new Set(declarations.filter((d) => d.type === 'secret').map((d) => d.name));
  const out = new Map<string, string>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var takes NAME=value, not "${arg.length > 40 ? `${arg.slice(0, 40)}…` : arg}"`);
    const name = arg.slice(0, eq);
    if (!declared.has(name)) {
      const known = [...declared].join(', ') || 'none';
      throw new UsageError(`--var ${name}: the package declares no variable ${name} (declared: ${known})`);
    }
    if (secrets.has(name)) {
      throw new UsageError(`--var ${name}: ${name} is a secret, and arguments show in the process list; set SINAS_VAR_${name} in the environment or let the prompt ask for it`);
    }
    out.set(name, arg.slice(eq + 1));
  }
  return out;
}

/** The JSON value sent for a text value: booleans become true/false, the rest stays text. */
function typed(declaration: Declaration, value: string): unknown {
  if (declaration.type === 'boolean' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return value;
}

async function prompt(io: Io, d: Declaration, previous: unknown): Promise<string | undefined> {
  const about = d.description ? ` (${d.description})` : '';
  if (d.type === 'secret') {
    const keep = previous === '***' ? ', empty keeps the stored secret' : '';
    return (await askSecret(io, `${d.name}${about} [secret${keep}]: `)) || undefined;
  }
  const fallback = previous ?? d.default;
  const choices = Array.isArray(d.choices) && d.choices.length ? ` {${d.choices.join('|')}}` : '';
  const shown = fallback === undefined || fallback === null ? '' : ` [${String(fallback)}]`;
  for (let tries = 0; tries < 3; tries++) {
    const answer = (await ask(io, `${d.name}${about}${choices}${shown}: `)).trim();
    const problem = patternProblem(d, answer);
    if (problem) {
      line(io.stderr, `${d.name}: ${problem}.`);
      continue;
    }
    if (answer) return answer;
    if (fallback !== undefined && fallback !== null) return previous !== undefined ? String(previous) : undefined;
    if (!d.required) return undefined;
    line(io.stderr, `${d.name} is required.`);
  }
  throw new UsageError(`no value for the required variable ${d.name}`);
}

export interface CollectOptions {
  varArgs: readonly string[];
  /** `Package.values` of the installed version, to pre-fill prompts on an upgrade. */
  previous?: Record<string, unknown> | null;
}

export async function collectVariables(io: Io, declarations: readonly Declaration[], options: CollectOptions): Promise<Record<string, unknown>> {
  const given = parseVarArgs(options.varArgs, declarations);
  const values: Record<string, unknown> = {};
  for (const d of declarations) {
    const source = given.has(d.name) ? `--var ${d.name}` : `SINAS_VAR_${d.name}`;
    let value = given.get(d.name) ?? io.env[`SINAS_VAR_${d.name}`];
    const problem = value === undefined ? undefined : patternProblem(d, value);
    if (problem) throw new UsageError(`${source}: ${problem}`);
    if (value === undefined && io.interactive) value = await prompt(io, d, options.previous?.[d.name]);
    if (value !== undefined) values[d.name] = typed(d, value);
  }
  return values;
}
