/**
 * Python's `re` syntax, read as CPython 3.11's `sre_parse` reads it (the Sinas backend runs
 * Python 3.11): a pattern `re.compile` rejects gets Python's own message, anything else becomes
 * a small tree that to-re2.ts turns into RE2 syntax. One pass over the code points, so linear in
 * the pattern's length. Constructs RE2 cannot run (backreferences, lookaround, conditionals,
 * atomic groups, possessive repeats) are parsed and checked like the rest and kept as `opaque`.
 */
import { Cursor, PatternSyntaxError } from './cursor';
import { CATEGORIES, characterSet, ESCAPES, hexEscape, isDigit, isOct, plainEscape, UnsupportedFlag } from './escapes';
import { MAXREPEAT, repeatWidth, width, type Anchor, type Category, type Flags, type RegexNode, type Width } from './tree';


export { PatternSyntaxError };
export { UnsupportedFlag, UnsupportedName } from './escapes';

const SPECIAL = new Set('.\\[{()*+?^$|');
const FLAG_LETTERS = new Set('iLmsxatu');
const AT_ESCAPES: Record<string, Anchor> = { A: 'beginString', Z: 'endString', b: 'boundary', B: 'nonBoundary' };
const isIdentifier = (name: string) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name);

interface GroupState {
  /** Widths of closed groups by number; undefined while a group is open. */
  widths: (Width | undefined)[];
  names: Map<string, number>;
  /** First group number opened inside the innermost lookbehind being parsed. */
  lookbehindGroups?: number;
  /** Numbered conditional references, checked once all groups are known. */
  conditionalRefs: { group: number; at: number }[];
}

export interface ParsedPattern {
  branches: RegexNode[][];
  flags: Flags;
}

/** Parses `pattern` or throws `PatternSyntaxError` with the message Python's `re.error` would give. */
export function parsePythonPattern(pattern: string): ParsedPattern {
  const src = new Cursor(pattern);
  const flags: Flags = { i: false, m: false, s: false, x: false, a: false };
  const groups: GroupState = { widths: [[0, 0]], names: new Map(), conditionalRefs: [] };
  const parser = new Parser(src, groups, flags);
  const branches = parser.alternation(flags, 0);
  if (src.next !== undefined) throw src.error('unbalanced parenthesis');
  for (const ref of groups.conditionalRefs) {
    if (ref.group >= groups.widths.length) throw new PatternSyntaxError(`invalid group reference ${ref.group}`, ref.at);
  }
  return { branches, flags: parser.globalFlags };
}

class Parser {
  constructor(
    private readonly src: Cursor,
    private readonly groups: GroupState,
    readonly globalFlags: Flags,
  ) {}

  alternation(flags: Flags, nested: number): RegexNode[][] {
    const branches: RegexNode[][] = [];
    for (;;) {
      branches.push(this.sequence(flags, nested + 1, nested === 0 && branches.length === 0));
      if (!this.src.match('|')) return branches;
    }
  }

  private sequence(flags: Flags, nested: number, first: boolean): RegexNode[] {
    const src = this.src;
    const items: RegexNode[] = [];
    for (;;) {
      const token = src.next;
      if (token === undefined || token === '|' || token === ')') return items;
      src.advance();
      if (flags.x && /^[ \t\n\r\v\f]$/.test(token)) continue;
      if (flags.x && token === '#') {
        while (src.next !== undefined && src.advance() !== '\n');
        continue;
      }
      if (token.length === 2) items.push(this.escape(token, flags));
      else if (!SPECIAL.has(token)) items.push({ kind: 'literal', cp: token.codePointAt(0)!, flags });
      else if (token === '[') items.push(characterSet(this.src, flags));
      else if (token === '.') items.push({ kind: 'any', flags });
      else if (token === '^') items.push({ kind: 'at', at: 'begin', flags });
      else if (token === '$') items.push({ kind: 'at', at: 'end', flags });
      else if (token === '(') {
        const group = this.group(flags, nested, first && items.length === 0);
        // Global flags (only at the very start) were set on the shared object `flags` still is.
        if (group && group !== 'flags') items.push(group);
      } else this.repeat(token, items, flags);
    }
  }

