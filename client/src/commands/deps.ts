/** What every command gets: the services built once in `activate`. */
import type * as vscode from 'vscode';
import type { ClientPool } from '../connections/client-pool';
import type { ConnectionStore } from '../connections/connection-store';
import type { HealthMonitor } from '../connections/health-monitor';
import type { InstanceSnapshots } from '../instance/instance-snapshots';
import type { VirtualDocuments } from '../documents/virtual-documents';
import type { Log } from '../logging/output';
import type { PreviewDiagnostics } from '../preview/preview-diagnostics';
import type { ReportPanels } from '../preview/report-panel';
import type { AnswerMemory } from '../prompts/answer-memory';
import type { Host } from '../ui/host';
import type { PackageContents } from '../views/packages/contents';
import type { PackagesModel } from '../views/packages/model';

export interface Deps {
  context: vscode.ExtensionContext;
  host: Host;
  log: Log;
  connections: ConnectionStore;
  clients: ClientPool;
  health: HealthMonitor;
  packages: PackagesModel;
  /** What each installed package consists of (the tree's resource rows). */
  contents: PackageContents;
  documents: VirtualDocuments;
  diagnostics: PreviewDiagnostics;
  /** The instance's resources, for instance-aware checks. */
  snapshots: InstanceSnapshots;
  /** A preview's answers, for the install that follows it (memory only). */
  answers: AnswerMemory;
  /** The rendered preview / install reports. */
  reports: ReportPanels;
}
