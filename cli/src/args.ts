/**
 * Argument parsing on `node:util` parseArgs, with the options every instance command shares.
 * The API key is never accepted as an argument (it would show in `ps` and shell history).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Connection and behaviour options of every command that talks to an instance. */
export const CONNECTION_OPTIONS = {
  url: { type: 'string' },
  'api-key-stdin': { type: 'boolean' },
  timeout: { type: 'string' },
  'allow-http': { type: 'boolean' },
  verbose: { type: 'boolean' },
  'no-input': { type: 'boolean' },
} as const satisfies Options;

export const FORMAT_OPTION = { format: { type: 'string' } } as const satisfies Options;

export interface Parsed<O extends Options> {
  values: { [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string };
  positionals: string[];
}

export function parse<O extends Options>(args: string[], options: O, positionals: { min: number; max: number; usage: string }): Parsed<O> {
  const keyArg = args.find((a) => a === '--api-key' || a.startsWith('--api-key='));
  if (keyArg) {
    throw new UsageError('the API key is never taken as an argument (it would show in the process list and shell history); set SINAS_API_KEY or use --api-key-stdin');
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\.$/, '')}; usage: ${positionals.usage}`);
  }
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) throw new UsageError(`usage: ${positionals.usage}`);
  return parsed as unknown as Parsed<O>;
}

/** `--format text|json` (default text). */
export function formatOf(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format must be text or json, not "${value}"`);
}
