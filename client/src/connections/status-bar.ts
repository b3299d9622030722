/** The active instance, its reachability and its key's standing in the status bar (text from status-text.ts). */
import * as vscode from 'vscode';
import type { ConnectionStore } from './connection-store';
import type { HealthMonitor, Reachability } from './health-monitor';
import { describeStatus } from './status-text';

export function registerStatusBar(connections: ConnectionStore, health: HealthMonitor): vscode.Disposable & { item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('sinas.instance', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Sinas Instance';
  const render = (state: Reachability) => {
    const view = describeStatus(connections.active(), state);
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.command = { command: view.command.id, title: view.text, arguments: view.command.args };
    item.backgroundColor = view.background ? new vscode.ThemeColor(`statusBarItem.${view.background}Background`) : undefined;
    item.show();
  };
  render(health.state);
  const subscriptions = [health.onDidChange(render), connections.onDidChange(() => render(health.state))];
  return Object.assign(vscode.Disposable.from(item, ...subscriptions), { item });
}
