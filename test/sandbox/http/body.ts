/**
 * Request bodies as FastAPI reads them: JSON when the content type is absent or `*json`, raw text
 * otherwise; then a small pydantic-like check of the fields a route declares, producing the same
 * 422 entries (`missing`, `string_type`, `dict_type`, `json_invalid`, `model_attributes_type`).
 */
import type { IncomingMessage } from 'node:http';
import { badRequest, HttpError, unprocessable, type ValidationIssue } from '../errors';

/** The sandbox's own cap (the backend has none): a larger body is answered 413 without buffering it. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Python's JSON parser gives up near the interpreter's recursion limit (1,000 frames), and FastAPI
 * answers that failure with 400 "There was an error parsing the body". Deeper bodies are refused
 * before parsing, so nothing deeper than this ever reaches the state (or a recursive serialiser).
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * The body, or a 413 as soon as it passes MAX_BODY_BYTES. The rest of an oversized body is read and
 * dropped (not buffered), so the client gets the answer instead of a reset connection.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        chunks.length = 0;
        reject(new HttpError(413, 'Request body too large'));
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** How deeply arrays and objects nest in JSON text (one linear pass, strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

function isJsonContentType(header: string | undefined): boolean {
  if (!header) return true;
  const mime = header.split(';')[0].trim().toLowerCase();
  const subtype = mime.split('/')[1] ?? '';
  return subtype === 'json' || subtype.endsWith('+json');
}

/** The decoded body: a JSON value, or the raw text for non-JSON content types (FastAPI keeps bytes). */
export function decodeBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (!isJsonContentType(contentType)) return text;
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw badRequest('There was an error parsing the body');
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    throw unprocessable([
      {
        type: 'json_invalid',
        loc: ['body', position ? Number(position[1]) : 0],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: 'Expecting value' },
      },
    ]);
  }
}

export type FieldType = 'str' | 'bool' | 'int' | 'dict' | 'list' | 'any';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** `Optional[...]`: an explicit null passes. */
  nullable?: boolean;
}

export type BodySchema = Record<string, FieldSpec>;

const TYPE_ISSUES: Record<Exclude<FieldType, 'any'>, [string, string]> = {
  str: ['string_type', 'Input should be a valid string'],
  bool: ['bool_type', 'Input should be a valid boolean'],
  int: ['int_type', 'Input should be a valid integer'],
  dict: ['dict_type', 'Input should be a valid dictionary'],
  list: ['list_type', 'Input should be a valid list'],
};

function fits(type: FieldType, value: unknown): boolean {
  switch (type) {
    case 'str':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'dict':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'list':
      return Array.isArray(value);
    case 'any':
      return true;
  }
}

/** Checks a decoded body against a schema; throws the 422 FastAPI would send. */
export function checkBody(body: unknown, schema: BodySchema): Record<string, unknown> {
  if (body === undefined) {
    throw unprocessable([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw unprocessable([
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: body,
      },
    ]);
  }
  const record = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const [field, spec] of Object.entries(schema)) {
    const value = record[field];
    if (value === undefined) {
      if (spec.required) issues.push({ type: 'missing', loc: ['body', field], msg: 'Field required', input: record });
      continue;
    }
    if (value === null && spec.nullable) continue;
    if (spec.type !== 'any' && !fits(spec.type, value)) {
      const [type, msg] = TYPE_ISSUES[spec.type];
      issues.push({ type, loc: ['body', field], msg, input: value });
    }
  }
  if (issues.length) throw unprocessable(issues);
  return record;
}
