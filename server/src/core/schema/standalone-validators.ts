/**
 * Build time only: the source of a module that replaces compile-validators.ts in the bundles, with
 * the same validators already generated (ajv standalone code), so the server compiles nothing
 * when it starts. The schema objects the generated code refers to (`parentSchema` in errors, which
 * map-errors reads and compares by identity) are taken from the schema module the rest of the core
 * uses, not copied into the code.
 */
import standaloneCode from 'ajv/dist/standalone';
import { createAjv } from './create-ajv';
import { SCHEMA, SCHEMA_ID, SECTION_ITEMS, definitionNameOf } from './schema-lookup';
import type { JsonSchema } from './schema-types';
import { SHELL_ID, SHELL_ROOT } from './shell-schema';

/** As ajv writes a value into generated code. */
function stringify(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Every object in the schema, by its JSON, with the path to reach it (definitions first, so they win ties). */
function objectPaths(): Map<string, string> {
  const paths = new Map<string, string>();
  const visit = (node: unknown, expression: string) => {
    if (!node || typeof node !== 'object') return;
    const key = stringify(node);
    if (!paths.has(key)) paths.set(key, expression);
    for (const [k, v] of Object.entries(node)) visit(v, `${expression}[${JSON.stringify(k)}]`);
  };
  for (const [name, definition] of Object.entries(SCHEMA.definitions ?? {})) visit(definition, `SCHEMA.definitions[${JSON.stringify(name)}]`);
  visit(SCHEMA, 'SCHEMA');
  visit(SHELL_ROOT, 'SHELL_ROOT');
  return paths;
}

/** Where a JSON literal starting at `start` ends (strings and nesting respected). */
function literalEnd(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === ';' || c === ',')) return i;
  }
  return code.length;
}

export function standaloneValidatorsSource(): string {
  const ajv = createAjv({ source: true });
  ajv.addSchema(SCHEMA as object);
  ajv.addSchema(SHELL_ROOT as object);
  const refs: Record<string, string> = { shell: SHELL_ID };
  const sections: string[] = [];
  for (const [section, item] of SECTION_ITEMS) {
    const name = definitionNameOf(item as JsonSchema);
    if (!name) continue;
    refs[`section_${section}`] = `${SCHEMA_ID}#/definitions/${name}`;
    sections.push(section);
  }
  let code = standaloneCode(ajv, refs);
  // Schema literals become references to the objects of the schema module.
  const paths = objectPaths();
  const declaration = /const (schema\d+) = /g;
  let out = '';
  let last = 0;
  for (let m = declaration.exec(code); m; m = declaration.exec(code)) {
    const start = m.index + m[0].length;
    const end = literalEnd(code, start);
    const path = paths.get(code.slice(start, end));
    if (!path) continue;
    out += code.slice(last, start) + path;
    last = end;
    declaration.lastIndex = end;
  }
  code = out + code.slice(last);
  const exported = code.match(/exports\.\w+ = \w+;/g) ?? [];
  code = code.replace(/exports\.(\w+) = (\w+);/g, '');
  return [
    '"use strict";',
    'const { SCHEMA } = require("./schema-lookup");',
    'const { SHELL_ROOT } = require("./shell-schema");',
    code.replace(/^"use strict";/, ''),
    'const validators = {};',
    ...exported.map((line) => line.replace(/^exports\./, 'validators.')),
    `const SECTIONS = ${JSON.stringify(sections)};`,
    'exports.compileValidators = () => ({',
    '  section: (section) => (SECTIONS.includes(section) ? validators["section_" + section] : undefined),',
    '  shell: () => validators.shell,',
    '});',
    '',
  ].join('\n');
}
