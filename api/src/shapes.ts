/**
 * What each endpoint's success body must look like before anything reads it. A body that does not
 * fit (`null`, `[null]`, a number where a name belongs) fails the call as an "unexpected response"
 * naming the first misfit, instead of surfacing later as a TypeError. Fields the code does not rely
 * on are not checked, and extra fields are allowed: newer servers add some.
 */

/** Checks `value`; returns what is wrong with it (`item 3 is null`) or undefined. */
export type Shape = (value: unknown) => string | undefined;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : `${typeof value} ${String(value)}`;

const is = (expected: string, test: (value: unknown) => boolean): Shape => (value) => (test(value) ? undefined : `is ${describe(value)}, not ${expected}`);

export const text = is('text', (v) => typeof v === 'string');
export const bool = is('true or false', (v) => typeof v === 'boolean');
export const count = is('a number', (v) => typeof v === 'number' && Number.isFinite(v));
export const anything: Shape = () => undefined;

/** Absent (undefined) or fitting `shape`. */
export const optional = (shape: Shape): Shape => (value) => (value === undefined ? undefined : shape(value));
/** Null, absent, or fitting `shape`. */
export const nullable = (shape: Shape): Shape => (value) => (value === undefined || value === null ? undefined : shape(value));

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** An object whose listed fields fit their shapes. */
export const object =
  (fields: Record<string, Shape>): Shape =>
  (value) => {
    if (!isObject(value)) return `is ${describe(value)}, not an object`;
    for (const [name, shape] of Object.entries(fields)) {
      const problem = shape(value[name]);
      if (problem) return `${name} ${value[name] === undefined ? 'is missing' : problem}`;
    }
    return undefined;
  };

/** An object of any keys whose values fit `shape`. */
export const dict =
  (shape: Shape): Shape =>
  (value) => {
    if (!isObject(value)) return `is ${describe(value)}, not an object`;
    for (const [name, item] of Object.entries(value)) {
      const problem = shape(item);
      if (problem) return `${name} ${problem}`;
    }
    return undefined;
  };

/** A list whose items fit `shape` (positions counted from 1). */
export const list =
  (shape: Shape): Shape =>
  (value) => {
    if (!Array.isArray(value)) return `is ${describe(value)}, not a list`;
    for (const [index, item] of value.entries()) {
      const problem = shape(item);
      if (problem) return `item ${index + 1} ${problem}`;
    }
    return undefined;
  };

// ---------------------------------------------------------------------------------------------
// The bodies of the endpoints (api-contract §1–§3, the seed's variables).

const optionalText = nullable(text);

export const HEALTH = object({ status: optional(text) });

export const PACKAGE = object({
  name: text,
  version: text,
  description: optionalText,
  author: optionalText,
  source_url: optionalText,
  installed_at: optionalText,
  updated_at: optionalText,
  values: nullable(dict(anything)),
});

export const PACKAGE_LIST = list(object({ name: text, version: text, description: optionalText, author: optionalText, installed_at: optionalText }));

const CHANGE = object({ action: text, resourceType: text, resourceName: text, details: optionalText });

/** Missing lists and counts are tolerated (normalised to empty), wrong types are not. */
export const APPLY = object({
  success: optional(bool),
  summary: optional(dict(nullable(dict(count)))),
  changes: nullable(list(CHANGE)),
  errors: nullable(list(text)),
  warnings: nullable(list(text)),
});

const DECLARATION = object({ name: text, type: text, required: nullable(bool), pattern: optionalText, resource: optionalText, choices: nullable(list(anything)) });

export const PREVIEW: Shape = (value) => APPLY(value) ?? object({ variables: nullable(list(DECLARATION)), requires_input: optional(bool) })(value);

export const INSTALL = object({ package: PACKAGE, apply: APPLY });

export const CREATED = object({ yaml: text });

const FINDING = object({ path: text, message: text });
export const CONFIG_CHECK = object({ valid: bool, errors: list(FINDING), warnings: list(FINDING) });

export const PERMISSION_CHECK = object({ result: bool, logic: optionalText, checks: list(object({ permission: text, has_permission: bool })) });

/** A §3 list: objects whose identifying field is text. */
export const rows = (identity: string): Shape => list(object({ [identity]: text, namespace: optionalText, description: optionalText }));
