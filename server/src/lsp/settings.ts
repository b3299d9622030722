/**
 * Server settings pulled from the client (`workspace/configuration`, section `sinas`), normalised,
 * and re-pulled on `workspace/didChangeConfiguration`. Listeners hear about every change, so the
 * analyses can be dropped and the diagnostics re-published with the new severities and limits.
 */
import { DidChangeConfigurationNotification, type ClientCapabilities, type Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type SinasSettings } from '../protocol/settings';
import type { SeverityOverrides } from './convert';

/** What the server's parts read: the settings in the units they use. */
export interface ServerSettings {
  delayMs: number;
  typingPauseMs: number;
  severity: SeverityOverrides;
  maxLength: number;
  maxFindings: number;
  workspaceDiagnostics: boolean;
  maxWorkspaceFiles: number;
}

export function toServerSettings(settings: SinasSettings): ServerSettings {
  // YAML syntax errors turned off (another YAML server reports them) are one more severity
  // override, unless the user chose a level for the code explicitly.
  const hideSyntax = settings.validation.yamlSyntax === 'off' && !('yaml-syntax' in settings.diagnostics.severity);
  return {
    delayMs: settings.validation.delayMs,
    typingPauseMs: settings.validation.typingPauseMs,
    severity: hideSyntax ? { ...settings.diagnostics.severity, 'yaml-syntax': 'off' } : settings.diagnostics.severity,
    maxLength: settings.validation.maxFileSizeKb * 1024,
    maxFindings: settings.diagnostics.maxProblems,
    workspaceDiagnostics: settings.workspaceDiagnostics.enabled,
    maxWorkspaceFiles: settings.workspaceDiagnostics.maxFiles,
  };
}

export class SettingsService {
  current: ServerSettings = toServerSettings(DEFAULT_SETTINGS);
  private canPull = false;
  private canRegister = false;
  private readonly listeners: ((next: ServerSettings, previous: ServerSettings) => void)[] = [];
  /** Told of every didChangeConfiguration (after the settings were read again), also for sections they do not hold (files.exclude). */
  private readonly notified: (() => void)[] = [];
  /** Bumped per refresh, so a slow pull never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly connection: Connection) {
    connection.onDidChangeConfiguration(async (params) => {
      await this.refresh(params.settings);
      for (const listener of this.notified) listener();
    });
  }

  /** What a client that cannot be asked sent in `initializationOptions` (Sublime LSP, Kate and others pass settings there). */
  private initial: unknown;

  /** Called from onInitialize with what the client supports. */
  initialize(capabilities: ClientCapabilities, initializationOptions?: unknown): void {
    this.canPull = !!capabilities.workspace?.configuration;
    this.canRegister = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    this.initial = initializationOptions;
  }

  /** Called from onInitialized: ask for change notifications and read the settings once. */
  async start(): Promise<void> {
    if (this.canRegister) await this.connection.client.register(DidChangeConfigurationNotification.type, { section: ['sinas', 'files.exclude'] }).catch(() => undefined);
    await this.refresh(this.initial);
  }

  /** The editor's `files.exclude` for a folder (workspace diagnostics skip those files), when the client can be asked. */
  async filesExclude(folderUri: string): Promise<unknown> {
    if (!this.canPull) return undefined;
    return this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' }).catch(() => undefined);
  }

  onDidNotify(listener: () => void): void {
    this.notified.push(listener);
  }

  onDidChange(listener: (next: ServerSettings, previous: ServerSettings) => void): void {
    this.listeners.push(listener);
  }

  /** Pulls the `sinas` section (or uses what a push-only client sent) and applies it. */
  async refresh(pushed?: unknown): Promise<void> {
    const generation = ++this.generation;
    let raw: unknown;
    try {
      raw = this.canPull ? await this.connection.workspace.getConfiguration('sinas') : (pushed as { sinas?: unknown } | undefined)?.sinas;
    } catch (error) {
      this.connection.console.error(`Could not read the sinas settings: ${String(error)}`);
      return;
    }
    if (generation !== this.generation) return;
    const previous = this.current;
    this.current = toServerSettings(normalizeSettings(raw));
    if (JSON.stringify(previous) === JSON.stringify(this.current)) return;
    for (const listener of this.listeners) listener(this.current, previous);
  }
}
