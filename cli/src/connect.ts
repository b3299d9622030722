/**
 * The connection of an instance command: URL from `--url` or SINAS_URL, key from SINAS_API_KEY or
 * stdin (`--api-key-stdin`), a warning before the key would travel over plain http, and the
 * `--verbose` request log (redacted by the client).
 */
import { formatExchange, parseBaseUrl, plainHttpWarning, SinasApiError, SinasClient } from '../../api/src';
import type { CONNECTION_OPTIONS, Parsed } from './args';
import { line, problem, UsageError, type Io } from './io';
import { askSecret, confirm } from './prompt';

export type ConnectionArgs = Parsed<typeof CONNECTION_OPTIONS>['values'];

async function readKeyFromStdin(io: Io): Promise<string> {
  if (io.stdin.isTTY) return (await askSecret(io, 'API key: ')).trim();
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0].trim();
}

function timeoutMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not "${value}"`);
  return seconds * 1000;
}

/** A client for the configured instance; closes nothing itself (the caller does). */
export async function connect(io: Io, args: ConnectionArgs): Promise<SinasClient> {
  const url = args.url ?? io.env.SINAS_URL;
  if (!url) throw new UsageError('no Sinas URL: set SINAS_URL or pass --url');
  usable(() => parseBaseUrl(url));
  let apiKey: string | undefined;
  if (args['api-key-stdin']) {
    apiKey = await readKeyFromStdin(io);
    // stdin is spent: no prompts can follow.
    io.interactive = false;
    if (!apiKey) throw new UsageError('--api-key-stdin: stdin held no API key');
  } else {
    apiKey = io.env.SINAS_API_KEY;
    if (!apiKey) throw new UsageError('no API key: set SINAS_API_KEY or pipe it to --api-key-stdin');
  }
  const timeout = timeoutMs(args.timeout);

  // Decided before the key is ever sent; the client checks the address again at each connection.
  const warning = await plainHttpWarning(url);
  let plainHttp: 'allow' | 'loopback' = 'loopback';
  if (warning) {
    if (args['allow-http']) {
      problem(io.stderr, 'warning', warning);
    } else if (io.interactive) {
      problem(io.stderr, 'warning', warning);
      if (!(await confirm(io, 'Send the API key anyway?'))) throw new UsageError('not sending the API key over plain http');
    } else {
      throw new UsageError(`${warning} Pass --allow-http to send it anyway.`);
    }
    plainHttp = 'allow';
  } else if (args['allow-http']) {
    plainHttp = 'allow';
  }

  return usable(
    () =>
      new SinasClient(
        { name: 'cli', url, apiKey },
        {
          userAgent: 'sinas-package',
          plainHttp,
          ...(timeout ? { timeoutMs: timeout } : {}),
          ...(args.verbose ? { onExchange: (entry) => line(io.stderr, formatExchange(entry)) } : {}),
        },
      ),
  );
}

/** A configuration the client refuses (not an http(s) URL, credentials in it) is a usage error. */
function usable<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw error instanceof SinasApiError ? new UsageError(error.message) : error;
  }
}
