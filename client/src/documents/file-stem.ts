/** A package name as a file name: `crm/support` → `crm-support` (no folders, no odd characters). */
export function fileStem(name: string): string {
  return trimDotsAndDashes(name.trim().replace(/[^\w.-]+/g, '-')) || 'package';
}

/**
 * Without leading dots and dashes and trailing dashes: the regular expression `^[.-]+|-+$`, read in
 * one pass (the expression backtracks quadratically over a long run of dashes inside a name).
 */
function trimDotsAndDashes(s: string): string {
  let start = 0;
  while (start < s.length && (s[start] === '.' || s[start] === '-')) start++;
  let end = s.length;
  while (end > start && s[end - 1] === '-') end--;
  return s.slice(start, end);
}
