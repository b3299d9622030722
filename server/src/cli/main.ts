// `sinas-package`: the headless command. For now it only knows its version;
// validation and instance commands arrive with the API client.
declare const __VERSION__: string | undefined;

const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

function main(argv: string[]): number {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  process.stdout.write(`sinas-package ${version}\nUsage: sinas-package --version\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
