/**
 * Turns ajv errors into findings: one per problem, on the narrowest node, with the code and
 * severity the schema asks for. Wrapper errors (if/then, propertyNames) are dropped, value
 * checks are dropped when the same node already has a type error, missing fields of one object
 * are merged, and values containing `${{ … }}` are left to the variables module.
 */
import type { ErrorObject } from 'ajv';
import { CODES, type DiagnosticCode } from '../diagnostics/codes';
import type { Finding, Severity } from '../diagnostics/finding';
import { findPair, resolve, type PathSegment, type YNode } from '../parse/yaml-tree';
import type { Span } from '../text/span';
import { suggestKey } from './did-you-mean';
import { keySpan, locateInstance, ownerSpan, parsePointer, valueSpan, type InstanceLocation } from './locate-instance';
import * as msg from './messages';
import { laxKindOf, propertiesOf, schemaChain, typesOf } from './schema-lookup';
import type { JsonSchema, LaxKind } from './schema-types';

export interface MapContext {
  /** The node that was validated (a section item, or the document root). */
  node: YNode | null;
  /** The schema it was validated against. */
  schema: JsonSchema;
  /** Pointers of objects whose unknown keys the server rejects (`unknown-key`); elsewhere they are `ignored-field`. */
  strictObjects: ReadonlySet<string>;
  /** The validated node is the whole document (its type error gets the document's own message). */
  documentRoot?: boolean;
  /** How messages name the validated object itself, e.g. "Function `validate_ddf`". */
  rootLabel: string;
  /** Keys that belong one level down (spec sections at the root), for a better hint. */
  misplacedKeys?: readonly string[];
  /** The document text, to quote values as the user wrote them (`1.0`, not `1`). */
  source?: string;
  /** Where to report when no node can be found (an empty document). */
  fallback: Span;
}

/** Keywords that wrap other errors; the inner errors say it better. */
const WRAPPERS = new Set(['if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', 'propertyNames', '$ref']);
/** Checks on a scalar's value that a `${{ … }}` substitution could still satisfy. */
const VALUE_KEYWORDS = new Set(['enum', 'const', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'format', 'multipleOf']);

function isDiagnosticCode(code: string | undefined): code is DiagnosticCode {
  return code !== undefined && Object.prototype.hasOwnProperty.call(CODES, code);
}

function hasExpression(node: YNode | null | undefined): boolean {
  const target = resolve(node);
  return target?.kind === 'scalar' && typeof target.value === 'string' && target.value.includes('${{');
}

interface Policy {
  code: DiagnosticCode;
  severity?: Severity;
}

/** Applies `x-unchecked` (server stores the subtree verbatim → warnings) and `x-code`/`x-severity`. */
function policyFor(ctx: MapContext, location: InstanceLocation, error: ErrorObject, fallback: DiagnosticCode): Policy {
  const own = error.parentSchema as JsonSchema | undefined;
  const isValueCheck = VALUE_KEYWORDS.has(error.keyword) || error.propertyName !== undefined;
  if (isValueCheck && own && isDiagnosticCode(own['x-code'])) {
    return withSeverity(own['x-code'], own['x-severity']);
  }
  const path = location.exact ? location.path : [];
  const chain = schemaChain(path, ctx.schema);
  const atNode = chain.length === path.length + 1 ? chain[chain.length - 1] : undefined;
  const above = chain.slice(0, atNode ? -1 : chain.length);
  const unchecked = above.some((s) => s['x-unchecked']) || (atNode?.['x-unchecked'] === true && error.keyword !== 'type');
  if (!unchecked) return withSeverity(fallback, isValueCheck ? own?.['x-severity'] : undefined);
  const candidates = [own, atNode, ...above.reverse()];
  const code = candidates.map((s) => s?.['x-code']).find(isDiagnosticCode) ?? 'unhonoured-value';
  return withSeverity(code, 'warning');
}

function withSeverity(code: DiagnosticCode, severity: Severity | undefined): Policy {
  return severity && severity !== CODES[code].severity ? { code, severity } : { code };
}

function finding(policy: Policy, message: string, span: Span, data?: Finding['data']): Finding {
  return { code: policy.code, message, span, ...(policy.severity ? { severity: policy.severity } : {}), ...(data ? { data } : {}) };
}

/** Path for labels: what was found, then the raw rest of the pointer. */
function labelPath(location: InstanceLocation, pointer: string): PathSegment[] {
  const raw = parsePointer(pointer);
  return [...location.path, ...raw.slice(location.path.length)];
}

function scalarOf(node: YNode | null | undefined): unknown {
  const target = resolve(node);
  return target?.kind === 'scalar' ? target.value : undefined;
}

