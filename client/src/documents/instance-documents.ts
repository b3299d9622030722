/**
 * `sinas-instance:` documents: the read-only definition of a resource that lives on the instance,
 * where go to definition from a reference leads (the language server builds the URI). A resource a
 * package can hold is shown as Sinas exports it (`POST /packages/create` with that one resource);
 * anything else, or when the export is not allowed, as its record from the list endpoint (JSON).
 */
import * as vscode from 'vscode';
import { isSinasApiError, resourceRefOf, SNAPSHOT_KINDS, type SinasClient } from '../../../api/src';
import { INSTANCE_DOCUMENT_SCHEME, parseInstanceDocumentUri, type InstanceDocument } from '../../../server/src/protocol/instance-snapshot';
import type { ClientPool } from '../connections/client-pool';
import type { Connection } from '../connections/types';

export class InstanceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly connections: { get(id: string): Connection | undefined; list(): Connection[] },
    private readonly clients: Pick<ClientPool, 'client'>,
  ) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(INSTANCE_DOCUMENT_SCHEME, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const doc = parseInstanceDocumentUri(uri.path, uri.query, false);
    if (!doc) throw new Error(`Sinas: ${uri.toString()} is not an instance resource.`);
    const connection = this.connections.get(doc.source) ?? this.connections.list().find((c) => c.name === doc.instance);
    const result = connection ? await this.clients.client(connection) : undefined;
    if (result?.kind !== 'ready') throw new Error(`Sinas: cannot read ${doc.identity}: ${doc.instance} is not connected.`);
    return (doc.format === 'yaml' && (await this.exported(result.client, doc))) || this.record(result.client, doc);
  }

  dispose(): void {
    this.registration.dispose();
  }

  /** The resource as package YAML, or undefined when Sinas will not export it for this key. */
  private async exported(client: SinasClient, doc: InstanceDocument): Promise<string | undefined> {
    const ref = resourceRefOf(doc.section, doc.identity);
    if (!ref) return undefined;
    try {
      const { yaml, skipped } = await client.createPackage({ name: 'read-only-copy', version: '1.0.0', description: `${doc.identity} as it is on ${doc.instance}`, resources: [ref] });
      if (skipped?.length) return undefined;
      return `# Read-only: ${doc.identity} as it is on ${doc.instance} (exported by Sinas, POST /api/v1/packages/create).\n${yaml}`;
    } catch (error) {
      if (isSinasApiError(error, 'forbidden')) return undefined;
      throw error;
    }
  }

  /** The list endpoint's record of the resource, as JSON (Sinas never lists secret values or passwords). */
  private async record(client: SinasClient, doc: InstanceDocument): Promise<string> {
    const list = await client.listResources(SNAPSHOT_KINDS[doc.section]);
    const item = list.items.find((i) => (i.namespace !== null ? `${i.namespace}/${i.name}` : i.name) === doc.identity);
    if (!item) throw new Error(`Sinas: ${doc.identity} is no longer listed on ${doc.instance}.`);
    return `${JSON.stringify(item.raw, null, 2)}\n`;
  }
}
