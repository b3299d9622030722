/**
 * Client tests run the real `SinasClient` over real HTTP against the in-process sandbox. This file
 * adds what they share: a client factory that records every log line, fault rules, limited keys,
 * and a typed builder for small packages.
 */
import assert from 'node:assert/strict';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SinasClient, SinasApiError, formatExchange, type ExchangeLog, type SinasClientOptions, type SinasErrorKind } from '../../../api/src';
import { useSandbox, type Harness } from '../helpers';
import type { FaultRule as SandboxFaultRule } from '../../sandbox/faults';
import type { SandboxOptions } from '../../sandbox/sandbox';

export const SEED_DIR = 'test/sandbox/seed';

/** A sandbox fault rule as posted to `/__sandbox/faults` (the sandbox assigns the id). */
export type FaultRule = Omit<SandboxFaultRule, 'id'>;

export interface ClientHarness extends Harness {
  /** A client for the sandbox (admin key unless `apiKey` is given); its log lines go to `logs`. */
  client(options?: SinasClientOptions & { apiKey?: string }): SinasClient;
  /** Every exchange logged by clients made here, and the same as formatted lines. */
  readonly logs: ExchangeLog[];
  readonly lines: string[];
  fault(rule: FaultRule): Promise<void>;
  clearFaults(): Promise<void>;
}

/** A seeded sandbox with faults on, started before the suite; clients and faults reset after each test. */
export function useClientSandbox(options: SandboxOptions = {}): ClientHarness {
  const harness = useSandbox({ seedDir: SEED_DIR, faults: true, ...options });
  const clients: SinasClient[] = [];
  const logs: ExchangeLog[] = [];
  const lines: string[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    if (options.faults !== false) await harness.call('DELETE', '/__sandbox/faults');
    logs.length = 0;
    lines.length = 0;
  });
  return Object.assign(harness, {
    logs,
    lines,
    client({ apiKey, ...rest }: SinasClientOptions & { apiKey?: string } = {}) {
      const client = new SinasClient(
        { name: 'sandbox', url: harness.sandbox.url, apiKey: apiKey ?? harness.sandbox.adminKey },
        {
          ...rest,
          retry: { baseDelayMs: 5, maxDelayMs: 20, ...rest.retry },
          onExchange: (entry) => {
            logs.push(entry);
            lines.push(formatExchange(entry));
            rest.onExchange?.(entry);
          },
        },
      );
      clients.push(client);
      return client;
    },
    async fault(rule: FaultRule) {
      const res = await harness.call('POST', '/__sandbox/faults', { body: rule });
      assert.equal(res.status, 201, res.text);
    },
    async clearFaults() {
      await harness.call('DELETE', '/__sandbox/faults');
    },
  });
}

/** Awaits `promise`, which must reject with a SinasApiError of `kind`; returns the error. */
export async function rejectsWith(promise: Promise<unknown>, kind: SinasErrorKind): Promise<SinasApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SinasApiError, `expected a SinasApiError, got ${String(error)}`);
    assert.equal(error.kind, kind, `expected kind ${kind}, got ${error.kind}: ${error.message}`);
    return error;
  }
  assert.fail(`expected a ${kind} error, but the call succeeded`);
}

/** A plain HTTP server made for one test (a server that misbehaves in ways the sandbox does not). */
export interface TestServer {
  /** `http://host:port`. */
  url: string;
  /** `host:port`, as error sentences name it. */
  host: string;
  /** Requests that reached the handler. */
  readonly requests: number;
  close(): Promise<void>;
}

export async function serve(handler: RequestListener, address = '127.0.0.1'): Promise<TestServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const host = `${address.includes(':') ? `[${address}]` : address}:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    get requests() {
      return requests;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Typed builders for package fixtures.

export interface VariableSpec {
  name: string;
  type: 'text' | 'boolean' | 'enum' | 'resource_ref' | 'secret';
  required?: boolean;
  default?: string | boolean;
  pattern?: string;
  resource?: string;
  choices?: string[];
}

export interface FunctionSpec {
  namespace?: string;
  name: string;
  code?: string;
}

export interface PackageSpec {
  name: string;
  version?: string;
  variables?: VariableSpec[];
  functions?: FunctionSpec[];
  /** Extra YAML appended under `spec:` (two-space indented sections). */
  extra?: string;
}

const q = (value: string) => JSON.stringify(value);

/** A SinasPackage document from typed parts (JSON-quoted scalars are valid YAML). */
export function buildPackage(spec: PackageSpec): string {
  const out = ['apiVersion: sinas.co/v1', 'kind: SinasPackage', 'package:', `  name: ${q(spec.name)}`, `  version: ${q(spec.version ?? '1.0.0')}`, 'spec:'];
  if (spec.variables?.length) {
    out.push('  variables:');
    for (const v of spec.variables) {
      out.push(`    - name: ${v.name}`, `      type: ${v.type}`);
      if (v.required !== undefined) out.push(`      required: ${v.required}`);
      if (v.default !== undefined) out.push(`      default: ${typeof v.default === 'string' ? q(v.default) : v.default}`);
      if (v.pattern !== undefined) out.push(`      pattern: ${q(v.pattern)}`);
      if (v.resource !== undefined) out.push(`      resource: ${v.resource}`);
      if (v.choices) out.push(`      choices: [${v.choices.map(q).join(', ')}]`);
    }
  }
  if (spec.functions?.length) {
    out.push('  functions:');
    for (const f of spec.functions) {
      out.push(`    - namespace: ${q(f.namespace ?? 'default')}`, `      name: ${q(f.name)}`, `      code: ${q(f.code ?? 'def handler(input_data, context):\n    return {}\n')}`);
    }
  }
  if (spec.extra) out.push(spec.extra.replace(/\n$/, ''));
  if (out[out.length - 1] === 'spec:') out[out.length - 1] = 'spec: {}';
  return `${out.join('\n')}\n`;
}
