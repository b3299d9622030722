/** Sinas: Show Log — the request log (method, path, status, time; never keys or secrets). */
import type { Deps } from './deps';

export function showLog(deps: Deps): void {
  deps.log.show(true);
}
