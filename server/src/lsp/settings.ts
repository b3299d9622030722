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
}

export function toServerSettings(settings: SinasSettings): ServerSettings {
  return {
    delayMs: settings.validation.delayMs,
    typingPauseMs: settings.validation.typingPauseMs,
    severity: settings.diagnostics.severity,
    maxLength: settings.validation.maxFileSizeKb * 1024,
    maxFindings: settings.diagnostics.maxProblems,
  };
}

export class SettingsService {
  current: ServerSettings = toServerSettings(DEFAULT_SETTINGS);
  private canPull = false;
  private canRegister = false;
  private readonly listeners: ((next: ServerSettings, previous: ServerSettings) => void)[] = [];
  /** Bumped per refresh, so a slow pull never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly connection: Connection) {
    connection.onDidChangeConfiguration((params) => void this.refresh(params.settings));
  }

  /** Called from onInitialize with what the client supports. */
  initialize(capabilities: ClientCapabilities): void {
    this.canPull = !!capabilities.workspace?.configuration;
    this.canRegister = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  }

  /** Called from onInitialized: ask for change notifications and read the settings once. */
  async start(): Promise<void> {
    if (this.canRegister) await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'sinas' }).catch(() => undefined);
    await this.refresh();
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
