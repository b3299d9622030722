/**
 * Binary search over a sorted range: the first index in [0, count) for which `before(i)` is false,
 * given it is true for every index below that one and false for every index from it on.
 */
export function partitionPoint(count: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
