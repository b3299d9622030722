/** Long calls run under a cancellable notification; cancelling aborts the HTTP request. */
import * as vscode from 'vscode';
import { withDelayedProgress, type Report } from './delayed-progress';
import type { Host } from './host';

export function withProgress<T>(host: Host, title: string, task: (signal: AbortSignal, report: Report) => Promise<T>): Promise<T> {
  return withDelayedProgress(
    (shownTitle, done, hooks) => {
      void host.withProgress({ location: vscode.ProgressLocation.Notification, title: shownTitle, cancellable: true }, (progress, token) => {
        const subscription = token.onCancellationRequested(() => hooks.onCancel());
        hooks.attach((message) => progress.report({ message }));
        return done.finally(() => subscription.dispose());
      });
    },
    title,
    task,
  );
}
