/**
 * The connection given by the environment (`SINAS_URL`, `SINAS_API_KEY`), as `npm start` and the
 * test harness set it for the local sandbox. It is never persisted: the key stays in memory.
 */
import { displayUrl } from '../../../api/src';
import type { Connection } from './types';

export const ENVIRONMENT_ID = 'environment';
export const ENVIRONMENT_NAME = 'Environment';

export interface EnvironmentConnection {
  connection: Connection;
  apiKey: string | undefined;
}

/**
 * A `user:password@` in SINAS_URL is masked here, so it is never shown or logged; the client then
 * refuses that URL with a sentence saying why (Sinas takes the API key only).
 */
export function environmentConnection(env: Record<string, string | undefined>): EnvironmentConnection | undefined {
  const url = env.SINAS_URL?.trim() ? displayUrl(env.SINAS_URL.trim()) : undefined;
  if (!url) return undefined;
  const apiKey = env.SINAS_API_KEY?.trim() || undefined;
  return { connection: { id: ENVIRONMENT_ID, name: ENVIRONMENT_NAME, url, source: 'environment' }, apiKey };
}
