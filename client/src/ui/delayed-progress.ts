/**
 * A notification for a call only once the call has run a while. A fast check, preview and install
 * would otherwise flash three progress toasts in a second, and VS Code drops any toast beyond three
 * within 800 ms into the notification center unseen — the install's result among them.
 * `vscode`-free so it can be tested with a fake notifier.
 */

/** How long a call runs before its progress notification appears (VS Code's own delayed progress is of this order). */
export const progressDelayMs = 500;

export type Report = (message: string) => void;

/** Shows a cancellable progress notification until `done` settles. */
export type ShowProgress = (title: string, done: Promise<unknown>, hooks: { onCancel(): void; attach(report: Report): void }) => void;

/**
 * Runs `task` at once; after `delayMs`, if it is still running, asks `show` for a notification,
 * replaying the last message reported so far. Cancelling the notification aborts the task's signal.
 */
export function withDelayedProgress<T>(show: ShowProgress, title: string, task: (signal: AbortSignal, report: Report) => Promise<T>, delayMs = progressDelayMs): Promise<T> {
  const controller = new AbortController();
  let latest: string | undefined;
  let forward: Report | undefined;
  const running = task(controller.signal, (message) => {
    latest = message;
    forward?.(message);
  });
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  const timer = setTimeout(() => {
    show(title, settled, {
      onCancel: () => controller.abort(),
      attach: (report) => {
        forward = report;
        if (latest !== undefined) report(latest);
      },
    });
  }, delayMs);
  void settled.then(() => clearTimeout(timer));
  return running;
}