  /** `*`, `+`, `?` or `{m,n}` after an item (a `{` that is not a repeat is a literal). */
  private repeat(token: string, items: RegexNode[], flags: Flags): void {
    const src = this.src;
    const here = src.pos;
    let min = 0;
    let max = MAXREPEAT;
    if (token === '?') max = 1;
    else if (token === '+') min = 1;
    else if (token === '{') {
      if (src.next === '}') return void items.push({ kind: 'literal', cp: 123, flags });
      let lo = '';
      let hi = '';
      while (isDigit(src.next)) lo += src.advance();
      if (src.match(',')) while (isDigit(src.next)) hi += src.advance();
      else hi = lo;
      if (!src.match('}')) {
        src.seek(here);
        return void items.push({ kind: 'literal', cp: 123, flags });
      }
      if (lo) min = Number(lo);
      if (hi) max = Number(hi);
      if ((lo && min >= MAXREPEAT) || (hi && max >= MAXREPEAT)) throw new PatternSyntaxError('the repetition number is too large');
      if (max < min) throw src.error('min repeat greater than max repeat', src.pos - here);
    }
    const item = items[items.length - 1];
    if (!item || item.kind === 'at') throw src.error('nothing to repeat', src.pos - here + 1);
    if (item.kind === 'repeat') throw src.error('multiple repeat', src.pos - here + 1);
    const lazy = src.match('?');
    if (!lazy && src.match('+')) {
      items[items.length - 1] = { kind: 'opaque', construct: 'a possessive repeat', width: repeatWidth(width(item), min, max) };
      return;
    }
    items[items.length - 1] = { kind: 'repeat', item, min, max, lazy };
  }

  /** After `(`: a group, a comment, lookaround, a conditional, or inline flags (`'flags'`). */
  private group(flags: Flags, nested: number, first: boolean): RegexNode | 'flags' | undefined {
    const src = this.src;
    const start = src.pos - 1;
    let name: string | undefined;
    let capture = true;
    let atomic = false;
    let inner = flags;
    if (src.match('?')) {
      const char = src.advance();
      if (char === undefined) throw src.error('unexpected end of pattern');
      if (char === 'P') {
        if (src.match('<')) {
          name = this.groupName('>');
        } else if (src.match('=')) {
          const ref = this.groupName(')');
          const gid = this.groups.names.get(ref);
          if (gid === undefined) throw src.error(`unknown group name '${ref}'`, ref.length + 1);
          this.checkReference(gid, ref.length + 1);
          return { kind: 'opaque', construct: 'a backreference', width: this.groups.widths[gid]! };
        } else {
          const next = src.advance();
          if (next === undefined) throw src.error('unexpected end of pattern');
          throw src.error(`unknown extension ?P${next}`, next.length + 2);
        }
      } else if (char === ':') {
        capture = false;
      } else if (char === '#') {
        for (;;) {
          if (src.next === undefined) throw src.error('missing ), unterminated comment', src.pos - start);
          if (src.advance() === ')') return undefined;
        }
      } else if (char === '=' || char === '!' || char === '<') {
        return this.lookaround(char, flags, nested, start);
      } else if (char === '(') {
        return this.conditional(flags, nested, start);
      } else if (char === '>') {
        capture = false;
        atomic = true;
      } else if (FLAG_LETTERS.has(char) || char === '-') {
        const scoped = this.inlineFlags(char);
        if (!scoped) {
          if (!first) throw src.error('global flags not at the start of the expression', src.pos - start);
          return 'flags';
        }
        inner = { ...flags };
        for (const f of scoped.on) inner[f] = true;
        for (const f of scoped.off) inner[f] = false;
        capture = false;
      } else {
        throw src.error(`unknown extension ?${char}`, char.length + 1);
      }
    }
    let gid: number | undefined;
    if (capture) {
      if (name !== undefined) {
        const previous = this.groups.names.get(name);
        if (previous !== undefined) {
          throw src.error(`redefinition of group name '${name}' as group ${this.groups.widths.length}; was group ${previous}`, name.length + 1);
        }
        this.groups.names.set(name, this.groups.widths.length);
      }
      gid = this.groups.widths.length;
      this.groups.widths.push(undefined);
    }
    const branches = this.alternation(inner, nested + 1);
    if (!src.match(')')) throw src.error('missing ), unterminated subpattern', src.pos - start);
    const node: RegexNode = { kind: 'group', branches };
    if (gid !== undefined) this.groups.widths[gid] = width(node);
    return atomic ? { kind: 'opaque', construct: 'an atomic group', width: width(node) } : node;
  }

