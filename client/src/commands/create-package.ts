/**
 * Sinas: Create Package from Instance — pick resources grouped by type from the instance's
 * list endpoints, name the package (checked as the rules check `package.name`), and open the YAML
 * the server builds, with its code as literal blocks, in a new editor named `<name>.sinas.yaml`.
 * The server skips unknown or missing resources silently; we name them. Sinas exports webhook and
 * schedule functions as `ns/name`, which its installer rejects; we name each and what to do.
 */
import * as vscode from 'vscode';
import { CREATE_TYPES, RESOURCE_KINDS, isSinasApiError, type CreateResult, type ResourceKind, type ResourceRef } from '../../../api/src';
import { withBlockScalars } from '../../../server/src/core/emit/dump-yaml';
import { packageNameProblems } from '../../../server/src/core/model/package-name';
import { buildReferenceIndex } from '../../../server/src/core/references';
import { qualifiedFunctionNames, type QualifiedFunctionName } from '../../../server/src/core/references/qualified-function-names';
import { openUntitledPackage } from '../documents/untitled-package';
import { readPackage } from '../packages/read-package';
import { connect } from '../ui/connect';
import { showApiError } from '../ui/errors';
import { withProgress } from '../ui/progress';
import { requireTrust } from '../ui/trust';
import { count } from '../util/text';
import type { Deps } from './deps';

/** Command arguments that replace the prompts (tests, automation). */
export interface CreateOptions {
  resources?: ResourceRef[];
  name?: string;
  version?: string;
  description?: string;
}

export interface CreateOutcome {
  outcome: 'created' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  document?: vscode.TextDocument;
  skipped?: ResourceRef[];
  /** Webhooks and schedules whose `functionName` the installer would reject. */
  unreachable?: QualifiedFunctionName[];
}

interface ResourceItem extends vscode.QuickPickItem {
  ref?: ResourceRef;
}

/** The list endpoint of each type `/packages/create` accepts. */
const KIND_OF_TYPE = new Map(Object.entries(RESOURCE_KINDS).filter(([, spec]) => (CREATE_TYPES as string[]).includes(spec.type)).map(([kind, spec]) => [spec.type, kind as ResourceKind]));

