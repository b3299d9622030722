/**
 * Scalars as the Sinas backend reads them: PyYAML 6's implicit resolver (which plain scalar is a
 * bool, int, float, null, timestamp, merge key or `=`) and its SafeConstructor (the value it
 * builds, or why it fails). PyYAML picks candidate resolvers by the scalar's first character and
 * tries their patterns in registration order; so does this table, so a word costs one lookup.
 * Patterns and algorithms follow PyYAML's resolver.py / constructor.py; no YAML 1.2 rules apply.
 */

/** The tags PyYAML's safe loader can construct (`tag:yaml.org,2002:<name>`). */
export type CoreTag = 'null' | 'bool' | 'int' | 'float' | 'binary' | 'timestamp' | 'str' | 'seq' | 'map' | 'omap' | 'pairs' | 'set';

/** What a scalar turns into: a value, or the reason PyYAML's safe loader refuses it. */
export type Constructed = { value: unknown; error?: undefined } | { value: string; error: string };

export const CORE_PREFIX = 'tag:yaml.org,2002:';

// Python's `$` also matches before a final newline (reachable with `! "5\n"`).
const FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\n?$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\n?$/;
const TIMESTAMP = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)\n?$/;
const WORDS: ReadonlyMap<string, boolean | null> = new Map([
  ...['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
  ...['null', 'Null', 'NULL', '~', ''].map((w) => [w, null] as const),
]);

/** The tag PyYAML resolves a plain scalar to (`merge` and `value` cannot be constructed as values). */
export type ImplicitTag = 'str' | 'bool' | 'null' | 'int' | 'float' | 'timestamp' | 'merge' | 'value';

export function resolvePlain(value: string): ImplicitTag {
  const c = value.charCodeAt(0);
  if (Number.isNaN(c)) return 'null';
  // 0-9, +, -, . : float, then int, then timestamp (digits only).
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (FLOAT.test(value)) return 'float';
    if (c !== 46 && INT.test(value)) return 'int';
    if (c >= 48 && c <= 57 && TIMESTAMP.test(value)) return 'timestamp';
    return 'str';
  }
  if (c === 60 /* < */) return value === '<<' ? 'merge' : 'str';
  if (c === 61 /* = */) return value === '=' ? 'value' : 'str';
  const word = WORDS.get(value);
  return word === undefined ? 'str' : word === null ? 'null' : 'bool';
}

/** The value of a plain scalar, as `yaml.safe_load` builds it. */
export function constructPlain(value: string): Constructed {
  const tag = resolvePlain(value);
  if (tag === 'merge' || tag === 'value') return cannotConstruct(value, `${CORE_PREFIX}${tag}`);
  return constructScalar(tag, value);
}

export function cannotConstruct(value: string, tag: string): Constructed {
  return { value, error: `could not determine a constructor for the tag '${tag}'` };
}

const fail = (value: string, error: string): Constructed => ({ value, error });

/** A scalar with a core tag, explicit (`!!int 5`) or resolved. */
export function constructScalar(tag: CoreTag | 'str' | 'bool' | 'null' | 'int' | 'float' | 'timestamp', value: string): Constructed {
  switch (tag) {
    case 'str':
      return { value };
    case 'null':
      return { value: null };
    case 'bool': {
      const word = WORDS.get(value.toLowerCase());
      return typeof word === 'boolean' ? { value: word } : fail(value, `${JSON.stringify(value)} is not one of yes, no, true, false, on, off`);
    }
    case 'int':
      return constructInt(value);
    case 'float':
      return constructFloat(value);
    case 'timestamp':
      return constructTimestamp(value);
    case 'binary':
      return constructBinary(value);
    default:
      return fail(value, `expected a ${tag === 'seq' || tag === 'omap' || tag === 'pairs' ? 'sequence' : 'mapping'} node, but found scalar`);
  }
}

/** Python's int(text, base) after PyYAML removed `_` and the sign: surrounding whitespace is allowed. */
function pythonInt(text: string, base: number): number | undefined {
  // int('0o17', 8), like int('0x1f', 16), accepts the base's own prefix.
  const t = text.trim().replace(base === 8 ? /^([+-]?)0[oO]/ : base === 16 ? /^([+-]?)0[xX]/ : base === 2 ? /^([+-]?)0[bB]/ : /^$/, '$1');
  const digits = base === 2 ? /^[+-]?[01]+$/ : base === 8 ? /^[+-]?[0-7]+$/ : base === 16 ? /^[+-]?[0-9a-fA-F]+$/ : /^[+-]?[0-9]+$/;
  if (!digits.test(t)) return undefined;
  const n = parseInt(t.replace(/^[+-]/, ''), base);
  return t.startsWith('-') ? -n : n;
}

function signOf(value: string): [number, string] {
  if (value.startsWith('-')) return [-1, value.slice(1)];
  if (value.startsWith('+')) return [1, value.slice(1)];
  return [1, value];
}

