/**
 * The token stream `sre_parse` reads: code points, a backslash together with the code point after
 * it. Positions are code-point offsets, as Python's messages count them.
 */

/** Python's `re.error`: the message and, when Python gives one, the position. */
export class PatternSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position?: number,
  ) {
    super(position === undefined ? reason : `${reason} at position ${position}`);
  }
}

export class Cursor {
  private readonly chars: string[];
  private index = 0;
  /** The token at `pos`, or undefined at the end. */
  next: string | undefined;
  /** Where `next` starts. */
  pos = 0;

  constructor(pattern: string) {
    this.chars = Array.from(pattern);
    this.load();
  }

  private load(): void {
    this.pos = this.index;
    const char = this.chars[this.index];
    if (char === undefined) {
      this.next = undefined;
      return;
    }
    if (char === '\\') {
      const escaped = this.chars[this.index + 1];
      if (escaped === undefined) throw new PatternSyntaxError('bad escape (end of pattern)', this.index);
      this.next = char + escaped;
      this.index += 2;
    } else {
      this.next = char;
      this.index += 1;
    }
  }

  /** Consumes and returns the current token. */
  advance(): string | undefined {
    const token = this.next;
    this.load();
    return token;
  }

  match(token: string): boolean {
    if (this.next !== token) return false;
    this.load();
    return true;
  }

  seek(pos: number): void {
    this.index = pos;
    this.load();
  }

  /** Tokens up to `terminator` (consumed, not returned), as sre's getuntil. */
  until(terminator: string, what: string): string {
    let result = '';
    for (;;) {
      const token = this.next;
      this.load();
      if (token === undefined) {
        if (!result) throw this.error(`missing ${what}`);
        throw this.error(`missing ${terminator}, unterminated name`, result.length);
      }
      if (token === terminator) {
        if (!result) throw this.error(`missing ${what}`, 1);
        return result;
      }
      result += token;
    }
  }

  error(reason: string, back = 0): PatternSyntaxError {
    return new PatternSyntaxError(reason, this.pos - back);
  }
}
