/** Under an installed package: one row per resource type, then one per resource (click: open it in the installed YAML). */
import * as vscode from 'vscode';
import { INTERNAL_COMMANDS } from '../../../commands/ids';
import type { Connection } from '../../../connections/types';
import type { SectionName } from '../../../../../server/src/core/model/sections';
import type { InstalledResource } from '../contents';
import { describeResource, type GroupItem } from '../describe';

/** Product icons per type, so groups are told apart at a glance. */
const ICONS: Partial<Record<SectionName, string>> = {
  functions: 'symbol-function',
  agents: 'hubot',
  skills: 'mortar-board',
  connectors: 'plug',
  components: 'symbol-misc',
  queries: 'database',
  collections: 'files',
  templates: 'symbol-file',
  stores: 'archive',
  manifests: 'checklist',
  webhooks: 'globe',
  schedules: 'clock',
  databaseTriggers: 'zap',
  secrets: 'key',
  dependencies: 'library',
};

export class ResourceGroupNode extends vscode.TreeItem {
  readonly type = 'group';

  constructor(
    readonly connection: Connection,
    readonly packageName: string,
    readonly group: GroupItem,
  ) {
    // Expanding a package shows everything it installed; a type can still be folded away.
    super(group.label, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `group:${connection.id}:${packageName}:${group.section}`;
    this.description = String(group.resources.length);
    this.tooltip = group.tooltip;
    this.iconPath = new vscode.ThemeIcon(ICONS[group.section] ?? 'symbol-misc');
    this.contextValue = 'group';
  }
}

/** What opening a resource needs: where its node is in the installed YAML. */
export interface ResourceTarget {
  connectionId: string;
  packageName: string;
  resource: InstalledResource;
}

export class ResourceNode extends vscode.TreeItem {
  readonly type = 'resource';

  constructor(
    readonly connection: Connection,
    readonly packageName: string,
    readonly resource: InstalledResource,
  ) {
    const view = describeResource(resource, packageName);
    super(view.label, vscode.TreeItemCollapsibleState.None);
    this.id = `resource:${connection.id}:${packageName}:${resource.section}:${resource.identity}:${resource.span.start}`;
    this.description = view.description;
    this.tooltip = view.tooltip;
    this.iconPath = view.warning ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(ICONS[resource.section] ?? 'symbol-misc');
    this.contextValue = ['resource', resource.ownership ?? 'unknown'].join(' ');
    const target: ResourceTarget = { connectionId: connection.id, packageName, resource };
    this.command = { command: INTERNAL_COMMANDS.openInstalledResource, title: 'Open in the Installed Version', arguments: [target] };
  }
}
