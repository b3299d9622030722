/** What route handlers need from the running sandbox. */
import type { Store } from './state/store';

export interface SandboxContext {
  store: Store;
  /** False emulates a Sinas that predates install-time variables (`--no-variables`). */
  variables: boolean;
}
