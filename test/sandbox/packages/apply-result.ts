/** `ConfigApplyResponse` (§2.2) and the bookkeeping every applier shares. */

export type Action = 'create' | 'update' | 'unchanged';

export interface ResourceChange {
  action: Action;
  resourceType: string;
  resourceName: string;
  details: string | null;
  changes: Record<string, unknown> | null;
}

export interface ApplyResponse {
  success: boolean;
  summary: Record<'created' | 'updated' | 'unchanged' | 'deleted', Record<string, number>>;
  changes: ResourceChange[];
  errors: string[];
  warnings: string[];
}

const SUMMARY_FIELD = { create: 'created', update: 'updated', unchanged: 'unchanged' } as const;

export class ApplyLog {
  readonly result: ApplyResponse = {
    success: true,
    summary: { created: {}, updated: {}, unchanged: {}, deleted: {} },
    changes: [],
    errors: [],
    warnings: [],
  };

  track(action: Action, resourceType: string, resourceName: string): void {
    this.result.changes.push({ action, resourceType, resourceName, details: null, changes: null });
    const bucket = this.result.summary[SUMMARY_FIELD[action]];
    bucket[resourceType] = (bucket[resourceType] ?? 0) + 1;
  }

  error(message: string): void {
    this.result.errors.push(message);
  }

  warn(message: string): void {
    this.result.warnings.push(message);
  }
}

/** Python's `str.title()`, which the ownership warning applies to the resource type (`Databasetriggers`). */
export const pythonTitle = (text: string): string =>
  text.toLowerCase().replace(/(^|[^a-z])([a-z])/g, (_m, before: string, letter: string) => before + letter.toUpperCase());
