/**
 * The active instance's snapshot, as the client last sent it (`sinas/instanceSnapshot`). The
 * server never fetches anything: without a notification, or after `snapshot: null`, the analysis
 * is exactly what it is without an instance.
 */
import type { Connection } from 'vscode-languageserver/node';
import { InstanceIndex } from '../core/instance/instance-index';
import { INSTANCE_SNAPSHOT_NOTIFICATION, normalizeSnapshot, type InstanceSnapshotParams } from '../protocol/instance-snapshot';

export class InstanceSnapshotState {
  private index: InstanceIndex | undefined;
  private readonly listeners: (() => void)[] = [];

  /** The index of the current snapshot; a new object for every snapshot received. */
  get current(): InstanceIndex | undefined {
    return this.index;
  }

  listen(connection: Connection): void {
    connection.onNotification(INSTANCE_SNAPSHOT_NOTIFICATION, (params: InstanceSnapshotParams | undefined) => {
      const snapshot = normalizeSnapshot(params?.snapshot);
      if (params?.snapshot && !snapshot) connection.console.warn('sinas/instanceSnapshot: ignored a snapshot that is not one (see the README for its shape).');
      if (!snapshot && !this.index) return;
      this.index = snapshot ? new InstanceIndex(snapshot) : undefined;
      const count = snapshot ? Object.values(snapshot.lists).reduce((n, list) => n + (list?.items.length ?? 0), 0) : 0;
      connection.console.info(snapshot ? `Instance snapshot of ${snapshot.instance}: ${count} resources.` : 'Instance snapshot cleared.');
      for (const listener of this.listeners) listener();
    });
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
