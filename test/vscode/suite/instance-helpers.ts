// Shared by the instance-* suites: the extension's test API, in-process Sinas sandboxes (with
// seed data, fault injection or without variables), a recorder that stands in for the dialogs
// (vscode.window.show*), and event-based waits on the installed-packages model.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../client/src/test-api';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/sandbox';
import type { PackagesState } from '../../../client/src/views/packages/model';
import { extensionId, fixtureUri, openFixture } from './helpers';

export async function sinasApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  return extension.activate();
}

export function extensionPath(): string {
  return vscode.extensions.getExtension(extensionId)!.extensionPath;
}

/** A sandbox in the extension host's process, seeded like `npm start`'s, closed by the caller. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seedDir: path.join(extensionPath(), 'test', 'sandbox', 'seed'), ...options });
}

export interface HttpAnswer {
  status: number;
  json: any;
  text: string;
}

/** A raw call to a sandbox (to set up faults and keys, and to check the instance after a command). */
export async function call(url: string, key: string | null, method: string, route: string, body?: unknown): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  if (key) headers['x-api-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

export async function installedNames(sandbox: RunningSandbox): Promise<string[]> {
  const res = await call(sandbox.url, sandbox.adminKey, 'GET', '/api/v1/packages');
  return (res.json as { name: string }[]).map((p) => p.name).sort();
}

/** A file of test/fixtures/vscode/instance (the instance suites' fixtures). */
export const fixture = (name: string): vscode.Uri => fixtureUri(`instance/${name}`);
export const openInstanceFixture = (name: string): Promise<vscode.TextDocument> => openFixture(`instance/${name}`);

// ---------------------------------------------------------------------------------------------
// Dialogs

type Answer<A extends unknown[], R> = R | ((...args: A) => R);
type PickAnswer = vscode.QuickPickItem | vscode.QuickPickItem[] | undefined | ((items: readonly vscode.QuickPickItem[], options: vscode.QuickPickOptions | undefined) => vscode.QuickPickItem | vscode.QuickPickItem[] | undefined);

interface Recorded {
  message: string;
  options?: vscode.MessageOptions;
  items: string[];
}

/**
 * Replaces vscode.window's dialogs: input boxes and pick lists answer from queues (a function
 * answer sees the options, e.g. to check `password` or `validateInput`), modal warnings answer
 * from their own queue (default: cancel), other messages are recorded and dismissed.
 */
export class Dialogs {
  readonly inputs: vscode.InputBoxOptions[] = [];
  readonly picks: { items: readonly vscode.QuickPickItem[]; options?: vscode.QuickPickOptions }[] = [];
  readonly modals: Recorded[] = [];
  readonly warnings: Recorded[] = [];
  readonly infos: Recorded[] = [];
  readonly errors: Recorded[] = [];
  private readonly inputAnswers: Answer<[vscode.InputBoxOptions], string | undefined>[] = [];
  private readonly pickAnswers: PickAnswer[] = [];
  private readonly modalAnswers: Answer<[Recorded], string | undefined>[] = [];
  private readonly originals: Partial<typeof vscode.window> = {};
  /** An assertion that failed inside an answer: the command saw an exception, the test must too. */
  private failure: unknown;

  constructor() {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const name of ['showInputBox', 'showQuickPick', 'showWarningMessage', 'showInformationMessage', 'showErrorMessage'] as const) {
      (this.originals as Record<string, unknown>)[name] = w[name];
    }
    w.showInputBox = async (options: vscode.InputBoxOptions = {}) => {
      this.inputs.push(options);
      if (this.inputAnswers.length === 0) throw new Error(`unexpected input box: ${options.title ?? options.prompt}`);
      const next = this.inputAnswers.shift();
      const answer = typeof next === 'function' ? this.guard(() => next(options)) : next;
      // A real input box does not accept what validateInput rejects (an info or warning message does not block).
      const problem = answer !== undefined ? await options.validateInput?.(answer) : undefined;
      const blocking = typeof problem === 'string' ? problem : problem?.severity === vscode.InputBoxValidationSeverity.Error ? problem.message : undefined;
      if (blocking) throw new Error(`the answer "${answer}" to "${options.title}" was rejected: ${blocking}`);
      return answer;
    };
    w.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      const resolved = await items;
      this.picks.push({ items: resolved, options });
      if (this.pickAnswers.length === 0) throw new Error(`unexpected pick list: ${options?.title ?? options?.placeHolder}`);
      const next = this.pickAnswers.shift();
      return typeof next === 'function' ? this.guard(() => next(resolved, options)) : next;
    };
    const message = (list: Recorded[], modal: boolean) => async (text: string, ...rest: unknown[]) => {
      const options = rest[0] && typeof rest[0] === 'object' && !('title' in (rest[0] as object)) ? (rest.shift() as vscode.MessageOptions) : undefined;
      const recorded: Recorded = { message: text, options, items: rest.map((r) => (typeof r === 'string' ? r : (r as vscode.MessageItem).title)) };
      if (modal && options?.modal) {
        this.modals.push(recorded);
        const next = this.modalAnswers.shift();
        return typeof next === 'function' ? this.guard(() => next(recorded)) : next;
      }
      list.push(recorded);
      return undefined;
    };
    w.showWarningMessage = message(this.warnings, true);
    w.showInformationMessage = message(this.infos, true);
    w.showErrorMessage = message(this.errors, true);
  }

  input(...answers: Answer<[vscode.InputBoxOptions], string | undefined>[]): this {
    this.inputAnswers.push(...answers);
    return this;
  }

  pick(...answers: PickAnswer[]): this {
    this.pickAnswers.push(...answers);
    return this;
  }

  /** Answers the next modal with this button (undefined = Cancel). */
  modal(...answers: Answer<[Recorded], string | undefined>[]): this {
    this.modalAnswers.push(...answers);
    return this;
  }

  private guard<T>(answer: () => T): T {
    try {
      return answer();
    } catch (error) {
      this.failure ??= error;
      throw error;
    }
  }

  /** Fails when an answer's assertion failed, or a queued answer was not used (the command asked less than expected). */
  assertDrained(): void {
    if (this.failure) throw this.failure;
    const left = this.inputAnswers.length + this.pickAnswers.length + this.modalAnswers.length;
    if (left) throw new Error(`${left} scripted answer(s) were not asked for (inputs ${this.inputAnswers.length}, picks ${this.pickAnswers.length}, modals ${this.modalAnswers.length})`);
  }

  restore(): void {
    Object.assign(vscode.window, this.originals);
  }
}

