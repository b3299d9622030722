/** Whether a text may be a SinasPackage, decided by content alone and without parsing (cheap). */
/** `kind:`/`apiVersion:`, then possibly an anchor or a tag (`&v`, `!!str`), then the value. */
const HEADER_LINE = /^(?:kind|apiVersion)[ \t]*:[ \t]*(?:[&!][^ \t\n]*[ \t]+){0,2}["']?(?:SinasPackage|sinas\.co\/)/;

/**
 * A root-level `kind: SinasPackage` or `apiVersion: sinas.co/…` line anywhere in the text. Only
 * lines starting with `kind`/`apiVersion` are tested, found with indexOf: this runs on every
 * version of every open YAML file, and a multiline regex over a large file costs far more.
 */
export function looksLikeSinasPackage(text: string): boolean {
  for (const key of ['kind', 'apiVersion']) {
    if (text.startsWith(key) && HEADER_LINE.test(text.slice(0, 200))) return true;
    for (let at = text.indexOf('\n' + key); at !== -1; at = text.indexOf('\n' + key, at + 1)) {
      if (HEADER_LINE.test(text.slice(at + 1, at + 201))) return true;
    }
  }
  return false;
}
