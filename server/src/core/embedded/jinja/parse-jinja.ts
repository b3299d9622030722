/**
 * Jinja2 as Sinas renders agent prompts, templates and status templates, parsed with minijinja
 * (Armin Ronacher's Rust implementation of Jinja2's syntax, as WebAssembly). Only the syntax is
 * checked; names, filters and tests are runtime matters. Positions are offsets into the source.
 *
 * Known differences from Jinja2 3.1 (measured in the README): minijinja rejects an integer
 * attribute (`x.0`), which Jinja2 reads as `x[0]`, so `.<digit>` after a name is read as `_`
 * first; it accepts `{% do %}`, which Jinja2 only knows with an extension.
 */
import type { EmbeddedProblem } from '../embedded-text';

export interface JinjaParser {
  /** The first syntax error, if any. */
  parse(source: string): EmbeddedProblem | undefined;
}

interface MiniJinja {
  Environment: new () => { addTemplate(name: string, source: string): void; removeTemplate(name: string): void };
}

const NAME = 'sinas';

export async function createJinjaParser(): Promise<JinjaParser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Environment } = require('minijinja-js') as MiniJinja;
  const env = new Environment();
  return {
    parse(source) {
      try {
        env.addTemplate(NAME, source.replace(/([\w\])])\.(\d)/g, '$1_$2'));
        env.removeTemplate(NAME);
        return undefined;
      } catch (error) {
        return problemOf(source, String((error as Error)?.message ?? error));
      }
    },
  };
}

/** Reads minijinja's report: "syntax error: … (in name:LINE)", then the source line and a caret line. */
function problemOf(source: string, report: string): EmbeddedProblem {
  const lines = report.split('\n');
  const head = /^(.*?)(?: \(in [^:()]*:(\d+)\))?$/.exec(lines[0]) ?? [lines[0], lines[0], undefined];
  const message = head[1].replace(/^syntax error: /, '');
  const lineNumber = head[2] ? Number(head[2]) - 1 : 0;
  const marked = lines.findIndex((l) => /^\s*\d+ > /.test(l));
  let column = 0;
  let width = 1;
  if (marked >= 0 && lines[marked + 1]) {
    const prefix = lines[marked].indexOf('> ') + 2;
    const carets = /\^+/.exec(lines[marked + 1]);
    if (carets) {
      column = Math.max(0, carets.index - prefix);
      width = carets[0].length;
    }
  }
  let start = 0;
  for (let i = 0; i < lineNumber && start !== -1; i++) start = source.indexOf('\n', start) + 1 || -1;
  if (start < 0) start = source.length;
  start = Math.min(start + column, source.length);
  return { start, end: start + width, message: `${message[0]?.toUpperCase() ?? ''}${message.slice(1)}`, reachesEnd: /end of (?:input|comment|raw)|unclosed|missing end/i.test(message) };
}