export function mapErrors(errors: readonly ErrorObject[], ctx: MapContext): Finding[] {
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const missing = new Map<string, { fields: string[]; error: ErrorObject }>();
  const out: Finding[] = [];

  for (const error of errors) {
    if (WRAPPERS.has(error.keyword)) continue;
    // `.inf` and `.nan` are floats for PyYAML, which a `float` field takes (JSON Schema cannot say so).
    if (typeof error.data === 'number' && !Number.isFinite(error.data) && laxKindOf((error.parentSchema ?? {}) as JsonSchema) === 'LaxNumber') continue;
    const location = locateInstance(ctx.node, error.instancePath);
    const path = labelPath(location, error.instancePath);
    const label = msg.fieldLabel(path, ctx.rootLabel);
    const parent = (error.parentSchema ?? {}) as JsonSchema;

    if (error.propertyName !== undefined) {
      // A check on a key (propertyNames): report on that key.
      if (error.propertyName.includes('${{')) continue;
      const policy = policyFor(ctx, location, error, 'invalid-value');
      const allowed = parent.enum ? ` expected ${msg.listOf(parent.enum)}` : '';
      const text = `${msg.tick(error.propertyName)} is not a known key of ${msg.tick(label)};${allowed}`;
      out.push(finding(policy, msg.withHint(text.replace(/;$/, '.'), parent['x-hint']), keySpan(location, error.propertyName, ctx.fallback)));
      continue;
    }

    switch (error.keyword) {
      case 'required': {
        const group = missing.get(error.instancePath) ?? { fields: [], error };
        group.fields.push(String(error.params.missingProperty));
        missing.set(error.instancePath, group);
        continue;
      }
      case 'additionalProperties': {
        const unknown = unknownKey(ctx, location, error, label);
        if (unknown) out.push(unknown);
        continue;
      }
      case 'type': {
        if (location.exact && hasExpression(location.node)) continue;
        out.push(typeFinding(ctx, location, error, path, parent));
        continue;
      }
      default: {
        if (typeErrorAt.has(error.instancePath)) continue;
        if (location.exact && hasExpression(location.node)) continue;
        const lax = laxKindOf(parent);
        if (lax) {
          const policy = policyFor(ctx, location, error, 'invalid-type');
          out.push(finding(policy, msg.laxMessage(label, lax, location.node, error.data, ctx.source), valueSpan(location, ctx.fallback)));
          continue;
        }
        out.push(valueFinding(ctx, location, error, label, parent));
      }
    }
  }

  for (const [pointer, { fields, error }] of missing) {
    const location = locateInstance(ctx.node, pointer);
    const path = labelPath(location, pointer);
    const owner = path.length ? msg.tick(msg.fieldLabel(path)) : ctx.rootLabel;
    const noun = fields.length === 1 ? 'field' : 'fields';
    const text = `${owner} is missing the required ${noun} ${msg.fieldsList(fields)}.`;
    const parent = error.parentSchema as JsonSchema | undefined;
    const policy = policyFor(ctx, location, error, 'missing-required');
    out.push(finding(policy, msg.withHint(text, parent?.['x-hint']), ownerSpan(location, ctx.fallback), { missing: fields }));
  }

  return dedupe(out);
}

function unknownKey(ctx: MapContext, location: InstanceLocation, error: ErrorObject, label: string): Finding | undefined {
  const key = String(error.params.additionalProperty);
  const objectSchema = (error.parentSchema ?? {}) as JsonSchema;
  const keyNode = location.exact ? findPair(resolve(location.node), key)?.key : undefined;
  // `on:` where the server needs string keys: a type error (yaml-pitfalls.ts), not an unknown name.
  if (objectSchema['x-string-keys'] && keyNode && typeof scalarOf(keyNode) !== 'string') return undefined;
  // A list or mapping as a key: the YAML itself is invalid there (pyyaml-compose.ts says so).
  const object = location.exact ? resolve(location.node) : undefined;
  if (!keyNode && object?.kind === 'map' && object.pairs.some((p) => p.key && p.key.kind !== 'scalar')) return undefined;
  const strict = ctx.strictObjects.has(error.instancePath);
  const candidates = Object.keys(propertiesOf(objectSchema));
  const suggestion = suggestKey(key, candidates, error.instancePath === '' ? ctx.misplacedKeys : []);
  const span = keySpan(location, key, ctx.fallback);
  const shownKey = keyNode && typeof scalarOf(keyNode) !== 'string' ? msg.shownValue(keyNode, ctx.source) || key : key;
  const yamlNote = shownKey !== key ? ` (YAML 1.1 reads ${msg.tick(shownKey)} as ${msg.tick(key)})` : '';
  const top = ctx.documentRoot && error.instancePath === '';
  const where = top ? 'at the top level' : !strict ? `in ${objectSchema.title ?? msg.tick(label)}` : `under ${msg.tick(label)}`;
  const consequence = strict ? 'the server rejects it ("Extra inputs are not permitted")' : top ? `Sinas ignores it (a package has ${msg.fieldsList(candidates)})` : 'Sinas ignores it';
  let text = `Unknown ${strict ? 'key' : 'field'} ${msg.tick(shownKey)}${yamlNote} ${where}; ${consequence}.`;
  if (suggestion.replacement) text += ` Did you mean ${msg.tick(suggestion.replacement)}?`;
  else if (suggestion.hint) text += ` Note: ${suggestion.hint}.`;
  const code: DiagnosticCode = strict ? 'unknown-key' : 'ignored-field';
  return finding({ code }, text, span, suggestion.replacement ? { replacement: suggestion.replacement } : undefined);
}


