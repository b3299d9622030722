/**
 * The subset of JSON Schema (draft-07) and of our `x-` extensions that the core reads. The schema
 * file is the single source of truth; these types only describe how we read it.
 */
import type { Severity } from '../diagnostics/finding';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface DefaultSnippet {
  label?: string;
  description?: string;
  markdownDescription?: string;
  body?: unknown;
  bodyText?: string;
}

export interface JsonSchema {
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  items?: JsonSchema | boolean;
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
  enumDescriptions?: string[];
  defaultSnippets?: DefaultSnippet[];
  /** Severity of this node's value checks (enum, const, pattern, length); type errors keep theirs. */
  'x-severity'?: Severity;
  /** Stable diagnostic code of this node's value checks, registered in diagnostics/codes.ts. */
  'x-code'?: string;
  /** Short consequence appended to value messages ("any other value sends no authentication"). */
  'x-hint'?: string;
  /**
   * The server stores this node's contents verbatim (`dict[str, Any]` / `list[Any]`): only the
   * node's own type is checked by Sinas, everything inside it is a runtime matter, hence a warning.
   */
  'x-unchecked'?: boolean;
  /**
   * Whether the server needs this object's keys to be strings (`dict[str, …]`, the document root
   * it calls `SinasConfig(**doc)` with), where YAML 1.1 may read `on:` or `1:` as another type.
   * Defaults to true for open objects (dicts) and false for closed ones (models ignore such keys).
   */
  'x-string-keys'?: boolean;
  /** The value is itself a JSON Schema: completion and hover offer JSON Schema's keywords inside it. */
  'x-json-schema'?: boolean;
}

/** Names of the lax scalar definitions: pydantic's coercions written as plain JSON Schema. */
export type LaxKind = 'LaxInt' | 'LaxIntOrNull' | 'LaxNumber' | 'LaxBool' | 'LaxBoolOrNull';

export const LAX_KINDS: readonly LaxKind[] = ['LaxInt', 'LaxIntOrNull', 'LaxNumber', 'LaxBool', 'LaxBoolOrNull'];

/** What a `${{ vars.X }}` substitution must produce at a path; enum values when the field has a fixed set. */
export type ExpectedType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | readonly unknown[];
