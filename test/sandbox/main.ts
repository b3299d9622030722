/**
 * `node dist/sandbox.js --port N [--host 127.0.0.1] [--data FILE] [--api-key KEY] [--seed DIR]
 * [--faults] [--no-variables]`. Prints two machine-readable lines, `SINAS_URL=…` and
 * `SINAS_API_KEY=…`, then serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './sandbox';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      'api-key': { type: 'string' },
      seed: { type: 'string' },
      faults: { type: 'boolean', default: false },
      'no-variables': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const sandbox = await startSandbox({
    port,
    host: values.host,
    dataFile: values.data,
    apiKey: values['api-key'],
    seedDir: values.seed,
    faults: values.faults,
    variables: !values['no-variables'],
    log: (message) => process.stderr.write(`sinas sandbox: ${message}\n`),
  });
  process.stdout.write(`SINAS_URL=${sandbox.url}\nSINAS_API_KEY=${sandbox.adminKey}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`sinas sandbox: ${error.message}\n`);
  process.exit(1);
});
