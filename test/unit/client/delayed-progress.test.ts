import assert from 'node:assert/strict';
import { withDelayedProgress, type Report, type ShowProgress } from '../../../client/src/ui/delayed-progress';

/** A notifier that records what it was asked to show, and lets a test cancel or await it. */
function fakeNotifier() {
  const shown: { title: string; messages: string[]; cancel(): void; done: Promise<unknown> }[] = [];
  let announce: () => void = () => undefined;
  const next = () => new Promise<void>((resolve) => (announce = resolve));
  const appeared = next();
  const show: ShowProgress = (title, done, hooks) => {
    const entry = { title, messages: [] as string[], cancel: hooks.onCancel, done };
    hooks.attach((message) => entry.messages.push(message));
    shown.push(entry);
    announce();
  };
  return { show, shown, appeared: () => appeared };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('client: progress notifications appear only for calls that take a while', () => {
  it('a call that finishes before the delay shows nothing', async () => {
    const notifier = fakeNotifier();
    const result = await withDelayedProgress(notifier.show, 'Sinas: previewing', async () => 'done', 50);
    assert.equal(result, 'done');
    // Longer than the delay: the timer was cleared, not merely not yet due.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(notifier.shown, []);
  });

  it('a slow call gets its notification, with the message reported before it appeared', async () => {
    const notifier = fakeNotifier();
    const gate = deferred<string>();
    let report!: Report;
    const running = withDelayedProgress(notifier.show, 'Sinas: installing', (_signal, r) => {
      report = r;
      r('sending');
      return gate.promise;
    }, 20);
    await notifier.appeared();
    assert.equal(notifier.shown.length, 1);
    assert.equal(notifier.shown[0].title, 'Sinas: installing');
    assert.deepEqual(notifier.shown[0].messages, ['sending'], 'the message so far is replayed');
    report('applying');
    assert.deepEqual(notifier.shown[0].messages, ['sending', 'applying']);
    gate.resolve('installed');
    assert.equal(await running, 'installed');
    await notifier.shown[0].done; // the notification closes when the call settles
  });

  it("cancelling the notification aborts the call's signal; a failure still closes it", async () => {
    const notifier = fakeNotifier();
    const running = withDelayedProgress(notifier.show, 'Sinas: previewing', (signal) =>
      new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))), 20);
    await notifier.appeared();
    notifier.shown[0].cancel();
    await assert.rejects(running, /aborted/);
    await notifier.shown[0].done;
  });
});
