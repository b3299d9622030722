/** A fake terminal for the CLI's prompts: scripted answers, everything shown collected. */
import { PassThrough, Writable } from 'node:stream';
import type { Io } from '../../../cli/src/io';

/** A terminal whose user types `answers[i]` after the i-th prompt; everything shown is in `shown`. */
export function fakeTerminal(answers: string[], env: Record<string, string> = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(raw: boolean) {
    stdin.rawModes.push(raw);
    return stdin;
  } });
  let shown = '';
  const stderr = new Writable({
    write(chunk, _enc, done) {
      const text = String(chunk);
      shown += text;
      // A prompt ends with ": " (or "] "); answer it once it has been written.
      if (/[:\]] $/.test(text) && answers.length) {
        const answer = answers.shift()!;
        setImmediate(() => stdin.write(answer));
      }
      done();
    },
  });
  const io: Io = { stdin, stdout: new PassThrough(), stderr, env, interactive: true };
  return { io, stdin, shown: () => shown };
}

