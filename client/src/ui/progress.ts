/** Long calls run under a cancellable notification; cancelling aborts the HTTP request. */
import * as vscode from 'vscode';
import type { Host } from './host';

export type Report = (message: string) => void;

export function withProgress<T>(host: Host, title: string, task: (signal: AbortSignal, report: Report) => Promise<T>): Promise<T> {
  return Promise.resolve(
    host.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      return task(controller.signal, (message) => progress.report({ message })).finally(() => subscription.dispose());
    }),
  );
}
