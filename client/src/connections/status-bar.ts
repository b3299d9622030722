/** The active instance and its reachability in the status bar; a click switches instance. */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { ConnectionStore } from './connection-store';
import type { HealthMonitor, Reachability } from './health-monitor';

export function registerStatusBar(connections: ConnectionStore, health: HealthMonitor): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('sinas.instance', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Sinas Instance';
  const render = (state: Reachability) => {
    const active = connections.active();
    if (!active) {
      item.text = '$(cloud) Sinas: no instance';
      item.tooltip = 'No Sinas instance configured. Click to add one.';
      item.command = COMMANDS.addConnection;
      item.backgroundColor = undefined;
      item.show();
      return;
    }
    item.command = COMMANDS.switchConnection;
    const same = 'connection' in state && state.connection.id === active.id;
    const kind = same ? state.kind : 'checking';
    const icon = { none: 'cloud', checking: 'sync~spin', reachable: 'cloud', unreachable: 'cloud-offline' }[kind];
    item.text = `$(${icon}) Sinas: ${active.name}`;
    const status = {
      none: '',
      checking: 'Checking…',
      reachable: 'Reachable',
      unreachable: state.kind === 'unreachable' ? `Unreachable: ${state.message}` : 'Unreachable',
    }[kind];
    item.tooltip = `${active.name} — ${active.url}\n${status}\nClick to switch instance.`;
    item.backgroundColor = kind === 'unreachable' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  render(health.state);
  const subscriptions = [health.onDidChange(render), connections.onDidChange(() => render(health.state))];
  return vscode.Disposable.from(item, ...subscriptions);
}
