/**
 * The one place the sandbox asks "is this document valid?". It must report the language core's
 * ERROR-level findings, so install/preview/validate agree with what the editor shows.
 *
 * TEMPORARY: the core's `analyze()` is not on main yet. Until it is, this parses with the same
 * PyYAML options and checks only what the apply code needs to run safely (document shape,
 * identities and required string fields). Replace the body with `analyze(text)` when it lands.
 */
import { parseAllDocuments } from 'yaml';
import { PYYAML_OPTIONS } from '../../server/src/core/parse/pyyaml-schema';
import { SPEC_SECTIONS } from './resources/registry';
import type { VariableDeclaration } from './variables/declarations';

export interface PathMessage {
  path: string;
  message: string;
}

export interface DocumentCheck {
  /** ERROR-level problems, each with a backend-style path (`spec.agents[0].enabledFunctions`). */
  errors: PathMessage[];
  /** The document as PyYAML would load it; undefined when it cannot be parsed. */
  value: Record<string, unknown> | undefined;
  declarations: VariableDeclaration[];
}

export interface CheckOptions {
  /** False emulates a backend without install-time variables: `spec.variables` is an unknown key. */
  variables: boolean;
}

/** `spec.agents[0].enabledFunctions` from `['spec', 'agents', 0, 'enabledFunctions']`. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'root';
  return path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}

const REQUIRED: Record<string, string[]> = {
  functions: ['name', 'code'],
  skills: ['name', 'description', 'content'],
  components: ['name', 'sourceCode'],
  queries: ['name', 'connectionName', 'operation', 'sql'],
  collections: ['name'],
  stores: ['name'],
  templates: ['name', 'htmlContent'],
  manifests: ['name'],
  connectors: ['name', 'baseUrl'],
  agents: ['name'],
  webhooks: ['path', 'functionName'],
  schedules: ['name', 'cronExpression'],
  databaseTriggers: ['name', 'connectionName', 'tableName', 'functionName', 'pollColumn'],
  secrets: ['name'],
  dependencies: ['packageName'],
  roles: ['name'],
  users: ['email'],
  llmProviders: ['name', 'type'],
  databaseConnections: ['name', 'connectionType', 'host', 'database', 'username'],
  variables: ['name', 'type'],
};

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function checkDocument(text: string, options: CheckOptions): DocumentCheck {
  const errors: PathMessage[] = [];
  const fail = (path: (string | number)[], message: string) => errors.push({ path: formatPath(path), message });
  const docs = parseAllDocuments(text, PYYAML_OPTIONS);
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (Array.isArray(docs) && docs.length > 1) fail([], 'Invalid YAML: expected a single document in the stream');
  const syntax = doc?.errors[0];
  if (syntax) fail([], `Invalid YAML: ${syntax.message}`);
  if (errors.length || !doc) return { errors: doc ? errors : [{ path: 'root', message: 'Invalid YAML: empty document' }], value: undefined, declarations: [] };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return { errors: [{ path: 'root', message: `Invalid YAML: ${(error as Error).message}` }], value: undefined, declarations: [] };
  }
  if (!isMap(value)) return { errors: [{ path: 'root', message: 'The document must be a mapping' }], value: undefined, declarations: [] };

  if (value.apiVersion !== 'sinas.co/v1') fail(['apiVersion'], "Only apiVersion 'sinas.co/v1' is currently supported");
  if (value.kind !== 'SinasPackage' && value.kind !== 'SinasConfig') fail(['kind'], 'kind must be SinasConfig or SinasPackage');
  if (value.kind === 'SinasPackage') {
    if (!isMap(value.package)) fail(['package'], 'Field required');
    else if (typeof value.package.name !== 'string') fail(['package', 'name'], 'Input should be a valid string');
    else if (value.package.version !== undefined && typeof value.package.version !== 'string') fail(['package', 'version'], 'Input should be a valid string');
  }
  const spec = value.spec;
  if (!isMap(spec)) fail(['spec'], 'Field required');
  else {
    const allowed = options.variables ? [...SPEC_SECTIONS, 'variables'] : SPEC_SECTIONS;
    for (const [section, items] of Object.entries(spec)) {
      if (!allowed.includes(section)) {
        fail(['spec', section], 'Extra inputs are not permitted');
        continue;
      }
      if (!Array.isArray(items)) {
        fail(['spec', section], 'Input should be a valid list');
        continue;
      }
      items.forEach((item, i) => {
        if (!isMap(item)) return fail(['spec', section, i], 'Input should be a valid dictionary');
        for (const field of REQUIRED[section] ?? []) {
          if (item[field] === undefined || item[field] === null) fail(['spec', section, i, field], 'Field required');
          else if (typeof item[field] !== 'string') fail(['spec', section, i, field], 'Input should be a valid string');
        }
      });
    }
  }
  return { errors, value: errors.length ? undefined : value, declarations: options.variables ? readDeclarations(value) : [] };
}

function readDeclarations(value: Record<string, unknown>): VariableDeclaration[] {
  const spec = isMap(value.spec) ? value.spec : {};
  const items = Array.isArray(spec.variables) ? spec.variables.filter(isMap) : [];
  return items.map((v) => ({
    name: String(v.name),
    type: String(v.type),
    required: v.required === true,
    default: v.default,
    choices: Array.isArray(v.choices) ? v.choices : undefined,
    pattern: typeof v.pattern === 'string' ? v.pattern : undefined,
    resource: typeof v.resource === 'string' ? v.resource : undefined,
    description: typeof v.description === 'string' ? v.description : undefined,
    example: v.example,
  }));
}
