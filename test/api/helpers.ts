/**
 * Shared by the HTTP contract tests: a sandbox started in-process on port 0 per suite, and a tiny
 * undici client that returns status, headers, raw text and parsed JSON (redirects not followed).
 */
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/sandbox';

export const SEED_DIR = 'test/sandbox/seed';
export { CORPUS_DIR } from '../support/corpus';
import { CORPUS_DIR } from '../support/corpus';

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  json: any;
}

export interface CallOptions {
  /** JSON-encoded unless `raw` is given. */
  body?: unknown;
  raw?: string;
  /** API key sent as X-API-Key; `null` sends no credentials. Defaults to the admin key. */
  key?: string | null;
  headers?: Record<string, string>;
}

export interface Harness {
  readonly sandbox: RunningSandbox;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  /** POST /api/v1/api-keys with the admin key; returns the new key. */
  createKey(permissions: Record<string, boolean>, extra?: Record<string, unknown>): Promise<string>;
}

export async function call(sandbox: RunningSandbox, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? sandbox.adminKey : options.key;
  if (key !== null) headers['x-api-key'] = key;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await request(`${sandbox.url}${path}`, { method: method as 'GET', headers, body });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

/** Starts a sandbox before the suite and closes it after. */
export function useSandbox(options: SandboxOptions = {}): Harness {
  let sandbox: RunningSandbox | undefined;
  before(async () => {
    sandbox = await startSandbox({ port: 0, ...options });
  });
  after(async () => {
    await sandbox?.close();
  });
  const harness: Harness = {
    get sandbox() {
      if (!sandbox) throw new Error('sandbox not started');
      return sandbox;
    },
    call: (method, path, callOptions) => call(harness.sandbox, method, path, callOptions),
    async createKey(permissions, extra = {}) {
      const res = await harness.call('POST', '/api/v1/api-keys', { body: { name: 'test key', permissions, ...extra } });
      if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${res.text}`);
      return res.json.key as string;
    },
  };
  return harness;
}

export const corpus = (name: string): string => readFileSync(`${CORPUS_DIR}/${name}.yaml`, 'utf8');

/** A small SinasPackage; `spec` is YAML text indented under `spec:`. */
export function pkg(name: string, spec: string, version = '1.0.0'): string {
  return `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: ${name}\n  version: "${version}"\nspec:\n${spec}`;
}

/** A package with one function, one skill and one agent using both. */
export function samplePackage(name = 'crm', namespace = 'crm'): string {
  return pkg(
    name,
    `  functions:
    - namespace: ${namespace}
      name: lookup
      code: |
        def handler(input_data, context):
            return {"ok": True}
  skills:
    - namespace: ${namespace}
      name: guide
      description: How to use the CRM
      content: "# Guide"
  agents:
    - namespace: ${namespace}
      name: assistant
      enabledFunctions: [${namespace}/lookup]
      enabledSkills: [${namespace}/guide]
`,
  );
}