function typeFinding(ctx: MapContext, location: InstanceLocation, error: ErrorObject, path: PathSegment[], parent: JsonSchema): Finding {
  const label = msg.fieldLabel(path, ctx.rootLabel);
  const span = valueSpan(location, ctx.fallback);
  const lax: LaxKind | undefined = laxKindOf(parent);
  if (lax && (lax === 'LaxInt' || lax === 'LaxIntOrNull' || lax === 'LaxNumber') && typeof error.data === 'boolean') {
    // pydantic quietly turns a boolean into 0/1 here: surely a mistake, but not a rejection.
    const policy = policyFor(ctx, location, error, 'bool-as-number');
    return finding(policy, msg.boolAsNumberMessage(label, location.node, error.data, ctx.source), span);
  }
  const policy = policyFor(ctx, location, error, 'invalid-type');
  if (lax) return finding(policy, msg.laxMessage(label, lax, location.node, error.data, ctx.source), span);
  if (path.length === 0 && ctx.documentRoot) {
    return finding(policy, 'A package must be a YAML mapping with `apiVersion`, `kind`, `package` and `spec`.', span);
  }
  return finding(policy, msg.wrongTypeMessage(label, typesOf(parent), location.node, error.data, ctx.source), span);
}

function valueFinding(ctx: MapContext, location: InstanceLocation, error: ErrorObject, label: string, parent: JsonSchema): Finding {
  const policy = policyFor(ctx, location, error, 'invalid-value');
  const span = valueSpan(location, ctx.fallback);
  const shown = msg.shownValue(location.node, ctx.source) || String(error.data);
  const hint = parent['x-hint'];
  let data: Finding['data'];
  let text: string;
  switch (error.keyword) {
    case 'enum': {
      const allowed = (parent.enum ?? []).filter((v): v is string => typeof v === 'string');
      const suggestion =
        allowed.length === 1 ? allowed[0] : typeof error.data === 'string' ? suggestKey(error.data, allowed).replacement : undefined;
      text = `${msg.tick(label)} is ${msg.tick(shown)}; expected ${msg.listOf(parent.enum ?? [])}.`;
      text = msg.withHint(text, hint);
      if (suggestion) {
        text += ` Did you mean ${msg.tick(suggestion)}?`;
        data = { replacement: suggestion };
      }
      return finding(policy, text, span, data);
    }
    case 'const':
      text = msg.withHint(`${msg.tick(label)} must be ${msg.listOf([parent.const])}, not ${msg.tick(shown)}.`, hint);
      return finding(policy, text, span, typeof parent.const === 'string' ? { replacement: parent.const } : undefined);
    case 'pattern':
      text = hint
        ? msg.withHint(`${msg.tick(label)} ${msg.tick(shown)} does not have the expected form.`, hint)
        : `${msg.tick(label)} ${msg.tick(shown)} does not match ${msg.tick(String(parent.pattern))}.`;
      return finding(policy, text, span);
    case 'maxLength':
      text = `${msg.tick(label)} is ${String(error.data).length} characters long; the limit is ${String(error.params.limit)}.`;
      return finding(policy, msg.withHint(text, hint), span);
    case 'minLength':
      return finding(policy, msg.withHint(`${msg.tick(label)} must not be empty.`, hint), span);
    default:
      return finding(policy, msg.withHint(`${msg.tick(label)} is ${msg.tick(shown)}, which is not allowed (${error.message ?? error.keyword}).`, hint), span);
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}:${f.span.start}:${f.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

