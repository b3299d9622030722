/** Whether a text may be a SinasPackage, decided by content alone and without parsing (cheap). */
const SINAS_HINT = /^(?:kind|apiVersion)[ \t]*:[ \t]*["']?(?:SinasPackage|sinas\.co\/)/m;

export function looksLikeSinasPackage(text: string): boolean {
  return SINAS_HINT.test(text);
}
