/**
 * Sends `sinas/packageFacts` for each analysed document version whose facts differ from the last
 * ones sent: the client then knows which documents are packages, and their name and version,
 * without reading or parsing them itself.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Analysis } from '../core/analyze';
import { packageFacts } from '../core/package-facts';
import { PACKAGE_FACTS_NOTIFICATION, type PackageFactsParams } from '../protocol/package-facts';

export class PackageFactsPublisher {
  /** The last facts sent per document, without the version (a new version with the same facts is not news). */
  private readonly sent = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  update(uri: string, version: number, analysis: Analysis): void {
    const facts = packageFacts(analysis.isSinasPackage, analysis.model, () => analysis.text);
    const params: Omit<PackageFactsParams, 'uri' | 'version'> = {
      isPackage: facts.isPackage,
      name: facts.name,
      nameRange: facts.nameSpan && { start: analysis.lines.positionAt(facts.nameSpan.start), end: analysis.lines.positionAt(facts.nameSpan.end) },
      packageVersion: facts.version,
      kind: facts.kind,
    };
    const key = JSON.stringify(params);
    if (this.sent.get(uri) === key) return;
    this.sent.set(uri, key);
    void this.connection.sendNotification(PACKAGE_FACTS_NOTIFICATION, { uri, version, ...params } satisfies PackageFactsParams);
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }
}
