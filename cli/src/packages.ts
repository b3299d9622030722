/** `list`, `get <name>`, `export <name> [-o file [--force]]`, `uninstall <name> [--yes]`. */
import { CONNECTION_OPTIONS, FORMAT_OPTION, formatOf, parse } from './args';
import { EXIT, line, UsageError, type ExitCode, type Io } from './io';
import { confirm } from './prompt';
import { listLines, packageLines } from './report';
import { withClient } from './session';
import { mayWrite, writeOutput } from './write-output';

export async function runList(io: Io, args: string[]): Promise<ExitCode> {
  const { values } = parse(args, { ...CONNECTION_OPTIONS, ...FORMAT_OPTION }, { min: 0, max: 0, usage: 'sinas-package list [--format text|json]' });
  const format = formatOf(values.format);
  return withClient(io, values, async (client) => {
    const packages = await client.listPackages();
    if (format === 'json') line(io.stdout, JSON.stringify(packages, null, 2));
    else for (const l of listLines(packages)) line(io.stdout, l);
    return EXIT.ok;
  });
}

export async function runGet(io: Io, args: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(args, { ...CONNECTION_OPTIONS, ...FORMAT_OPTION }, { min: 1, max: 1, usage: 'sinas-package get <name> [--format text|json]' });
  const format = formatOf(values.format);
  return withClient(io, values, async (client) => {
    const pkg = await client.getPackage(positionals[0]);
    if (format === 'json') line(io.stdout, JSON.stringify(pkg, null, 2));
    else for (const l of packageLines(pkg)) line(io.stdout, l);
    return EXIT.ok;
  });
}

export async function runExport(io: Io, args: string[]): Promise<ExitCode> {
  const options = { ...CONNECTION_OPTIONS, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } } as const;
  const { values, positionals } = parse(args, options, { min: 1, max: 1, usage: 'sinas-package export <name> [-o FILE [--force]]' });
  if (values.output && !(await mayWrite(io, values.output, values.force ?? false))) {
    line(io.stderr, `Not written: ${values.output} is unchanged.`);
    return EXIT.failed;
  }
  return withClient(io, values, async (client) => {
    const yaml = await client.exportPackage(positionals[0]);
    if (values.output) {
      writeOutput(values.output, yaml);
      line(io.stderr, `Wrote ${values.output}.`);
    } else {
      io.stdout.write(yaml.endsWith('\n') ? yaml : `${yaml}\n`);
    }
    return EXIT.ok;
  });
}

export async function runUninstall(io: Io, args: string[]): Promise<ExitCode> {
  const options = { ...CONNECTION_OPTIONS, yes: { type: 'boolean', short: 'y' } } as const;
  const { values, positionals } = parse(args, options, { min: 1, max: 1, usage: 'sinas-package uninstall <name> [--yes]' });
  if (!values.yes && (!io.interactive || values['api-key-stdin'])) {
    throw new UsageError('uninstall needs confirmation: pass --yes (there is no terminal to ask on)');
  }
  const name = positionals[0];
  return withClient(io, values, async (client) => {
    if (!values.yes) {
      const pkg = await client.getPackage(name);
      const question = `Uninstall ${pkg.name} ${pkg.version} from ${client.host}? This deletes every resource it manages, including collection files and store data.`;
      if (!(await confirm(io, question))) {
        line(io.stderr, 'Not uninstalled.');
        return EXIT.failed;
      }
    }
    await client.uninstallPackage(name);
    line(io.stdout, `Uninstalled ${name} from ${client.host}.`);
    return EXIT.ok;
  });
}
