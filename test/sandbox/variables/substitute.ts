/**
 * `${{ vars.NAME }}` substitution: plain text replacement in the raw YAML, before it is parsed
 * (seed: "Resolved by simple string replacement before parsing"). Placeholders of variables without
 * a value are left as they are.
 */
export const PLACEHOLDER = /\$\{\{\s*vars\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function substitute(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (match, name: string) => values.get(name) ?? match);
}