/** Picks the item whose label is `label` (throws with what was offered otherwise). */
export function byLabel(label: string) {
  return (items: readonly vscode.QuickPickItem[]) => {
    const item = items.find((i) => i.label === label);
    if (!item) throw new Error(`no item "${label}" among ${items.map((i) => i.label).join(', ')}`);
    return item;
  };
}

// ---------------------------------------------------------------------------------------------
// Waiting on the model

/** Resolves once the instance's package state satisfies `predicate` (checked now and on each change). */
export function waitForPackages(api: TestApi, connectionId: string, predicate: (state: PackagesState) => boolean, timeoutMs = 20_000): Promise<PackagesState> {
  const model = api.deps.packages;
  if (predicate(model.state(connectionId))) return Promise.resolve(model.state(connectionId));
  void model.ensureLoaded(connectionId);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the packages of ${connectionId}; last state ${JSON.stringify(model.state(connectionId))}`));
    }, timeoutMs);
    const subscription = model.onDidChange((id) => {
      if (id !== connectionId || !predicate(model.state(id))) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(model.state(id));
    });
  });
}

export const loadedWith = (...names: string[]) => (state: PackagesState) =>
  state.kind === 'loaded' && names.every((n) => state.packages.some((p) => p.name === n));
export const loadedWithout = (...names: string[]) => (state: PackagesState) =>
  state.kind === 'loaded' && names.every((n) => !state.packages.some((p) => p.name === n));

/** The tree's rows under an instance, as the view would render them (label — description). */
export async function treeRows(api: TestApi, connectionId: string): Promise<string[]> {
  const roots = await api.tree.getChildren();
  const instance = roots.find((n) => n.type === 'instance' && n.connection.id === connectionId);
  if (!instance) throw new Error(`instance ${connectionId} is not in the tree (${roots.map((r) => r.label).join(', ')})`);
  const children = await api.tree.getChildren(instance);
  return children.map((c) => `${c.type}: ${String(typeof c.label === 'string' ? c.label : c.label?.label)}${c.description ? ` — ${String(c.description)}` : ''}`);
}
