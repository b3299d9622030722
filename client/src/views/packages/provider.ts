/**
 * The instances view: instances, then each one's packages or a placeholder that explains its
 * state, then each package's resources by type (from its installed version). Only maps model
 * state to tree items; loading, caching and errors live in the models. Restricted Mode and
 * "no instance yet" are left to `viewsWelcome` (empty root).
 */
import * as vscode from 'vscode';
import type { ClientPool } from '../../connections/client-pool';
import type { ConnectionStore } from '../../connections/connection-store';
import type { HealthMonitor } from '../../connections/health-monitor';
import type { PackageContents } from './contents';
import { describeChildren, describeContents } from './describe';
import type { PackagesModel } from './model';
import { InstanceNode } from './nodes/instance-node';
import { MessageNode } from './nodes/message-node';
import { PackageNode } from './nodes/package-node';
import { ResourceGroupNode, ResourceNode } from './nodes/resource-nodes';

export type PackagesTreeNode = InstanceNode | PackageNode | ResourceGroupNode | ResourceNode | MessageNode;

export class PackagesTreeProvider implements vscode.TreeDataProvider<PackagesTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PackagesTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];
  private instances = new Map<string, InstanceNode>();

  constructor(
    private readonly connections: ConnectionStore,
    private readonly model: PackagesModel,
    private readonly health: HealthMonitor,
    private readonly clients: ClientPool,
    private readonly contents: PackageContents,
  ) {
    this.subscriptions = [
      // A reloaded list (after install, uninstall, refresh) makes the resources read before stale.
      model.onDidChange((connectionId) => {
        if (model.state(connectionId).kind === 'loaded') contents.markStale(connectionId);
        this.refresh();
      }),
      contents.onDidChange(() => this.refresh()),
      connections.onDidChange(() => this.refresh()),
      health.onDidChange(() => this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
    ];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(element: PackagesTreeNode): vscode.TreeItem {
    return element;
  }

  getChildren(element?: PackagesTreeNode): PackagesTreeNode[] {
    if (!element) {
      if (!vscode.workspace.isTrusted) return [];
      const active = this.connections.active();
      const health = this.health.state;
      this.instances = new Map(
        this.connections.list().map((c) => [c.id, new InstanceNode(c, c.id === active?.id, 'connection' in health && health.connection.id === c.id ? health : undefined)]),
      );
      return [...this.instances.values()];
    }
    if (element instanceof PackageNode) return this.packageChildren(element);
    if (element instanceof ResourceGroupNode) return element.group.resources.map((r) => new ResourceNode(element.connection, element.packageName, r));
    if (!(element instanceof InstanceNode)) return [];
    const connection = element.connection;
    const state = this.model.state(connection.id);
    if (state.kind === 'idle') void this.model.ensureLoaded(connection.id);
    const parentId = element.id ?? connection.id;
    return describeChildren(state, connection).map((child) => (child.kind === 'package' ? new PackageNode(connection, child.pkg) : new MessageNode(parentId, child)));
  }

  getParent(element: PackagesTreeNode): PackagesTreeNode | undefined {
    if (element instanceof PackageNode) return this.instances.get(element.connection.id);
    return undefined;
  }

  private packageChildren(element: PackageNode): PackagesTreeNode[] {
    const { connection, pkg } = element;
    const state = this.contents.state(connection.id, pkg.name);
    if (!state || this.contents.isStale(connection.id, pkg.name)) void this.contents.ensureLoaded(connection.id, pkg.name);
    const parentId = element.id ?? `${connection.id}:${pkg.name}`;
    return describeContents(state, connection).map((child) => (child.kind === 'group' ? new ResourceGroupNode(connection, pkg.name, child) : new MessageNode(parentId, child)));
  }

  /** The tooltip of a package gains its update time and source URL when hovered. */
  async resolveTreeItem(item: vscode.TreeItem, element: PackagesTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (!(element instanceof PackageNode)) return item;
    try {
      const result = await this.clients.client(element.connection);
      if (result.kind !== 'ready' || token.isCancellationRequested) return item;
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return element.withDetails(await result.client.getPackage(element.pkg.name, { signal: controller.signal }));
    } catch {
      return item; // The list's data is still right; the details are a bonus.
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
