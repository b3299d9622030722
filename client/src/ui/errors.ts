/**
 * One message per failed API call, with the action that fixes it: "Set API Key" for a rejected
 * key, "Retry" for network trouble and server errors, "Show Problems" when the server's
 * validation errors were put on the YAML, and always "Show Log". Cancellation is not an error.
 */
import * as vscode from 'vscode';
import { isSinasApiError } from '../../../api/src';
import { COMMANDS } from '../commands/ids';
import type { Connection } from '../connections/types';
import type { Log } from '../logging/output';
import type { Host } from './host';

export interface ErrorContext {
  host: Host;
  log: Log;
  connection?: Connection;
  /** Runs the failed action again when the user picks "Retry". */
  retry?: () => unknown;
  /** Prefixed to the sentence, e.g. "Install failed". */
  what?: string;
}

export function showApiError(ctx: ErrorContext, error: unknown): void {
  if (isSinasApiError(error, 'cancelled')) {
    ctx.log.info(`${ctx.what ?? 'Request'} cancelled.`);
    return;
  }
  const actions: Record<string, () => unknown> = {};
  let sentence: string;
  if (isSinasApiError(error)) {
    sentence = error.message;
    if (error.kind === 'auth' && ctx.connection?.source === 'stored') actions['Set API Key'] = () => vscode.commands.executeCommand(COMMANDS.setApiKey, ctx.connection!.id);
    if (error.kind === 'validation' && error.items.length > 0) actions['Show Problems'] = () => vscode.commands.executeCommand('workbench.actions.view.problems');
    if (error.retryable || ['unreachable', 'timeout', 'server'].includes(error.kind)) {
      if (ctx.retry) actions.Retry = ctx.retry;
    }
    ctx.log.error(`${ctx.what ? `${ctx.what}: ` : ''}${error.describe()}`);
  } else {
    sentence = `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    ctx.log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  actions['Show Log'] = () => ctx.log.show(true);
  const text = `${ctx.what ? `${ctx.what}: ` : ''}${sentence}`;
  void ctx.host.showErrorMessage(text, ...Object.keys(actions)).then((choice) => {
    if (choice) void actions[choice]();
  });
}
