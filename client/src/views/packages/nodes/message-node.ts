/** A placeholder row: loading, empty, signed out, unreachable, refused — with its fix as the click. */
import * as vscode from 'vscode';
import type { MessageIcon, MessageItem } from '../describe';

const ICONS: Record<MessageIcon, vscode.ThemeIcon> = {
  loading: new vscode.ThemeIcon('loading~spin'),
  info: new vscode.ThemeIcon('info'),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  key: new vscode.ThemeIcon('key'),
};

export class MessageNode extends vscode.TreeItem {
  readonly type = 'message';

  constructor(
    parentId: string,
    readonly item: MessageItem,
  ) {
    super(item.label, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentId}:message:${item.icon}`;
    this.iconPath = ICONS[item.icon];
    this.tooltip = item.tooltip;
    this.contextValue = `message ${item.icon}`;
    if (item.command) this.command = { command: item.command.id, title: item.command.title, arguments: item.command.args };
  }
}
