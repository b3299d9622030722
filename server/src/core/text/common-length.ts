/**
 * The largest n <= max with equal(0, n), given equal(a, b) compares the elements [a, b) of two
 * sequences natively (strings by `===` of slices, buffers by `compare`): growing blocks, linear in
 * the common length, then a binary search inside the first unequal block.
 */
export function commonLength(max: number, equal: (from: number, to: number) => boolean): number {
  let done = 0;
  let block = 1024;
  while (done < max) {
    const to = Math.min(max, done + block);
    if (!equal(done, to)) {
      let lo = done;
      let hi = to - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (equal(done, mid)) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }
    done = to;
    if (block < 1 << 16) block *= 2;
  }
  return max;
}
