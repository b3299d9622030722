/** An installed package: name, version and description; details (times, author) in the tooltip; its resources below. */
import * as vscode from 'vscode';
import type { PackageListItem, PackageResponse } from '../../../../../api/src';
import type { Connection } from '../../../connections/types';
import { formatTime } from '../../../util/text';

/** What package commands need to know about their target, whoever passes it. */
export interface PackageRef {
  connectionId: string;
  name: string;
  version?: string;
}

export class PackageNode extends vscode.TreeItem {
  readonly type = 'package';
  readonly ref: PackageRef;

  constructor(
    readonly connection: Connection,
    readonly pkg: PackageListItem,
  ) {
    // Expands to its resources by type (read from the installed version).
    super(pkg.name, vscode.TreeItemCollapsibleState.Collapsed);
    this.ref = { connectionId: connection.id, name: pkg.name, version: pkg.version };
    this.id = `package:${connection.id}:${pkg.name}`;
    this.description = [`v${pkg.version}`, pkg.description].filter(Boolean).join(' · ');
    this.iconPath = new vscode.ThemeIcon('package');
    this.tooltip = packageTooltip(connection, pkg);
    this.contextValue = 'package installed';
    this.command = { command: 'sinas.package.export', title: 'Open Installed Version', arguments: [this] };
  }

  /** Adds what only GET /packages/{name} knows (last update, source URL). */
  withDetails(details: PackageResponse): this {
    this.tooltip = packageTooltip(this.connection, this.pkg, details);
    return this;
  }
}

export function isPackageNode(value: unknown): value is PackageNode {
  return value instanceof PackageNode || (!!value && typeof value === 'object' && (value as { type?: unknown }).type === 'package' && 'ref' in value);
}

function packageTooltip(connection: Connection, pkg: PackageListItem, details?: PackageResponse): vscode.MarkdownString {
  const md = new vscode.MarkdownString(`**${escape(pkg.name)}** ${escape(pkg.version)} on ${escape(connection.name)}\n\n`);
  if (pkg.description) md.appendMarkdown(`${escape(pkg.description)}\n\n`);
  const rows: [string, string | null | undefined][] = [
    ['Author', pkg.author],
    ['Installed', formatTime(pkg.installed_at)],
    ['Updated', details ? formatTime(details.updated_at) || 'never' : undefined],
    ['Source', details?.source_url],
  ];
  for (const [label, value] of rows) if (value) md.appendMarkdown(`${label}: ${escape(value)}  \n`);
  return md;
}

const escape = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
