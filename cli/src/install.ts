/**
 * `preview <file>` and `install <file>`: read the file, collect its variables, preview on the
 * instance, then (install) confirm and install. A partial install exits 3 with its errors listed.
 */
import { isSinasApiError, type PreviewResult, type SinasClient } from '../../api/src';
import { analyze } from '../../server/src/core/analyze';
import { CONNECTION_OPTIONS, FORMAT_OPTION, formatOf, parse } from './args';
import { EXIT, line, readText, UsageError, type ExitCode, type Io } from './io';
import { confirm } from './prompt';
import { changeLines, plural, summaryLine } from './report';
import { withClient } from './session';
import { collectVariables, parseVarArgs, type Declaration } from './variables';

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  ...FORMAT_OPTION,
  var: { type: 'string', multiple: true },
  yes: { type: 'boolean', short: 'y' },
} as const;

interface LocalPackage {
  file: string;
  text: string;
  name?: string;
  declarations: Declaration[];
  localErrors: number;
}

function load(file: string): LocalPackage {
  const text = readText(file);
  const analysis = analyze(text);
  if (!analysis.isSinasPackage) throw new UsageError(`${file} is not a SinasPackage (apiVersion sinas.co/v1, kind SinasPackage)`);
  const declarations = analysis.variables.declarations.map((d) => ({
    name: d.name,
    type: d.type,
    required: d.required,
    default: d.default,
    choices: d.choices,
    description: d.description,
    pattern: d.pattern,
  }));
  const localErrors = analysis.findings.filter((f) => f.severity === 'error').length;
  return { file, text, name: analysis.model.packageName, declarations, localErrors };
}

/** The installed package's variable values (null: not installed; undefined: unknown). */
async function previousValues(client: SinasClient, name: string | undefined): Promise<Record<string, unknown> | null | undefined> {
  if (!name || name.includes('/')) return undefined;
  try {
    return (await client.getPackage(name)).values ?? {};
  } catch (error) {
    if (isSinasApiError(error, 'notFound')) return null;
    if (isSinasApiError(error, 'forbidden')) return undefined;
    throw error;
  }
}

function printPreview(io: Io, client: SinasClient, pkg: LocalPackage, preview: PreviewResult, firstInstall: boolean): void {
  line(io.stdout, `Preview of ${pkg.name ?? pkg.file} on ${client.host}:`);
  for (const l of changeLines(preview.apply.changes, firstInstall)) line(io.stdout, l);
  line(io.stdout, `${summaryLine(preview.apply, true)}.`);
  for (const w of preview.apply.warnings) line(io.stderr, `warning: ${w}`);
  for (const e of preview.apply.errors) line(io.stderr, `error: ${e}`);
}

function missingRequired(pkg: LocalPackage, variables: Record<string, unknown>): string[] {
  return pkg.declarations.filter((d) => d.required && !(d.name in variables) && (d.default === undefined || d.default === null)).map((d) => d.name);
}

async function previewStep(io: Io, client: SinasClient, pkg: LocalPackage, varArgs: string[]) {
  if (pkg.localErrors) line(io.stderr, `note: sinas-package validate finds ${plural(pkg.localErrors, 'error')} in ${pkg.file}; the server may reject it`);
  const previous = await previousValues(client, pkg.name);
  const variables = await collectVariables(io, pkg.declarations, { varArgs, previous });
  const preview = await client.previewPackage(pkg.text, { variables, declarations: pkg.declarations });
  return { previous, variables, preview };
}

export async function runPreview(io: Io, args: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(args, OPTIONS, { min: 1, max: 1, usage: 'sinas-package preview <file> [--var NAME=value ...]' });
  const format = formatOf(values.format);
  const pkg = load(positionals[0]);
  parseVarArgs(values.var ?? [], pkg.declarations); // refused before anything is sent
  return withClient(io, values, async (client) => {
    const { previous, variables, preview } = await previewStep(io, client, pkg, values.var ?? []);
    if (format === 'json') line(io.stdout, JSON.stringify(preview, null, 2));
    else printPreview(io, client, pkg, preview, previous === null);
    await client.assertVariablesSupported(pkg.text);
    if (preview.requiresInput) {
      line(io.stderr, `note: values are still needed for: ${missingRequired(pkg, variables).join(', ') || 'some variables'} (--var NAME=value or SINAS_VAR_NAME)`);
    }
    return preview.hasErrors ? EXIT.partial : EXIT.ok;
  });
}

export async function runInstall(io: Io, args: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(args, OPTIONS, { min: 1, max: 1, usage: 'sinas-package install <file> [--var NAME=value ...] [--yes]' });
  const format = formatOf(values.format);
  if (!values.yes && (!io.interactive || values['api-key-stdin'])) {
    throw new UsageError('install needs confirmation: pass --yes (there is no terminal to ask on)');
  }
  const pkg = load(positionals[0]);
  parseVarArgs(values.var ?? [], pkg.declarations); // refused before anything is sent
  return withClient(io, values, async (client) => {
    const { previous, variables, preview } = await previewStep(io, client, pkg, values.var ?? []);
    if (format === 'text') printPreview(io, client, pkg, preview, previous === null);
    await client.assertVariablesSupported(pkg.text, { variables });
    if (preview.requiresInput) {
      const names = missingRequired(pkg, variables);
      throw new UsageError(`missing values for required variables${names.length ? `: ${names.join(', ')}` : ''}; pass --var NAME=value or set SINAS_VAR_NAME`);
    }
    if (!values.yes && !(await confirm(io, `Install ${pkg.name ?? pkg.file} on ${client.host}?`))) {
      line(io.stderr, 'Not installed.');
      return EXIT.failed;
    }
    const result = await client.installPackage(pkg.text, { variables, declarations: pkg.declarations });
    if (format === 'json') {
      line(io.stdout, JSON.stringify(result, null, 2));
    } else {
      const what = `${result.package.name} ${result.package.version} on ${client.host}`;
      line(io.stdout, `${result.outcome === 'partial' ? 'Partly installed' : 'Installed'} ${what}: ${summaryLine(result.apply, false)}.`);
      for (const w of result.apply.warnings) line(io.stderr, `warning: ${w}`);
    }
    if (result.outcome === 'partial') {
      line(io.stderr, `error: ${plural(result.errors.length, 'resource')} ${result.errors.length === 1 ? 'was' : 'were'} not installed (the package is recorded as installed):`);
      for (const e of result.errors) line(io.stderr, `  - ${e}`);
      return EXIT.partial;
    }
    return EXIT.ok;
  });
}