function constructInt(raw: string): Constructed {
  const [sign, value] = signOf(raw.replace(/_/g, ''));
  if (raw.replace(/_/g, '') === '') return fail(raw, 'an empty integer');
  let n: number | undefined;
  if (value === '0') n = 0;
  else if (value.startsWith('0b')) n = pythonInt(value.slice(2), 2);
  else if (value.startsWith('0x')) n = pythonInt(value.slice(2), 16);
  else if (value.startsWith('0')) n = pythonInt(value, 8);
  else if (value.includes(':')) {
    const parts = value.split(':').map((p) => pythonInt(p, 10));
    n = parts.some((p) => p === undefined) ? undefined : parts.reduce<number>((sum, p) => sum * 60 + p!, 0);
  } else n = pythonInt(value, 10);
  // `+ 0`: Python's ints have no negative zero.
  return n === undefined ? fail(raw, `${JSON.stringify(raw)} is not an integer`) : { value: sign * n + 0 };
}

const PY_FLOAT = /^\s*[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf(?:inity)?|nan)\s*$/i;

function pythonFloat(text: string): number | undefined {
  if (!PY_FLOAT.test(text)) return undefined;
  const t = text.trim().toLowerCase().replace(/^([+-]?)inf(?:inity)?$/, '$1Infinity');
  return /nan$/.test(t) ? NaN : Number(t);
}

function constructFloat(raw: string): Constructed {
  const [sign, value] = signOf(raw.replace(/_/g, '').toLowerCase());
  if (raw.replace(/_/g, '') === '') return fail(raw, 'an empty float');
  let n: number | undefined;
  if (value === '.inf') n = Infinity;
  else if (value === '.nan') return { value: NaN };
  else if (value.includes(':')) {
    const parts = value.split(':').map(pythonFloat);
    n = parts.some((p) => p === undefined) ? undefined : parts.reduce<number>((sum, p) => sum * 60 + p!, 0);
  } else n = pythonFloat(value);
  return n === undefined ? fail(raw, `${JSON.stringify(raw)} is not a number`) : { value: sign * n };
}

const TIMESTAMP_PARTS = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?\n?$/;

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A date (UTC midnight) or date-time; Python's datetime refuses out-of-range fields, and so does this. */
function constructTimestamp(value: string): Constructed {
  const m = TIMESTAMP_PARTS.exec(value);
  if (!m) return fail(value, `${JSON.stringify(value)} is not a timestamp`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return fail(value, `year ${year} is out of range`);
  if (month < 1 || month > 12) return fail(value, 'month must be in 1..12');
  if (day < 1 || day > daysIn(year, month)) return fail(value, 'day is out of range for month');
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (m[4] === undefined) return { value: date };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23) return fail(value, 'hour must be in 0..23');
  if (minute > 59) return fail(value, 'minute must be in 0..59');
  if (second > 59) return fail(value, 'second must be in 0..59');
  const millis = m[7] ? Math.floor(Number(`0.${m[7].slice(0, 6).padEnd(6, '0')}`) * 1000) : 0;
  let offset = 0;
  if (m[9]) {
    offset = (Number(m[10]) * 60 + Number(m[11] ?? 0)) * (m[9] === '-' ? -1 : 1);
    if (Math.abs(offset) >= 24 * 60) return fail(value, 'the time zone offset must be less than 24 hours');
  }
  date.setUTCHours(hour, minute - offset, second, millis);
  return { value: date };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * `!!binary`: Python's non-strict base64 decoder (other characters are skipped, the first complete
 * padding ends the data). The bytes become text when they are UTF-8, as pydantic's lax mode
 * decodes bytes given to a `str`, `int`, `float` or `bool` field; otherwise a Uint8Array stays.
 */
function constructBinary(value: string): Constructed {
  if (/[^\x00-\x7F]/.test(value)) return fail(value, 'failed to convert base64 data into ascii');
  const bytes: number[] = [];
  let quad = 0;
  let pads = 0;
  let acc = 0;
  let count = 0;
  for (const ch of value) {
    if (ch === '=') {
      if (quad >= 2 && quad + ++pads >= 4) {
        quad = 0;
        break;
      }
      continue;
    }
    const digit = BASE64.indexOf(ch);
    if (digit < 0) continue;
    pads = 0;
    count++;
    acc = (acc << 6) | digit;
    quad = (quad + 1) & 3;
    if (quad === 0) {
      bytes.push((acc >> 16) & 255, (acc >> 8) & 255, acc & 255);
      acc = 0;
    }
  }
  if (quad === 1) return fail(value, `failed to decode base64 data: number of data characters (${count}) cannot be 1 more than a multiple of 4`);
  if (quad !== 0) return fail(value, 'failed to decode base64 data: incorrect padding');
  const tail = count % 4;
  if (tail === 2) bytes.push((acc >> 4) & 255);
  if (tail === 3) bytes.push((acc >> 10) & 255, (acc >> 2) & 255);
  const data = Uint8Array.from(bytes);
  try {
    return { value: new TextDecoder('utf-8', { fatal: true }).decode(data) };
  } catch {
    return { value: data };
  }
}
