/**
 * Terminal prompts on stderr (stdout stays clean for data). Secret input is read in raw mode so
 * nothing is echoed; the value is returned to the caller and never written anywhere.
 */
import { createInterface } from 'node:readline';
import type { Io } from './io';

export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export async function ask(io: Io, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  let onClose = () => {};
  try {
    return await new Promise<string>((resolve, reject) => {
      onClose = () => reject(new PromptCancelled());
      rl.once('SIGINT', onClose);
      rl.once('close', onClose);
      rl.question(question, resolve);
    });
  } finally {
    // Only our own listener: readline detaches from stdin in its own 'close' handler.
    rl.off('close', onClose);
    rl.close();
  }
}

export async function confirm(io: Io, question: string): Promise<boolean> {
  return /^y(es)?$/i.test((await ask(io, `${question} [y/N] `)).trim());
}

/** Reads a line without echoing it (raw mode); Ctrl-C cancels, backspace edits. */
export function askSecret(io: Io, question: string): Promise<string> {
  const { stdin, stderr } = io;
  stderr.write(question);
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const wasRaw = (stdin as { isRaw?: boolean }).isRaw ?? false;
    stdin.setRawMode?.(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onEnd = () => done(new PromptCancelled());
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new PromptCancelled());
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
    stdin.once('end', onEnd);
  });
}
