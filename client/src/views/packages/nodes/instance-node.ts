/** An instance in the tree: name, URL, whether it is the active one and whether it is reachable. */
import * as vscode from 'vscode';
import type { Connection } from '../../../connections/types';
import type { Reachability } from '../../../connections/health-monitor';

export class InstanceNode extends vscode.TreeItem {
  readonly type = 'instance';

  constructor(
    readonly connection: Connection,
    active: boolean,
    reachability: Reachability | undefined,
  ) {
    super(connection.name, active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `instance:${connection.id}`;
    const unreachable = reachability?.kind === 'unreachable';
    this.description = `${active ? 'active · ' : ''}${connection.url}${unreachable ? ' · unreachable' : ''}`;
    this.iconPath = new vscode.ThemeIcon(unreachable ? 'cloud-offline' : 'cloud', active ? new vscode.ThemeColor('charts.green') : undefined);
    const tooltip = new vscode.MarkdownString(`**${connection.name}**${active ? ' (active)' : ''}  \n${connection.url}`);
    if (connection.source === 'environment') tooltip.appendMarkdown('  \nFrom the environment (`SINAS_URL`, `SINAS_API_KEY`).');
    if (unreachable) tooltip.appendMarkdown(`  \n\n$(warning) ${reachability.message}`);
    tooltip.supportThemeIcons = true;
    this.tooltip = tooltip;
    // Tokens matched by package.json menus (`viewItem =~ /\binstance\b/`).
    this.contextValue = ['instance', connection.source, active ? 'active' : 'inactive'].join(' ');
  }
}
