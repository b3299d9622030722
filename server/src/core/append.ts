/**
 * `to.push(...from)` without passing every element as an argument: an array whose size the input
 * decides (findings, YAML errors, items) can exceed what a call's arguments may hold, and a
 * hundred thousand of them overflow the stack.
 */
export function append<T>(to: T[], from: readonly T[]): T[] {
  for (const item of from) to.push(item);
  return to;
}
