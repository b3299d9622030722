/**
 * `sinas/packageFacts`: after analysing a YAML document the language server tells the client
 * what it found (is it a package, its name and where, its version and kind), so the client's code
 * lens, context keys and Red Hat YAML bridge never read or parse the document themselves. Sent
 * only when the facts change. Shared with the client, so it imports nothing.
 */
export const PACKAGE_FACTS_NOTIFICATION = 'sinas/packageFacts';

export interface PackageFactsParams {
  uri: string;
  /** The document version the facts were read from. */
  version: number;
  isPackage: boolean;
  name?: string;
  /** Where `package.name`'s value is, in that version. */
  nameRange?: { start: { line: number; character: number }; end: { line: number; character: number } };
  packageVersion?: string;
  kind?: string;
}
