/**
 * "Did you mean" candidates: a case-insensitive match first, then the closest by edit distance
 * within a limit. Near-linear however many names there are: a small set is scanned, a large one
 * is indexed once (sorted by prefix and by suffix, since one typo leaves the text before or after
 * it intact) and only the few names nearest the word in either order are measured, each with a
 * distance that stops as soon as it exceeds the limit. Answers are memoised per set of names, so
 * re-running a rule after an edit costs a lookup per use.
 */

/** Up to this many names are simply all measured. */
const SCAN_ALL = 64;
/** Names taken from each side of the word in each sorted order. */
const NEIGHBOURS = 8;

export function defaultLimit(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

/** The closest candidate to `word` (not `word` itself), or undefined when none is within the limit. */
export function closest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  return nameIndex(candidates).closest(word, maxDistance);
}

export class NameIndex {
  private readonly names: string[];
  private readonly lower: string[];
  private readonly byLower = new Map<string, number>();
  private sorted?: { forward: number[]; backward: number[]; reversed: string[] };
  private deletions?: Map<string, number[]>;
  private readonly answers = new Map<string, string | undefined>();

  constructor(names: Iterable<string>) {
    this.names = [...names];
    this.lower = this.names.map((n) => n.toLowerCase());
    this.lower.forEach((l, i) => {
      if (!this.byLower.has(l)) this.byLower.set(l, i);
    });
  }

  closest(word: string, maxDistance?: number): string | undefined {
    const key = `${maxDistance ?? ''}\u0000${word}`;
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.find(word, maxDistance ?? defaultLimit(word));
    this.answers.set(key, answer);
    return answer;
  }

  private find(word: string, limit: number): string | undefined {
    const lower = word.toLowerCase();
    const same = this.byLower.get(lower);
    if (same !== undefined && this.names[same] !== word) return this.names[same];
    let best: number | undefined;
    let bestDistance = limit + 1;
    // A tie goes to the first name in declaration order (as a plain scan would).
    const measure = (indexes: readonly number[]) => {
      for (const i of indexes) {
        if (this.names[i] === word) continue;
        // Exact up to the best so far, so that a tie is a real one.
        const d = editDistance(lower, this.lower[i], bestDistance);
        if (d < bestDistance || (d === bestDistance && best !== undefined && i < best)) {
          best = i;
          bestDistance = d;
        }
      }
    };
    if (this.names.length <= SCAN_ALL) measure([...this.names.keys()]);
    else {
      // Every name one edit away shares a deletion variant with the word (names too long to be
      // indexed aside): when one of them is the answer, no neighbour can be closer or tie earlier.
      measure(this.oneEditAway(lower));
      if (bestDistance > 1 || lower.length >= MAX_DELETION_LENGTH) measure(this.neighbours(lower));
    }
    return best === undefined ? undefined : this.names[best];
  }

  /** Every name at most one edit from `lower` (and some further), through single-character deletions. */
  private oneEditAway(lower: string): number[] {
    const deletions = (this.deletions ??= this.indexDeletions());
    const out = new Set<number>();
    for (const variant of deletionsOf(lower)) for (const i of deletions.get(variant) ?? []) out.add(i);
    return [...out];
  }

  /** The names nearest `lower` by prefix and by suffix (one typo leaves the text before or after it intact). */
  private neighbours(lower: string): number[] {
    const sorted = (this.sorted ??= this.sort());
    const out: number[] = [];
    for (const [order, keys, probe] of [
      [sorted.forward, this.lower, lower],
      [sorted.backward, sorted.reversed, reverse(lower)],
    ] as const) {
      const at = lowerBound(order, keys, probe);
      for (let j = Math.max(0, at - NEIGHBOURS); j < Math.min(order.length, at + NEIGHBOURS); j++) out.push(order[j]);
    }
    return out;
  }

  private indexDeletions(): Map<string, number[]> {
    const map = new Map<string, number[]>();
    this.lower.forEach((name, i) => {
      for (const variant of deletionsOf(name)) {
        const list = map.get(variant);
        if (!list) map.set(variant, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    return map;
  }

  private sort() {
    const reversed = this.lower.map(reverse);
    const order = (keys: string[]) => keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
    return { forward: order(this.lower), backward: order(reversed), reversed };
  }
}

const reverse = (s: string) => [...s].reverse().join('');

/** Longer names are matched by their neighbours only (their deletion variants would cost too much). */
const MAX_DELETION_LENGTH = 64;

/** The text itself and every text with one character removed. */
function deletionsOf(text: string): string[] {
  if (text.length > MAX_DELETION_LENGTH) return [text];
  const out = [text];
  for (let i = 0; i < text.length; i++) out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
}

function lowerBound(order: number[], keys: string[], probe: string): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[order[mid]] < probe) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indexes of the sets of names asked about lately: the same names in the next version reuse their answers. */
const recent = new Map<string, NameIndex>();
const RECENT_LIMIT = 8;

/** The (memoised) index of a set of names; build it once per check, then ask it per word. */
export function nameIndex(candidates: Iterable<string>): NameIndex {
  const names = [...candidates];
  const key = names.join('\u0000');
  let index = recent.get(key);
  if (index) recent.delete(key);
  else index = new NameIndex(names);
  recent.set(key, index);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return index;
}

/** Rows of the distance table, shared by every call (a call allocates nothing once they are long enough). */
let rows = { before: new Int32Array(64), previous: new Int32Array(64), current: new Int32Array(64) };

/**
 * Damerau-Levenshtein (optimal string alignment: a swapped pair of letters counts as one edit).
 * With `max`, returns `max + 1` as soon as the distance is known to exceed it.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (rows.previous.length < cols) rows = { before: new Int32Array(cols * 2), previous: new Int32Array(cols * 2), current: new Int32Array(cols * 2) };
  let { before, previous, current } = rows;
  for (let j = 0; j < cols; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // A transposition reaches back two rows, so stop only when both rows are over the limit.
    if (rowMin > max && previousMin > max) return max + 1;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[cols - 1];
  return distance > max ? max + 1 : distance;
}
