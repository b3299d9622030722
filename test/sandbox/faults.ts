/**
 * Fault injection for client tests, off unless enabled (`--faults`): per method+path rules adding
 * latency, overriding the status (500 comes back as the backend's `Internal Server Error` text),
 * cutting the JSON body in half, or resetting the connection. Rules are managed through
 * `/__sandbox/faults`, which does not exist when faults are off.
 */
import { STATUS_CODES } from 'node:http';
import { randomUUID } from 'node:crypto';
import { unprocessable } from './errors';
import type { Route } from './http/router';
import { json, noContent, text, type Reply } from './http/respond';

export interface FaultRule {
  id: string;
  /** Any method when absent or `*`. */
  method?: string;
  /** Exact path, or a prefix when it ends with `*`. */
  path: string;
  latencyMs?: number;
  status?: number;
  malformed?: boolean;
  reset?: boolean;
  /** How many requests the rule applies to; unlimited when absent. */
  times?: number;
}

export const FAULTS_PATH = '/__sandbox/faults';

export class Faults {
  private rules: FaultRule[] = [];

  /** The first rule matching the request, consuming one of its `times`. */
  take(method: string, path: string): FaultRule | undefined {
    if (path.startsWith('/__sandbox/')) return undefined;
    const rule = this.rules.find(
      (r) =>
        (!r.method || r.method === '*' || r.method.toUpperCase() === method) &&
        (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path),
    );
    if (rule?.times !== undefined && --rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  routes(): Route[] {
    return [
      {
        method: 'POST',
        path: FAULTS_PATH,
        body: {
          path: { type: 'str', required: true },
          method: { type: 'str', nullable: true },
          latencyMs: { type: 'int', nullable: true },
          status: { type: 'int', nullable: true },
          malformed: { type: 'bool', nullable: true },
          reset: { type: 'bool', nullable: true },
          times: { type: 'int', nullable: true },
        },
        handle: ({ body }) => {
          const status = body.status as number | undefined | null;
          if (status != null && (status < 100 || status > 599)) {
            throw unprocessable([{ type: 'value_error', loc: ['body', 'status'], msg: 'status must be an HTTP status code', input: status }]);
          }
          const times = body.times as number | undefined | null;
          if (times != null && times < 1) {
            throw unprocessable([{ type: 'value_error', loc: ['body', 'times'], msg: 'times must be at least 1', input: times }]);
          }
          const rule: FaultRule = { id: randomUUID(), ...(body as Omit<FaultRule, 'id'>) };
          for (const key of Object.keys(rule) as (keyof FaultRule)[]) if (rule[key] === null) delete rule[key];
          this.rules.push(rule);
          return json(rule, 201);
        },
      },
      { method: 'GET', path: FAULTS_PATH, handle: () => json(this.rules) },
      {
        method: 'DELETE',
        path: FAULTS_PATH,
        handle: () => {
          this.rules = [];
          return noContent();
        },
      },
    ];
  }
}

/** The reply for a status override: the backend's plain-text 500, FastAPI-style JSON otherwise. */
export function faultReply(status: number): Reply {
  if (status === 500) return text('Internal Server Error', 'text/plain', 500);
  return json({ detail: STATUS_CODES[status] ?? 'Injected fault' }, status);
}
