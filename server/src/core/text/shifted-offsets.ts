/**
 * Ascending offsets (line starts) that an edit moves: every entry after the edited place shifts by
 * the edit's length change. Shifting them all would cost the whole document per keystroke, so the
 * entries from `from` on are stored `by` lower than they are and the shift is one addition to
 * `by`; only the entries between the place of one edit and the next are rewritten (typing in one
 * place rewrites none).
 */
export class ShiftedOffsets {
  constructor(
    /** Stored entries (capacity may exceed what is in use). */
    public values: Int32Array,
    /** First index whose stored entry is `by` lower than the offset it stands for. */
    public from = values.length,
    public by = 0,
  ) {}

  at(index: number): number {
    return index >= this.from ? this.values[index] + this.by : this.values[index];
  }

  set(index: number, offset: number): void {
    this.values[index] = index >= this.from ? offset - this.by : offset;
  }

  /**
   * Moves the entries [from, end) to start at index `to` (over or past what was there) and adds
   * `delta` to each: the tail of the line starts after an edit, rewriting only the entries
   * between this edit's place and the last one's.
   */
  moveTail(from: number, to: number, end: number, delta: number): void {
    this.splitAt(from);
    this.values.copyWithin(to, from, end);
    this.from = to;
    this.by += delta;
  }

  /** Stores the entries so that those before `index` hold their offsets and those from it on are `by` lower. */
  private splitAt(index: number): void {
    const { values, by } = this;
    if (by !== 0) {
      if (index > this.from) for (let k = this.from; k < index; k++) values[k] += by;
      else for (let k = index; k < this.from; k++) values[k] -= by;
    }
    this.from = index;
  }

  /** Room for `capacity` entries, keeping the first `used`. */
  reserve(capacity: number, used: number): void {
    if (capacity <= this.values.length) return;
    const grown = new Int32Array(capacity);
    grown.set(this.values.subarray(0, used));
    this.values = grown;
  }
}
