/**
 * A real LSP client for tests: spawns the built dist/server.js as a child process (stdio or
 * node-ipc) and speaks the protocol to it. Waits on notifications, never on timers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type Range,
} from 'vscode-languageserver-protocol/node';

import { PACKAGE_FACTS_NOTIFICATION, type PackageFactsParams } from '../../server/src/protocol/package-facts';

export const SERVER = join(__dirname, '../../dist/server.js');

export class TestLspClient {
  private readonly listeners = new Set<(p: PublishDiagnosticsParams) => void>();
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  private versions = new Map<string, number>();
  initializeResult?: InitializeResult;
  /** The latest `sinas/packageFacts` per document. */
  readonly facts = new Map<string, PackageFactsParams>();
  private readonly factsListeners = new Set<(p: PackageFactsParams) => void>();
  /** Methods the server registered dynamically (client/registerCapability). */
  readonly registrations: string[] = [];
  /** Sections the server asked for with workspace/configuration. */
  readonly configurationRequests: string[] = [];
  /** What `workspace/configuration` answers, by section (null when unset). */
  readonly configuration = new Map<string, unknown>();
  /** How long `workspace/configuration` takes to answer (a busy editor). */
  configurationDelayMs = 0;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      for (const l of this.listeners) l(params);
    });
    connection.onNotification(PACKAGE_FACTS_NOTIFICATION, (params: PackageFactsParams) => {
      this.facts.set(params.uri, params);
      for (const l of this.factsListeners) l(params);
    });
    connection.onRequest('workspace/configuration', async (params: { items: { section?: string }[] }) => {
      this.configurationRequests.push(...params.items.map((item) => item.section ?? ''));
      if (this.configurationDelayMs) await new Promise((resolve) => setTimeout(resolve, this.configurationDelayMs));
      return params.items.map((item) => (item.section !== undefined ? (this.configuration.get(item.section) ?? null) : null));
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      return null;
    });
    connection.listen();
  }

  /**
   * Starts our dist/server.js, or another LSP server script (the benchmark runs Red Hat's too).
   * `init` replaces parts of the initialize request: workspace folders, or the capabilities of
   * a client that is not VS Code; `configuration` answers its `workspace/configuration` requests
   * from the start; `execArgv` and `env` start its Node process as an editor would.
   */
  static async start(
    transport: 'stdio' | 'ipc' = 'stdio',
    initializationOptions?: unknown,
    server = SERVER,
    init: {
      workspaceFolders?: { uri: string; name: string }[];
      capabilities?: object;
      configuration?: Record<string, unknown>;
      configurationDelayMs?: number;
      execArgv?: readonly string[];
      env?: Readonly<Record<string, string>>;
    } = {},
  ): Promise<TestLspClient> {
    const flags = init.execArgv ?? [];
    const env = { ...process.env, ...init.env };
    const child =
      transport === 'stdio'
        ? spawn(process.execPath, [...flags, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env })
        : spawn(process.execPath, [...flags, server, '--node-ipc'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'], env });
    const connection =
      transport === 'stdio'
        ? createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
        : createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = new TestLspClient(child, connection);
    for (const [section, value] of Object.entries(init.configuration ?? {})) client.configuration.set(section, value);
    client.configurationDelayMs = init.configurationDelayMs ?? 0;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: init.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: init.workspaceFolders ?? null,
      capabilities: init.capabilities ?? {
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      },
      initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, languageId = 'yaml'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Tells the server that files changed on disk (type 1 created, 2 changed, 3 deleted). */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** Full-text change (the server also accepts incremental ones). */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Incremental change: each edit's range is in the text as it is after the edits before it. */
  edit(uri: string, edits: { range: Range; text: string }[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: edits });
    return version;
  }

  /**
   * An incremental change, as an editor sends a keystroke: `text` replaces `range` (in the
   * negotiated position encoding), or is inserted at its start when it has no end.
   */
  changeRange(uri: string, range: { start: Range['start']; end?: Range['end'] }, text: string): number {
    return this.edit(uri, [{ range: { start: range.start, end: range.end ?? range.start }, text }]);
  }

  /** Changes a settings section and tells the server, which pulls it again (as VS Code does). */
  setConfiguration(section: string, value: unknown): void {
    this.configuration.set(section, value);
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { [section]: value } });
  }

  /** Calls listener with every publishDiagnostics from now on. */
  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): void {
    this.listeners.add(listener);
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first diagnostics for uri (already received or upcoming) that satisfy the predicate. */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const current = this.latest.get(uri);
    if (current && predicate(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri))}`));
      }, timeoutMs);
      const listener = (p: PublishDiagnosticsParams) => {
        if (p.uri !== uri || !predicate(p)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(p);
      };
      this.listeners.add(listener);
    });
  }

  /** Resolves with the latest package facts for uri that satisfy the predicate (already received or upcoming). */
  waitForFacts(uri: string, predicate: (p: PackageFactsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PackageFactsParams> {
    const current = this.facts.get(uri);
    if (current && predicate(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.factsListeners.delete(listener);
        reject(new Error(`no matching package facts for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.facts.get(uri))}`));
      }, timeoutMs);
      const listener = (p: PackageFactsParams) => {
        if (p.uri !== uri || !predicate(p)) return;
        clearTimeout(timer);
        this.factsListeners.delete(listener);
        resolve(p);
      };
      this.factsListeners.add(listener);
    });
  }

  /** The next diagnostics published for uri (for servers that do not say which version they are for). */
  nextDiagnostics(uri: string, timeoutMs = 60_000): Promise<PublishDiagnosticsParams> {
    const seen = this.latest.get(uri);
    return this.waitForDiagnostics(uri, (p) => p !== seen, timeoutMs);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.process.kill('SIGKILL');
          resolve();
        }, 2000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
