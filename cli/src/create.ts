/**
 * `create --name N [--version V] --resource TYPE:NS/NAME ... [-o FILE [--force]]`: a package built
 * by the instance from existing resources, its code written as literal blocks. The server skips
 * unknown or missing resources silently; they are reported here and make the exit code 3. Webhook
 * and schedule functions that Sinas exports as `ns/name` (its installer rejects them) are named
 * with what to do.
 */
import { CREATE_TYPES, type CreatePackageRequest, type PackageResourceType, type ResourceRef } from '../../api/src';
import { withBlockScalars } from '../../server/src/core/emit/dump-yaml';
import { buildReferenceIndex } from '../../server/src/core/references';
import { qualifiedFunctionNames } from '../../server/src/core/references/qualified-function-names';
import { readStructure } from '../../server/src/core/structure';
import { CONNECTION_OPTIONS, parse } from './args';
import { EXIT, line, UsageError, type ExitCode, type Io } from './io';
import { withClient } from './session';
import { mayWrite, writeOutput } from './write-output';

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  name: { type: 'string' },
  version: { type: 'string' },
  description: { type: 'string' },
  author: { type: 'string' },
  /** `package.url` (`--url` is the instance). */
  'package-url': { type: 'string' },
  resource: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

/** Identified by name only (a webhook by its path, which may contain `/`). */
const UNNAMESPACED = new Set<PackageResourceType>(['webhook', 'schedule', 'database_trigger']);

export function parseResource(arg: string): ResourceRef {
  const colon = arg.indexOf(':');
  const type = arg.slice(0, colon) as PackageResourceType;
  const rest = arg.slice(colon + 1);
  if (colon <= 0 || !rest) throw new UsageError(`--resource takes TYPE:NS/NAME (or TYPE:NAME), not "${arg}"`);
  if (!CREATE_TYPES.includes(type)) throw new UsageError(`--resource ${arg}: unknown type "${type}"; one of ${CREATE_TYPES.join(', ')}`);
  if (UNNAMESPACED.has(type)) return { type, name: rest };
  const slash = rest.indexOf('/');
  return slash < 0 ? { type, namespace: 'default', name: rest } : { type, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

const describeRef = (ref: ResourceRef) => `${ref.type} ${ref.namespace && !UNNAMESPACED.has(ref.type) ? `${ref.namespace}/` : ''}${ref.name}`;

export async function runCreate(io: Io, args: string[]): Promise<ExitCode> {
  const usage = 'sinas-package create --name NAME [--version V] --resource TYPE:NS/NAME ... [-o FILE [--force]]';
  const { values } = parse(args, OPTIONS, { min: 0, max: 0, usage });
  if (!values.name) throw new UsageError(`--name is required; usage: ${usage}`);
  if (!values.resource?.length) throw new UsageError(`at least one --resource is required; usage: ${usage}`);
  const request: CreatePackageRequest = { name: values.name, resources: values.resource.map(parseResource) };
  if (values.version) request.version = values.version;
  if (values.description) request.description = values.description;
  if (values.author) request.author = values.author;
  if (values['package-url']) request.url = values['package-url'];
  if (values.output && !(await mayWrite(io, values.output, values.force ?? false))) {
    line(io.stderr, `Not written: ${values.output} is unchanged.`);
    return EXIT.failed;
  }

  return withClient(io, values, async (client) => {
    const created = await client.createPackage(request);
    const yaml = withBlockScalars(created.yaml);
    const { skipped } = created;
    if (values.output) {
      writeOutput(values.output, yaml);
      line(io.stderr, `Wrote ${values.output}.`);
    } else {
      io.stdout.write(yaml.endsWith('\n') ? yaml : `${yaml}\n`);
    }
    if (skipped === undefined) {
      line(io.stderr, 'warning: the returned YAML could not be read, so skipped resources cannot be listed');
      return EXIT.ok;
    }
    for (const ref of skipped) line(io.stderr, `warning: ${client.host} left out ${describeRef(ref)} (not found)`);
    for (const found of qualifiedFunctionNames(buildReferenceIndex(readStructure(yaml).model))) {
      line(io.stderr, `warning: ${found.summary}, which Sinas exports but does not install: ${found.advice}`);
    }
    return skipped.length ? EXIT.partial : EXIT.ok;
  });
}
