/**
 * What an edit costs, counted rather than timed (speed itself is measured by `npm run bench`):
 * a one-character edit inside one item re-parses that item's chunk only, runs the item and scoped
 * rules on that item only (scoped ones also around the items) and no header rule, never reads the
 * whole text, moves the chunks after it by their runs (not one by one) and rewrites no stored line
 * start after it — the same work in a 2,000-line package as in a 20,000-line one. So does an edit
 * inside one entry of the package header (its version), which runs the header rules again but no
 * rule on any item.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { Chunk, DocumentParser } from '../../../server/src/core/parse/parse-document';
import { DOCUMENT_RULES, HEADER_RULES, ITEM_RULES, SCOPED_RULES } from '../../../server/src/core/rules';
import type { TextSource } from '../../../server/src/core/text/text-source';
import { generatePackage } from '../../support/generate-package';

type Kind = 'item' | 'scoped' | 'header' | 'document';
const RULES: [Kind, readonly { check(ctx: never): void }[]][] = [
  ['item', ITEM_RULES],
  ['scoped', SCOPED_RULES],
  ['header', HEADER_RULES],
  ['document', DOCUMENT_RULES],
];

interface Work {
  parsedChunks: number;
  wholeTextReads: number;
  rules: Record<Kind, number>;
  /** Chunks given a new start (the edited one's run; later runs move by one shift each). */
  chunksMoved: number;
  /** Stored line starts rewritten (an edit inside one line: none, the lines after it shift lazily). */
  lineStartsRewritten: number;
}

/** Counts the chunk starts set while `run` runs (a chunk read on its own sets its start twice, which is counted too). */
function countingMoves<T>(run: () => T): { result: T; moves: number } {
  const accessor = Object.getOwnPropertyDescriptor(Chunk.prototype, 'base')!;
  let moves = 0;
  Object.defineProperty(Chunk.prototype, 'base', {
    ...accessor,
    set(this: Chunk, value: number) {
      moves++;
      accessor.set!.call(this, value);
    },
  });
  try {
    return { result: run(), moves };
  } finally {
    Object.defineProperty(Chunk.prototype, 'base', accessor);
  }
}

/** Counts rule runs while `run` runs. */
function countingRules<T>(run: () => T): { result: T; rules: Record<Kind, number> } {
  const rules: Record<Kind, number> = { item: 0, scoped: 0, header: 0, document: 0 };
  const restore: (() => void)[] = [];
  for (const [kind, list] of RULES) {
    for (const rule of list) {
      const check = rule.check;
      rule.check = (ctx: never) => {
        rules[kind]++;
        check.call(rule, ctx);
      };
      restore.push(() => (rule.check = check));
    }
  }
  try {
    return { result: run(), rules };
  } finally {
    for (const r of restore) r();
  }
}

/** The work of typing `edits` characters, one per version, after `marker` (by default in the description of one function). */
function workPerEdit(lines: number, edits: number, marker = 'Fetches item 7'): Work[] {
  // A marker may end with its line break (to tell `fetch_item_7` from `fetch_item_70`): typing goes before it.
  return workOfTyping(lines, marker, Array.from({ length: edits }, () => 'x'), false);
}

/**
 * The work of typing `pieces`, one per version, after `marker`: each at the marker (`append`
 * false: before what was typed) or after what was typed (`append` true).
 */
function workOfTyping(lines: number, marker: string, pieces: string[], append: boolean): Work[] {
  let text = generatePackage(lines);
  const parser = new DocumentParser();
  analyze(text, { parser });
  const out: Work[] = [];
  let typed = '';
  for (const piece of pieces) {
    const at = text.indexOf(marker) + marker.replace(/\n$/, '').length + (append ? typed.length : 0);
    typed += piece;
    text = text.slice(0, at) + piece + text.slice(at);
    // As the language server hands it over: the edit, and the text only on request.
    parser.noteChange(at, at, piece);
    let wholeTextReads = 0;
    const current = text;
    const source: TextSource = {
      length: current.length,
      read: () => {
        wholeTextReads++;
        return current;
      },
      // What the server's document offers too: a few characters without the whole text.
      slice: (start, end) => current.slice(start, end),
    };
    const stored = storedLineStarts(parser);
    const {
      result: { result, rules },
      moves,
    } = countingMoves(() => countingRules(() => analyze(source, { parser })));
    const after = storedLineStarts(parser);
    let lineStartsRewritten = 0;
    for (let k = 0; k < stored.length; k++) if (stored[k] !== after[k]) lineStartsRewritten++;
    out.push({ parsedChunks: result.stats.parsedChunks, wholeTextReads, rules, chunksMoved: moves, lineStartsRewritten });
  }
  return out;
}