  private lookaround(char: string, flags: Flags, nested: number, start: number): RegexNode {
    const src = this.src;
    let behind = false;
    if (char === '<') {
      const next = src.advance();
      if (next === undefined) throw src.error('unexpected end of pattern');
      if (next !== '=' && next !== '!') throw src.error(`unknown extension ?<${next}`, next.length + 2);
      behind = true;
    }
    const outer = this.groups.lookbehindGroups;
    if (behind && outer === undefined) this.groups.lookbehindGroups = this.groups.widths.length;
    const branches = this.alternation(flags, nested + 1);
    if (behind && outer === undefined) this.groups.lookbehindGroups = undefined;
    if (!src.match(')')) throw src.error('missing ), unterminated subpattern', src.pos - start);
    if (behind) {
      const [lo, hi] = width({ kind: 'group', branches });
      if (lo !== hi) throw new PatternSyntaxError('look-behind requires fixed-width pattern');
    }
    return { kind: 'opaque', construct: behind ? 'a lookbehind' : 'a lookahead', width: [0, 0] };
  }

  private conditional(flags: Flags, nested: number, start: number): RegexNode {
    const src = this.src;
    const at = src.pos;
    const condition = src.until(')', 'group name');
    let gid: number;
    if (isIdentifier(condition)) {
      const known = this.groups.names.get(condition);
      if (known === undefined) throw src.error(`unknown group name '${condition}'`, condition.length + 1);
      gid = known;
    } else {
      if (!/^[0-9]+$/.test(condition)) throw src.error(`bad character in group name '${condition}'`, condition.length + 1);
      gid = Number(condition);
      if (gid === 0) throw src.error('bad group number', condition.length + 1);
      if (gid >= 0x40000000) throw src.error(`invalid group reference ${gid}`, condition.length + 1);
      if (!this.groups.conditionalRefs.some((r) => r.group === gid)) this.groups.conditionalRefs.push({ group: gid, at });
    }
    this.checkLookbehindReference(gid, condition.length + 1);
    const yes = this.sequence(flags, nested + 1, false);
    let no: RegexNode[] | undefined;
    if (src.match('|')) {
      no = this.sequence(flags, nested + 1, false);
      if (src.next === '|') throw src.error('conditional backref with more than two branches');
    }
    if (!src.match(')')) throw src.error('missing ), unterminated subpattern', src.pos - start);
    const [yLo, yHi] = width({ kind: 'group', branches: [yes] });
    const [nLo, nHi] = no ? width({ kind: 'group', branches: [no] }) : [0, 0];
    return { kind: 'opaque', construct: 'a conditional group', width: [no ? Math.min(yLo, nLo) : 0, Math.max(yHi, nHi)] };
  }