export async function createPackage(deps: Deps, _target?: unknown, options: CreateOptions = {}): Promise<CreateOutcome> {
  if (!requireTrust(deps.host)) return { outcome: 'refused' };
  const connected = await connect(deps);
  if (!connected) return { outcome: 'refused' };
  const { connection, client } = connected;

  const resources = options.resources ?? (await pickResources(deps, connected));
  if (!resources || resources.length === 0) return { outcome: 'cancelled' };
  const name = options.name ?? (await deps.host.showInputBox({ title: 'New package (1/3): name', prompt: `${count(resources.length, 'resource')} from ${connection.name}`, placeHolder: 'crm-support', ignoreFocusOut: true, validateInput: checkPackageName }));
  if (name === undefined) return { outcome: 'cancelled' };
  const version = options.version ?? (await deps.host.showInputBox({ title: 'New package (2/3): version', value: '1.0.0', ignoreFocusOut: true, validateInput: (v) => (!v.trim() ? 'A version is required' : v.length > 50 ? 'At most 50 characters' : undefined) }));
  if (version === undefined) return { outcome: 'cancelled' };
  // Arguments that name the package need not describe it.
  const description = options.description ?? (options.name !== undefined ? '' : await deps.host.showInputBox({ title: 'New package (3/3): description (optional)', ignoreFocusOut: true }));
  if (description === undefined) return { outcome: 'cancelled' };

  let result: CreateResult;
  try {
    result = await withProgress(deps.host, `Sinas: creating ${name} from ${connection.name}…`, (signal) =>
      client.createPackage({ name: name.trim(), version: version.trim(), ...(description.trim() ? { description: description.trim() } : {}), resources }, { signal }),
    );
  } catch (error) {
    showApiError({ host: deps.host, log: deps.log, connection, what: `Creating ${name} failed` }, error);
    return { outcome: isSinasApiError(error, 'cancelled') ? 'cancelled' : 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  const text = withBlockScalars(result.yaml);
  const document = await openUntitledPackage(name, text);
  const skipped = result.skipped ?? [];
  const unreachable = qualifiedFunctionNames(buildReferenceIndex(readPackage(text).structure.model));
  let message: string | undefined;
  if (skipped.length > 0) {
    const list = skipped.map(describeRef).join(', ');
    message = `Sinas: ${connection.name} left ${count(skipped.length, 'resource')} out of ${name} without saying why (not found, or a type it cannot export): ${list}.`;
    deps.log.warn(message);
    void deps.host.showWarningMessage(message, {});
  }
  if (unreachable.length > 0) {
    const problems = unreachable.map((u) => `${u.summary}: ${u.advice}`);
    const warning = `Sinas: ${name} will not install as created: Sinas exports ${unreachable.length === 1 ? 'this function reference' : 'these function references'} as \`ns/name\`, but installs only a bare name in namespace \`default\`. ${problems.join(' ')}`;
    deps.log.warn(warning);
    const show = 'Show Problems';
    void deps.host.showWarningMessage(warning, {}, show).then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
    message ??= warning;
  }
  deps.log.info(`[${connection.name}] created package ${name} from ${count(resources.length, 'resource')}`);
  return { outcome: 'created', document, skipped, unreachable, message };
}

async function pickResources(deps: Deps, { connection, client }: NonNullable<Awaited<ReturnType<typeof connect>>>): Promise<ResourceRef[] | undefined> {
  let items: ResourceItem[];
  const failures: string[] = [];
  try {
    items = await withProgress(deps.host, `Sinas: listing resources on ${connection.name}…`, async (signal) => {
      const lists = await Promise.all(
        [...KIND_OF_TYPE].map(async ([type, kind]) => {
          try {
            return { type, list: await client.listResources(kind, { signal }) };
          } catch (error) {
            if (isSinasApiError(error, 'cancelled')) throw error;
            failures.push(`${RESOURCE_KINDS[kind].label}: ${error instanceof Error ? error.message : String(error)}`);
            return { type, list: undefined };
          }
        }),
      );
      return lists.flatMap(({ type, list }): ResourceItem[] => {
        if (!list || list.items.length === 0) return [];
        const heading: ResourceItem = { label: sectionLabel(list.kind), kind: vscode.QuickPickItemKind.Separator };
        return [
          heading,
          ...list.items.map((r) => ({
            label: r.namespace !== null ? `${r.namespace}/${r.name}` : r.name,
            description: r.description,
            ref: { type: type as ResourceRef['type'], ...(r.namespace !== null ? { namespace: r.namespace } : {}), name: r.name },
          })),
        ];
      });
    });
  } catch (error) {
    showApiError({ host: deps.host, log: deps.log, connection, what: 'Listing resources failed' }, error);
    return undefined;
  }
  if (failures.length > 0) deps.log.warn(`[${connection.name}] some lists could not be read:\n  ${failures.join('\n  ')}`);
  if (!items.some((i) => i.ref)) {
    void deps.host.showInformationMessage(`Sinas: ${connection.name} lists no resources this key can package${failures.length ? ` (${count(failures.length, 'list')} could not be read; see the log)` : ''}.`);
    return undefined;
  }
  const picked = await deps.host.showQuickPick(items, {
    title: `Create package from ${connection.name}: choose resources`,
    placeHolder: 'Type to filter; Space selects',
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.flatMap((i) => (i.ref ? [i.ref] : []));
}

/** The first problem the rules would report on this name, with the name they suggest. */
export function checkPackageName(value: string): string | undefined {
  const name = value.trim();
  if (!name) return 'A package name is required';
  const [problem] = packageNameProblems(name);
  return problem?.message;
}

/** "Database triggers", from the list endpoint's label. */
function sectionLabel(kind: ResourceKind): string {
  const label = RESOURCE_KINDS[kind].label;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function describeRef(ref: ResourceRef): string {
  return `${ref.type} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
