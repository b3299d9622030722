/** Deterministic random short lines over `alphabet` (each item a character or a piece), for property tests. */
export function* randomLines(alphabet: readonly string[], count: number, seed: number, maxLength = 12): Generator<string> {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < count; n++) yield Array.from({ length: Math.floor(next() * maxLength) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}