/** A copy of the parser's stored line starts (what an edit rewrites shows as a difference). */
function storedLineStarts(parser: DocumentParser): Int32Array {
  const lines = (parser as unknown as { lines: { start: { values: Int32Array } } }).lines;
  return lines.start.values.slice();
}

describe('edit cost (counted work, not time)', () => {
  it('re-examines only the edited item, the same in a 2,000-line as in a 20,000-line package', () => {
    const small = workPerEdit(2_000, 5);
    const large = workPerEdit(20_000, 5);
    for (const work of large) {
      assert.equal(work.parsedChunks, 1, 'one chunk re-parsed');
      assert.equal(work.wholeTextReads, 0, 'the whole text is never built');
      assert.equal(work.rules.header, 0, 'header rules are kept');
      assert.ok(work.rules.item > 0 && work.rules.item <= ITEM_RULES.length, `item rules for one item only (${work.rules.item})`);
      // The edited item, and the text around the items (its uses are kept from the last version).
      assert.ok(work.rules.scoped <= 2 * SCOPED_RULES.length, `scoped rules for one item only (${work.rules.scoped})`);
      assert.ok(work.chunksMoved < 100, `chunks moved one by one: ${work.chunksMoved}`);
      assert.equal(work.lineStartsRewritten, 0, 'no stored line start rewritten');
    }
    assert.deepEqual(large, small);
  });

  it('re-checks only the declaration typed in when its default changes, or its type and only code uses it, not the items that use it', () => {
    for (const lines of [2_000, 20_000]) {
      // LOG_LEVEL and APP_URL are used in every function's code (a string whatever they become).
      for (const work of [...workPerEdit(lines, 3, 'default: info'), ...workPerEdit(lines, 3, 'type: text')]) {
        assert.equal(work.parsedChunks, 1, 'one chunk re-parsed');
        assert.ok(work.rules.item > 0 && work.rules.item <= ITEM_RULES.length, `item rules for one item only (${work.rules.item})`);
        assert.ok(work.rules.scoped <= 2 * SCOPED_RULES.length, `scoped rules run again at ${lines} lines: ${work.rules.scoped}`);
      }
    }
  });

  it('re-checks only the items that looked a name up when an item is renamed', () => {
    for (const lines of [2_000, 20_000]) {
      // Nothing refers to an agent: only the agent typed in.
      for (const work of workPerEdit(lines, 3, 'name: helper-7\n')) assert.ok(work.rules.scoped <= 2 * SCOPED_RULES.length, `agent renamed at ${lines} lines: ${work.rules.scoped} scoped rule runs`);
      // Agent 7 enables function 7: the function, that agent and the text around the items.
      for (const work of workPerEdit(lines, 3, 'name: fetch_item_7\n')) assert.ok(work.rules.scoped <= 3 * SCOPED_RULES.length, `function renamed at ${lines} lines: ${work.rules.scoped} scoped rule runs`);
    }
  });

  it('never builds the whole text while a new key is typed in an item (a word without its colon yet, then with it)', () => {
    // The new line `      desc` is a key being typed until its `:`: the parse reads the word as blanks.
    const pieces = ['\n      d', 'e', 's', 'c', ':', ' x'];
    const small = workOfTyping(2_000, 'Fetches item 7 from the app', pieces, true);
    const large = workOfTyping(20_000, 'Fetches item 7 from the app', pieces, true);
    for (const work of large) {
      assert.equal(work.wholeTextReads, 0, 'the whole text is never built');
      assert.ok(work.parsedChunks <= 2, `the item's chunk, read twice at most (${work.parsedChunks})`);
      assert.equal(work.rules.header, 0, 'header rules are kept');
    }
    // The new line moves the stored starts of the lines after it one place on (one copy of the array).
    const same = (works: Work[]) => works.map(({ lineStartsRewritten, ...work }) => work);
    assert.deepEqual(same(large), same(small));
  });

  it('runs no rule on an item again and never builds the whole text after an edit in the package header (its description)', () => {
    for (const lines of [2_000, 20_000]) {
      for (const work of workPerEdit(lines, 3, 'A generated package for benchmarks')) {
        assert.equal(work.rules.item, 0, `item rules run again at ${lines} lines`);
        // Around the items only: the header and the text outside them.
        assert.ok(work.rules.scoped <= SCOPED_RULES.length, `scoped rules run again at ${lines} lines: ${work.rules.scoped}`);
        assert.equal(work.parsedChunks, 1, 'one chunk re-parsed');
        assert.equal(work.wholeTextReads, 0, 'the whole text is never built');
      }
    }
  });
});
