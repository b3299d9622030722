/**
 * Turning the server's validation answers into `{path, message}` items:
 * - 400 `"Package validation failed: <path>: <message>; <path>: <message>"` (the backend joins its
 *   errors with "; "), where a `root: Schema validation failed: …` entry carries pydantic's
 *   multi-line report, expanded here into one item per field;
 * - 422 `{"detail": [{loc, msg, type, input}]}` from FastAPI (the `input` is dropped: it echoes the
 *   request body, which may hold variable values).
 */
import type { ValidationItem } from './errors';

export const VALIDATION_PREFIX = 'Package validation failed: ';

// `root`, `spec.agents[0].enabledFunctions`, `spec.functions.0.code`, `variables.API_KEY`.
const PATH = String.raw`[A-Za-z_][\w-]*(?:\[\d+\]|\.[\w-]+)*`;
const SPLIT = new RegExp(`; (?=${PATH}: )`);
const ITEM = new RegExp(`^(${PATH}): ([\\s\\S]*)$`);
const SCHEMA_PREFIX = /^Schema validation failed:[^\n]*\n/;

/** Items of a 400 detail after its "Package validation failed: " prefix. */
export function splitValidationDetail(detail: string): ValidationItem[] {
  const body = detail.startsWith(VALIDATION_PREFIX) ? detail.slice(VALIDATION_PREFIX.length) : detail;
  const items: ValidationItem[] = [];
  for (const part of body.split(SPLIT)) {
    const m = ITEM.exec(part.trim());
    if (!m) {
      if (part.trim()) items.push({ path: '', message: part.trim() });
      continue;
    }
    const [, path, message] = m;
    const expanded = SCHEMA_PREFIX.test(message) ? pydanticReport(message) : [];
    items.push(...(expanded.length ? expanded : [{ path, message: message.trim() }]));
  }
  return items;
}

/**
 * pydantic's `str(ValidationError)`: a title line, then per error a `loc` line and an indented
 * `msg [type=…, input_value=…]` line, then an "For further information" line.
 */
function pydanticReport(text: string): ValidationItem[] {
  const items: ValidationItem[] = [];
  let loc: string | undefined;
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      loc = line.trim();
    } else if (loc !== undefined && /^ {2}\S/.test(line)) {
      items.push({ path: loc, message: withoutTypeNote(line.trim()) });
      loc = undefined;
    }
  }
  return items;
}

interface PydanticIssue {
  loc?: unknown;
  msg?: unknown;
  type?: unknown;
}

/** Items of a 422 `detail` list; undefined when the detail is not such a list. */
export function pydanticItems(detail: unknown): ValidationItem[] | undefined {
  if (!Array.isArray(detail)) return undefined;
  return detail.map((raw: PydanticIssue) => {
    const loc = Array.isArray(raw?.loc) ? raw.loc : [];
    const path = loc.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
    const message = typeof raw?.msg === 'string' ? raw.msg : String(raw?.type ?? 'Invalid value');
    return { path, message };
  });
}

/** `Field required [type=missing, …]` → `Field required` (an index, not `\s*\[type=…$`, which backtracks quadratically over long blank runs). */
function withoutTypeNote(message: string): string {
  const at = message.indexOf('[type=');
  return at === -1 ? message : message.slice(0, at).trimEnd();
}