  /** `(?aiLmsux)` (global: returns undefined) or `(?flags-flags:` (scoped). */
  private inlineFlags(first: string): { on: (keyof Flags)[]; off: (keyof Flags)[] } | undefined {
    const src = this.src;
    const on = new Set<string>();
    const off = new Set<string>();
    let char: string | undefined = first;
    if (char !== '-') {
      for (;;) {
        if (char === 'L') throw src.error("bad inline flags: cannot use 'L' flag with a str pattern");
        on.add(char);
        if (on.has('a') && on.has('u')) throw src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
        char = src.advance();
        if (char === undefined) throw src.error('missing -, : or )');
        if (char === ')' || char === '-' || char === ':') break;
        if (!FLAG_LETTERS.has(char)) throw src.error(/\p{L}/u.test(char) ? 'unknown flag' : 'missing -, : or )', char.length);
      }
    }
    if (char === ')') {
      if (on.has('t')) throw new UnsupportedFlag();
      for (const f of on) if (f in this.globalFlags) this.globalFlags[f as keyof Flags] = true;
      return undefined;
    }
    if (char === '-') {
      char = src.advance();
      if (char === undefined) throw src.error('missing flag');
      if (!FLAG_LETTERS.has(char)) throw src.error(/\p{L}/u.test(char) ? 'unknown flag' : 'missing flag', char.length);
      for (;;) {
        if ('aLu'.includes(char)) throw src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
        off.add(char);
        char = src.advance();
        if (char === undefined) throw src.error('missing :');
        if (char === ':') break;
        if (!FLAG_LETTERS.has(char)) throw src.error(/\p{L}/u.test(char) ? 'unknown flag' : 'missing :', char.length);
      }
    }
    if ([...on].some((f) => off.has(f))) throw src.error('bad inline flags: flag turned on and off', 1);
    if (on.has('t') || off.has('t')) throw new UnsupportedFlag();
    const known = (f: string): f is keyof Flags => 'imsxa'.includes(f);
    return { on: [...on].filter(known), off: [...off].filter(known) };
  }

  private groupName(terminator: string): string {
    const name = this.src.until(terminator, 'group name');
    if (!isIdentifier(name)) throw this.src.error(`bad character in group name '${name}'`, name.length + 1);
    return name;
  }

  private checkReference(gid: number, length: number): void {
    if (this.groups.widths[gid] === undefined) throw this.src.error('cannot refer to an open group', length);
    this.checkLookbehindReference(gid, length);
  }

  private checkLookbehindReference(gid: number, length: number): void {
    const inside = this.groups.lookbehindGroups;
    if (inside === undefined) return;
    if (gid >= this.groups.widths.length || this.groups.widths[gid] === undefined) throw this.src.error('cannot refer to an open group', length);
    if (gid >= inside) throw this.src.error('cannot refer to group defined in the same lookbehind subpattern', length);
  }

  /** A backslash escape outside a character set. */
  private escape(token: string, flags: Flags): RegexNode {
    const src = this.src;
    const c = token[1];
    if (c in AT_ESCAPES) return { kind: 'at', at: AT_ESCAPES[c], flags };
    if (CATEGORIES.has(c)) return { kind: 'set', negated: false, items: [{ kind: 'category', name: c as Category }], flags };
    if (c in ESCAPES) return { kind: 'literal', cp: ESCAPES[c], flags };
    const hex = hexEscape(this.src, token);
    if (hex !== undefined) return { kind: 'literal', cp: hex, flags };
    if (c === '0') {
      let digits = '';
      while (digits.length < 2 && isOct(src.next)) digits += src.advance();
      return { kind: 'literal', cp: parseInt(`0${digits}`, 8), flags };
    }
    if (isDigit(c)) {
      let escape = token;
      if (isDigit(src.next)) {
        escape += src.advance();
        if (isOct(escape[1]) && isOct(escape[2]) && isOct(src.next)) {
          escape += src.advance();
          const value = parseInt(escape.slice(1), 8);
          if (value > 0o377) throw src.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
          return { kind: 'literal', cp: value, flags };
        }
      }
      const gid = Number(escape.slice(1));
      if (gid < this.groups.widths.length) {
        this.checkReference(gid, escape.length);
        return { kind: 'opaque', construct: 'a backreference', width: this.groups.widths[gid]! };
      }
      throw src.error(`invalid group reference ${gid}`, escape.length - 1);
    }
    return { kind: 'literal', cp: plainEscape(this.src, token), flags };
  }

}



