/**
 * The differential table: SinasPackage documents and the verdict the Sinas backend gives on
 * install, written down from its source — `PackageService` (backend/app/services/package_service.py)
 * runs `ConfigParser.parse_and_validate` (backend/app/services/config_parser.py: `yaml.safe_load`,
 * then `SinasConfig(**doc)` from backend/app/schemas/config.py, then `_validate_references`) and
 * refuses any `kind` but SinasPackage. YAML verdicts follow PyYAML 6.0.3; every verdict was checked
 * by running the backend's own models and parser on the document (check-verdicts.py; python is
 * only needed for that check, never by the tests). References are self-contained (the instance is
 * empty), and install-time variables follow the product spec: they are substituted into the text
 * before it is parsed, so a document is rejected when it is rejected for every value they can take.
 *
 * `rejects` names the node the backend blames: a path of keys and indices (`spec.agents.0.hooks`,
 * with `key:<name>` for a mapping key as written; `''` for the document as a whole), or the
 * 1-based line of PyYAML's error mark.
 */

export type Where = { path: string } | { line: number };

export interface DifferentialCase {
  name: string;
  text: string;
  backend: 'accepts' | { rejects: Where };
  /** The backend rule behind the verdict (file and what in it). */
  source: string;
}

const HEAD = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: demo\n';
const FUNCTION = '  functions:\n    - name: f\n      code: |\n        def handler(input_data, context):\n            return {}\n';

/** A package whose `package:` block gets `pkgLines` and whose `spec:` is `spec` (indented two spaces). */
function pkg(spec: string, extra: { pkgLines?: string; root?: string } = {}): string {
  return `${HEAD}${extra.pkgLines ?? ''}${extra.root ?? ''}spec:${spec ? `\n${spec}` : ' {}\n'}`;
}

/** One function `f` (namespace default) with `fields` added. */
function fn(fields: string): string {
  return `${FUNCTION}${fields}`;
}

/** One agent `a` with `fields`. */
function agent(fields: string): string {
  return `  agents:\n    - name: a\n${fields}`;
}

const YAML = 'config_parser.py: yaml.safe_load (PyYAML 6.0.3)';
const RESOLVER = `${YAML}, resolver.py implicit resolvers`;
const CONSTRUCTOR = `${YAML}, constructor.py SafeConstructor`;
const SCANNER = `${YAML}, scanner.py`;
const COMPOSER = `${YAML}, composer.py`;
const MODELS = 'schemas/config.py';
const REFERENCES = 'config_parser.py: _validate_references';
const VARIABLES = 'product spec (seed): ${{ vars.X }} substituted in the text before parsing';

export const CASES: DifferentialCase[] = [
  // ── Document root: SinasConfig(**doc) has no extra="forbid"; only ConfigSpec forbids extras.
  { name: 'minimal package', text: pkg(''), backend: 'accepts', source: `${MODELS}: SinasConfig` },
  { name: 'root extra `variables: []`', text: pkg('', { root: 'variables: []\n' }), backend: 'accepts', source: `${MODELS}: SinasConfig ignores unknown keys` },
  { name: 'root extra with a value', text: pkg('', { root: 'notes: hand-written\n' }), backend: 'accepts', source: `${MODELS}: SinasConfig ignores unknown keys` },
  { name: 'root `metadata:` left empty', text: pkg('', { root: 'metadata:\n' }), backend: 'accepts', source: `${MODELS}: SinasConfig.metadata Optional[ConfigMetadata]` },
  { name: 'root `metadata: {}` without name', text: pkg('', { root: 'metadata: {}\n' }), backend: { rejects: { path: 'metadata' } }, source: `${MODELS}: ConfigMetadata.name required` },
  { name: 'root key `on` (True)', text: pkg('', { root: 'on: 1\n' }), backend: { rejects: { path: 'key:on' } }, source: `${MODELS}: SinasConfig(**doc) needs string keywords` },
  { name: 'root key `1`', text: pkg('', { root: '1: x\n' }), backend: { rejects: { path: 'key:1' } }, source: `${MODELS}: SinasConfig(**doc) needs string keywords` },
  { name: 'unknown key under spec', text: pkg('  pipPackages: []\n'), backend: { rejects: { path: 'spec.key:pipPackages' } }, source: `${MODELS}: ConfigSpec extra="forbid"` },
  { name: 'key `on` under spec', text: pkg('  on: []\n'), backend: { rejects: { path: 'spec.key:on' } }, source: `${MODELS}: ConfigSpec extra="forbid" (invalid_key)` },
  { name: 'unknown key in package', text: pkg('', { pkgLines: '  homepage: https://x\n' }), backend: 'accepts', source: `${MODELS}: PackageMetadataConfig ignores unknown keys` },
  { name: 'key `on` in package', text: pkg('', { pkgLines: '  on: 1\n' }), backend: 'accepts', source: `${MODELS}: PackageMetadataConfig ignores unknown keys` },
  { name: 'unknown field in an agent', text: pkg(agent('      sytemPrompt: hi\n')), backend: 'accepts', source: `${MODELS}: AgentConfig ignores unknown keys` },
  { name: 'missing spec', text: HEAD, backend: { rejects: { path: '' } }, source: `${MODELS}: SinasConfig.spec required` },
  { name: 'kind SinasConfig', text: 'apiVersion: sinas.co/v1\nkind: SinasConfig\nmetadata:\n  name: m\nspec: {}\n', backend: { rejects: { path: 'kind' } }, source: 'package_service.py: "Expected kind: SinasPackage"' },
  { name: 'kind SinasConfig without metadata', text: 'apiVersion: sinas.co/v1\nkind: SinasConfig\nspec: {}\n', backend: { rejects: { path: 'kind' } }, source: `${MODELS}: validate_metadata; package_service.py kind check` },
  { name: 'unknown kind', text: pkg('').replace('SinasPackage', 'Bundle'), backend: { rejects: { path: 'kind' } }, source: `${MODELS}: SinasConfig.kind pattern` },
  { name: 'kind as an alias of apiVersion', text: pkg('').replace('apiVersion: sinas.co/v1\nkind: SinasPackage', 'apiVersion: &v sinas.co/v1\nkind: *v'), backend: { rejects: { path: 'kind' } }, source: `${COMPOSER}: aliases share the node; ${MODELS}: SinasConfig.kind pattern` },
  { name: 'apiVersion v2', text: pkg('').replace('sinas.co/v1', 'sinas.co/v2'), backend: { rejects: { path: 'apiVersion' } }, source: `${MODELS}: validate_api_version` },

  { name: 'package name with a slash (installs; REST cannot address it later)', text: pkg('').replace('name: demo', 'name: acme/crm'), backend: 'accepts', source: `${MODELS}: PackageMetadataConfig.name str` },
  { name: 'header broken by a stray character', text: pkg('').replace('apiVersion: sinas', 'apiVersion:x sinas'), backend: { rejects: { line: 2 } }, source: `${SCANNER}: a simple key stays on one line` },

  // ── Scalars as PyYAML resolves them, then pydantic's lax mode.
  { name: 'version 09 (not octal: a string)', text: pkg('', { pkgLines: '  version: 09\n' }), backend: 'accepts', source: `${RESOLVER}: int needs 0[0-7_]+ after a leading 0` },
  { name: 'version 010 (octal int 8)', text: pkg('', { pkgLines: '  version: 010\n' }), backend: { rejects: { path: 'package.version' } }, source: `${RESOLVER}; ${MODELS}: PackageMetadataConfig.version str` },
  { name: 'version 1.0 (float)', text: pkg('', { pkgLines: '  version: 1.0\n' }), backend: { rejects: { path: 'package.version' } }, source: `${RESOLVER}; ${MODELS}: version str` },
  { name: 'version 1_0 (int)', text: pkg('', { pkgLines: '  version: 1_0\n' }), backend: { rejects: { path: 'package.version' } }, source: `${RESOLVER}; ${MODELS}: version str` },
  { name: 'version 0o10 (a string in YAML 1.1)', text: pkg('', { pkgLines: '  version: 0o10\n' }), backend: 'accepts', source: RESOLVER },
  { name: 'version 0x1F (hex int)', text: pkg('', { pkgLines: '  version: 0x1F\n' }), backend: { rejects: { path: 'package.version' } }, source: `${RESOLVER}; ${MODELS}: version str` },
  { name: 'version 1e3 (a string: PyYAML floats need a dot)', text: pkg('', { pkgLines: '  version: 1e3\n' }), backend: 'accepts', source: RESOLVER },
  { name: 'version 1.0e+3 (float)', text: pkg('', { pkgLines: '  version: 1.0e+3\n' }), backend: { rejects: { path: 'package.version' } }, source: `${RESOLVER}; ${MODELS}: version str` },
  { name: 'version 1:20 (sexagesimal int)', text: pkg('', { pkgLines: '  version: 1:20\n' }), backend: { rejects: { path: 'package.version' } }, source: `${RESOLVER}; ${MODELS}: version str` },
  { name: 'version 00:10 (a string)', text: pkg('', { pkgLines: '  version: 00:10\n' }), backend: 'accepts', source: RESOLVER },
  { name: 'version 2024-01-01 (date)', text: pkg('', { pkgLines: '  version: 2024-01-01\n' }), backend: { rejects: { path: 'package.version' } }, source: `${RESOLVER}; ${MODELS}: version str` },
  { name: 'version 2024-1-1 (a string)', text: pkg('', { pkgLines: '  version: 2024-1-1\n' }), backend: 'accepts', source: `${RESOLVER}: a date needs two-digit month and day` },
  { name: 'version ~ (null)', text: pkg('', { pkgLines: '  version: ~\n' }), backend: { rejects: { path: 'package.version' } }, source: `${MODELS}: version str (not Optional)` },
  { name: 'version yes (bool)', text: pkg('', { pkgLines: '  version: yes\n' }), backend: { rejects: { path: 'package.version' } }, source: `${RESOLVER}; ${MODELS}: version str` },
  { name: 'version y (a string in PyYAML)', text: pkg('', { pkgLines: '  version: y\n' }), backend: 'accepts', source: `${RESOLVER}: bool words are yes/no/true/false/on/off` },
  { name: 'version oN (a string)', text: pkg('', { pkgLines: '  version: oN\n' }), backend: 'accepts', source: RESOLVER },
  { name: 'version ! 42 (non-specific tag: int)', text: pkg('', { pkgLines: '  version: ! 42\n' }), backend: { rejects: { path: 'package.version' } }, source: `${YAML}: composer resolves "!" as plain; ${MODELS}: version str` },
  { name: 'version ! "42" (non-specific tag: int)', text: pkg('', { pkgLines: '  version: ! "42"\n' }), backend: { rejects: { path: 'package.version' } }, source: `${YAML}: composer resolves "!" as plain; ${MODELS}: version str` },
  { name: 'version !!str 42', text: pkg('', { pkgLines: '  version: !!str 42\n' }), backend: 'accepts', source: CONSTRUCTOR },
  { name: 'temperature .inf', text: pkg(agent('      temperature: .inf\n')), backend: 'accepts', source: `${RESOLVER}; ${MODELS}: AgentConfig.temperature float` },
  { name: 'temperature .nan', text: pkg(agent('      temperature: .NaN\n')), backend: 'accepts', source: `${RESOLVER}; ${MODELS}: AgentConfig.temperature float` },
  { name: 'temperature -.5 (a string pydantic parses)', text: pkg(agent('      temperature: -.5\n')), backend: 'accepts', source: `${RESOLVER}; ${MODELS}: float accepts numeric strings` },
  { name: 'timeout .inf', text: pkg(fn('      timeout: .inf\n')), backend: { rejects: { path: 'spec.functions.0.timeout' } }, source: `${MODELS}: FunctionConfig.timeout Optional[int] (finite)` },
  { name: 'timeout 1:30 (90)', text: pkg(fn('      timeout: 1:30\n')), backend: 'accepts', source: `${RESOLVER}; ${MODELS}: timeout int` },
  { name: 'timeout 0x1e (30)', text: pkg(fn('      timeout: 0x1e\n')), backend: 'accepts', source: `${RESOLVER}; ${MODELS}: timeout int` },
  { name: 'timeout 1e3 (a string, not an integer)', text: pkg(fn('      timeout: 1e3\n')), backend: { rejects: { path: 'spec.functions.0.timeout' } }, source: `${RESOLVER}; ${MODELS}: timeout int` },
  { name: 'sharedPool 1.0', text: pkg(fn('      sharedPool: 1.0\n')), backend: 'accepts', source: `${MODELS}: sharedPool bool (lax: 1.0)` },
  { name: 'sharedPool 0.5', text: pkg(fn('      sharedPool: 0.5\n')), backend: { rejects: { path: 'spec.functions.0.sharedPool' } }, source: `${MODELS}: sharedPool bool` },
  { name: 'description !!binary (UTF-8)', text: pkg(fn('      description: !!binary aGVsbG8=\n')), backend: 'accepts', source: `${CONSTRUCTOR}: bytes; ${MODELS}: str accepts UTF-8 bytes` },
  { name: 'description !!binary (not UTF-8)', text: pkg(fn('      description: !!binary /w==\n')), backend: { rejects: { path: 'spec.functions.0.description' } }, source: `${CONSTRUCTOR}: bytes; ${MODELS}: str` },
  { name: 'timeout !!binary "30"', text: pkg(fn('      timeout: !!binary MzA=\n')), backend: 'accepts', source: `${CONSTRUCTOR}: bytes; ${MODELS}: int accepts bytes` },
  { name: 'date as an enabledStores entry (str or object)', text: pkg(agent('      enabledStores: [2024-01-01]\n')), backend: { rejects: { path: 'spec.agents.0.enabledStores' } }, source: `${RESOLVER}; ${MODELS}: enabledStores list[Union[str, EnabledStoreConfigYaml]]` },
  { name: 'defaultValues !!binary (bytes, not a dict)', text: pkg(`${FUNCTION}  webhooks:\n    - path: hook\n      functionName: f\n      defaultValues: !!binary /w==\n`), backend: { rejects: { path: 'spec.webhooks.0.defaultValues' } }, source: `${CONSTRUCTOR}: bytes; ${MODELS}: WebhookConfig.defaultValues dict[str, Any]` },
  { name: 'description 2024-01-01 (date)', text: pkg(fn('      description: 2024-01-01\n')), backend: { rejects: { path: 'spec.functions.0.description' } }, source: `${RESOLVER}; ${MODELS}: description Optional[str]` },
  { name: 'function name y and n', text: pkg('  functions:\n    - name: y\n      code: x\n    - name: n\n      code: x\n'), backend: 'accepts', source: RESOLVER },
  { name: 'function name no (bool)', text: pkg('  functions:\n    - name: no\n      code: x\n'), backend: { rejects: { path: 'spec.functions.0.name' } }, source: `${RESOLVER}; ${MODELS}: FunctionConfig.name str` },
  { name: 'enabledFunctions !!set', text: pkg(`${FUNCTION}${agent('      enabledFunctions: !!set {default/f}\n')}`), backend: 'accepts', source: `${CONSTRUCTOR}: set; ${MODELS}: list[str] accepts a set` },

  // ── Tags, values and merges PyYAML's safe loader cannot construct.
  { name: 'local tag !Ref', text: pkg(fn('      description: !Ref foo\n')), backend: { rejects: { line: 11 } }, source: `${CONSTRUCTOR}: no constructor for '!Ref'` },
  { name: 'python tag', text: pkg(fn('      description: !!python/object:os.system x\n')), backend: { rejects: { line: 11 } }, source: `${CONSTRUCTOR}: no constructor` },
  { name: 'tag on a mapping', text: pkg(fn('      inputSchema: !schema {type: object}\n')), backend: { rejects: { line: 11 } }, source: `${CONSTRUCTOR}: no constructor for '!schema'` },
  { name: '`=` as a value', text: pkg(fn('      description: =\n')), backend: { rejects: { line: 11 } }, source: `${CONSTRUCTOR}: no constructor for tag:yaml.org,2002:value` },
  { name: '`"="` quoted', text: pkg(fn('      description: "="\n')), backend: 'accepts', source: CONSTRUCTOR },
  { name: '`<<` as a value', text: pkg(fn('      description: <<\n')), backend: { rejects: { line: 11 } }, source: `${CONSTRUCTOR}: no constructor for tag:yaml.org,2002:merge` },
  { name: 'merge of a scalar', text: pkg('  functions:\n    - <<: 5\n      name: f\n      code: x\n'), backend: { rejects: { line: 7 } }, source: `${CONSTRUCTOR}: flatten_mapping` },
  { name: 'merge of a mapping', text: pkg('  functions:\n    - &base\n      name: f\n      code: x\n    - <<: *base\n      name: g\n'), backend: 'accepts', source: `${CONSTRUCTOR}: flatten_mapping` },
  { name: 'merge of an empty value', text: pkg('  functions:\n    - <<:\n      name: f\n      code: x\n'), backend: { rejects: { line: 7 } }, source: `${CONSTRUCTOR}: flatten_mapping` },
  { name: 'sequence as a key', text: pkg(fn('      ? [a, b]\n      : x\n')), backend: { rejects: { line: 11 } }, source: `${CONSTRUCTOR}: found unhashable key` },
  { name: 'duplicate anchor', text: pkg('  functions:\n    - &f\n      name: f\n      code: x\n    - &f\n      name: g\n      code: x\n'), backend: { rejects: { line: 10 } }, source: `${COMPOSER}: found duplicate anchor` },
  { name: 'invalid date', text: pkg(fn('      description: 2024-02-30\n')), backend: { rejects: { path: 'spec.functions.0.description' } }, source: `${CONSTRUCTOR}: datetime.date raises ValueError (a 500)` },
  { name: '!!int on text', text: pkg(fn('      timeout: !!int soon\n')), backend: { rejects: { path: 'spec.functions.0.timeout' } }, source: `${CONSTRUCTOR}: int() raises ValueError (a 500)` },
  { name: 'duplicate key (last wins)', text: pkg('  functions:\n    - name: f\n      name: g\n      code: x\n'), backend: 'accepts', source: `${CONSTRUCTOR}: construct_mapping keeps the last` },

  // ── The scanner: tabs, line breaks, indentation.
  { name: 'tab after a colon before a flow value', text: pkg('  skills:\t[]\n'), backend: { rejects: { line: 6 } }, source: `${SCANNER}: only spaces separate tokens` },
  { name: 'tab before a comment', text: pkg('  skills: []\t# none yet\n'), backend: { rejects: { line: 6 } }, source: `${SCANNER}: only spaces separate tokens` },
  { name: 'tab inside a plain value', text: pkg(fn('      description: a\tb\n')), backend: { rejects: { line: 11 } }, source: `${SCANNER}: a plain scalar stops at a tab` },
  { name: 'tab inside a quoted value', text: pkg(fn('      description: "a\tb"\n')), backend: 'accepts', source: SCANNER },
  { name: 'tab inside block scalar text', text: pkg('  functions:\n    - name: f\n      code: |\n        def handler(input_data, context):\n        \treturn {}\n'), backend: 'accepts', source: SCANNER },
  { name: 'NEL inside a plain value', text: pkg(fn('      description: a\u0085b\n')), backend: { rejects: { line: 12 } }, source: `${SCANNER}: NEL is a line break` },
  { name: 'lone CR line ends', text: pkg(fn('')).replace(/\n/g, '\r'), backend: 'accepts', source: `${SCANNER}: \\r is a line break` },
  { name: 'CR CR LF line ends', text: pkg(fn('')).replace(/\n/g, '\r\r\n'), backend: 'accepts', source: `${SCANNER}: \\r then \\r\\n` },
  { name: 'NEL line ends', text: pkg(fn('')).replace(/\n/g, '\u0085'), backend: 'accepts', source: `${SCANNER}: NEL is a line break` },
  { name: 'flow list continued at its key\'s indent', text: pkg(`${FUNCTION}${agent('      enabledFunctions: [default/f,\n      default/f]\n')}`), backend: 'accepts', source: `${SCANNER}: no indentation inside flow collections` },
  { name: 'quoted text continued at column 0', text: pkg(fn('      description: "first line\nsecond line"\n')), backend: 'accepts', source: `${SCANNER}: no indentation inside quoted scalars` },
  { name: 'key of a flow mapping over 1024 characters', text: pkg(fn(`      inputSchema: {${'k'.repeat(1030)}: 1}\n`)), backend: { rejects: { line: 11 } }, source: `${SCANNER}: simple keys end within 1024 characters` },
  { name: 'empty key', text: pkg(fn('      : x\n')), backend: { rejects: { line: 11 } }, source: `${YAML}: parser.py expects a key` },
  { name: 'block scalar header under its key, at the key\'s column', text: pkg('  functions:\n    - name: f\n      code:\n      |\n        def handler(input_data, context):\n            return {}\n'), backend: 'accepts', source: `${SCANNER}: the header is not below the mapping's indent, so it is the key's value` },
  { name: 'block scalar header left of its key', text: pkg('  functions:\n    - name: f\n      code:\n    |\n        x\n'), backend: { rejects: { line: 9 } }, source: `${YAML}: parser.py expects <block end>` },
  { name: 'comment right after a quoted value', text: pkg(fn('      description: "hi"#note\n')), backend: 'accepts', source: SCANNER },
  { name: 'a line starting with @ at column 0', text: pkg(`${FUNCTION}@note\n  skills: []\n`), backend: { rejects: { line: 11 } }, source: `${SCANNER}: '@' cannot start any token` },
  { name: 'a line starting with ] at column 0', text: pkg(`${FUNCTION}]\n  skills: []\n`), backend: { rejects: { line: 11 } }, source: `${YAML}: parser.py expects <block end>` },
  { name: 'a flow sequence opened at column 0 between two items', text: pkg(`  variables:\n    - name: A\n[\n    - name: B\n${FUNCTION}`), backend: { rejects: { line: 9 } }, source: `${SCANNER}: a simple key at the mapping's column ends on its line` },
  { name: 'a list item at column 0 after a section\'s items', text: pkg(`${FUNCTION}- x\n  skills: []\n`), backend: { rejects: { line: 11 } }, source: `${YAML}: parser.py expects <block end>` },
  { name: 'a list item at column 0 between two items', text: pkg(`  variables:\n    - name: A\n- name: B\n    - name: C\n${FUNCTION}`), backend: { rejects: { line: 8 } }, source: `${YAML}: parser.py expects <block end>` },
  { name: 'a section name without its colon between two items', text: pkg(`  variables:\n    - name: A\n  skills\n    - name: B\n${FUNCTION}`), backend: { rejects: { line: 8 } }, source: `${SCANNER}: a simple key at the mapping's column ends on its line` },
  { name: 'a quote opened at column 0 after a section\'s items', text: pkg(`${FUNCTION}"note\n  skills: []\n`), backend: { rejects: { line: 11 } }, source: `${SCANNER}: a simple key at the mapping's column ends on its line` },
  { name: 'an anchor alone at column 0', text: pkg(`${FUNCTION}&a\n  skills: []\n`), backend: { rejects: { line: 11 } }, source: `${SCANNER}: a simple key at the mapping's column ends on its line` },
  { name: 'a flow mapping at column 0 without a value', text: pkg(`${FUNCTION}{x}\n  skills: []\n`), backend: { rejects: { line: 11 } }, source: `${SCANNER}: a simple key at the mapping's column ends on its line` },
  { name: 'a tag alone at column 0', text: pkg(`${FUNCTION}!note\n  skills: []\n`), backend: { rejects: { line: 11 } }, source: `${SCANNER}: a simple key at the mapping's column ends on its line` },
  { name: 'a list item that lost its indentation, at column 0', text: pkg(`  variables:\n    - name: A\nx    - name: B\n    - name: C\n${FUNCTION}`), backend: { rejects: { line: 9 } }, source: `${SCANNER}: a plain value read across lines ends at ': ' (mapping values are not allowed here)` },
  { name: 'a value typed after a section key with items under it', text: pkg(`  variables: none\n    - name: A\n${FUNCTION}`), backend: { rejects: { line: 7 } }, source: `${SCANNER}: a plain value read across lines ends at ': ' (mapping values are not allowed here)` },

  // ── Free-form dicts need string keys (dict[str, …]); models and list[Any] do not care.
  { name: 'hooks key `on` (True)', text: pkg(agent('      hooks:\n        on: []\n')), backend: { rejects: { path: 'spec.agents.0.hooks.key:on' } }, source: `${MODELS}: AgentConfig.hooks Optional[dict[str, Any]]` },
  { name: 'hooks key `1`', text: pkg(agent('      hooks:\n        1: []\n')), backend: { rejects: { path: 'spec.agents.0.hooks.key:1' } }, source: `${MODELS}: AgentConfig.hooks Optional[dict[str, Any]]` },
  { name: 'hooks in snake_case', text: pkg(`${FUNCTION}${agent('      hooks:\n        on_user_message:\n          - function: default/f\n')}`), backend: 'accepts', source: `${MODELS}: AgentConfig.hooks` },
  { name: 'enabledConnectors entry key `1`', text: pkg(agent('      enabledConnectors:\n        - connector: default/c\n          1: x\n')), backend: { rejects: { path: 'spec.agents.0.enabledConnectors.0.key:1' } }, source: `${MODELS}: enabledConnectors list[dict[str, Any]]` },
  { name: 'functionParameters key `1`', text: pkg(agent('      functionParameters:\n        1: {}\n')), backend: { rejects: { path: 'spec.agents.0.functionParameters.key:1' } }, source: `${MODELS}: functionParameters dict[str, Any]` },
  { name: 'connector headers key `on`', text: pkg('  connectors:\n    - name: c\n      baseUrl: https://x\n      headers:\n        on: x\n'), backend: { rejects: { path: 'spec.connectors.0.headers.key:on' } }, source: `${MODELS}: ConnectorConfig.headers dict[str, str]` },
  { name: 'enabledConnectors parameters key `1` (inside Any)', text: pkg(agent('      enabledConnectors:\n        - connector: default/c\n          parameters:\n            op: {1: x}\n')), backend: 'accepts', source: `${MODELS}: enabledConnectors values are Any` },
  { name: 'storeDependencies entry key `1`', text: pkg('  manifests:\n    - name: m\n      storeDependencies:\n        - 1: x\n'), backend: 'accepts', source: `${MODELS}: ManifestConfig.storeDependencies list[dict]` },
  { name: 'systemTools entry key `1`', text: pkg(agent('      systemTools:\n        - 1: x\n')), backend: 'accepts', source: `${MODELS}: AgentConfig.systemTools list[Any]` },
  { name: 'date as a functionParameters key', text: pkg(agent('      functionParameters:\n        2024-01-01: {}\n')), backend: { rejects: { path: 'spec.agents.0.functionParameters.key:2024-01-01' } }, source: `${RESOLVER}; ${MODELS}: dict[str, Any]` },

  { name: 'date inside a hook (stored as Any)', text: pkg(`${FUNCTION}${agent('      hooks:\n        on_user_message:\n          - function: default/f\n            on_timeout: 2024-01-01\n')}`), backend: 'accepts', source: `${MODELS}: AgentConfig.hooks dict[str, Any]` },

  // ── References (checked against the document and an empty instance).
  { name: 'empty contentFilterFunction', text: pkg('  collections:\n    - name: c\n      contentFilterFunction: ""\n'), backend: 'accepts', source: `${REFERENCES}: skipped when falsy` },
  { name: 'empty postUploadFunction', text: pkg('  collections:\n    - name: c\n      postUploadFunction: ""\n'), backend: 'accepts', source: `${REFERENCES}: skipped when falsy` },
  { name: 'null contentFilterFunction', text: pkg('  collections:\n    - name: c\n      contentFilterFunction:\n'), backend: 'accepts', source: `${MODELS}: Optional[str]; ${REFERENCES}: skipped when falsy` },
  { name: 'empty webhook functionName', text: pkg('  webhooks:\n    - path: hook\n      functionName: ""\n'), backend: { rejects: { path: 'spec.webhooks.0.functionName' } }, source: `${REFERENCES}: looks up 'default/'` },
  { name: 'webhook functionName, bare', text: pkg(`${FUNCTION}  webhooks:\n    - path: hook\n      functionName: f\n`), backend: 'accepts', source: `${REFERENCES}: 'default/' + functionName` },
  { name: 'webhook functionName with / naming a default function', text: pkg('  functions:\n    - name: tools/f\n      code: x\n  webhooks:\n    - path: hook\n      functionName: tools/f\n'), backend: 'accepts', source: `${REFERENCES}: 'default/tools/f' is defined` },
  { name: 'webhook functionName ns/name', text: pkg('  functions:\n    - namespace: tools\n      name: f\n      code: x\n  webhooks:\n    - path: hook\n      functionName: tools/f\n'), backend: { rejects: { path: 'spec.webhooks.0.functionName' } }, source: `${REFERENCES}: looks up 'default/tools/f'` },
  { name: 'bare name in enabledFunctions', text: pkg(`${FUNCTION}${agent('      enabledFunctions: [f]\n')}`), backend: { rejects: { path: 'spec.agents.0.enabledFunctions' } }, source: `${REFERENCES}: raw string compared with ns/name` },
  { name: 'qualified name in enabledFunctions', text: pkg(`${FUNCTION}${agent('      enabledFunctions: [default/f]\n')}`), backend: 'accepts', source: REFERENCES },
  { name: 'agent schedule without functionName', text: pkg(`${agent('      description: d\n')}  schedules:\n    - name: s\n      scheduleType: agent\n      agentName: default/a\n      content: hi\n      cronExpression: "0 * * * *"\n`), backend: { rejects: { path: 'spec.schedules.0' } }, source: `${REFERENCES}: looks up 'default/None' for spec.schedules[0].functionName` },

  // ── Install-time variables: substituted before parsing, so PyYAML reads the value.
  {
    name: 'boolean variable as a whole description',
    text: pkg(`  variables:\n    - name: DEBUG\n      type: boolean\n${fn('      description: ${{ vars.DEBUG }}\n')}`),
    backend: { rejects: { path: 'spec.functions.0.description' } },
    source: `${VARIABLES}; ${MODELS}: description Optional[str] (true/false are bools)`,
  },
  {
    name: 'boolean variable quoted',
    text: pkg(`  variables:\n    - name: DEBUG\n      type: boolean\n${fn('      description: "${{ vars.DEBUG }}"\n')}`),
    backend: 'accepts',
    source: `${VARIABLES}; ${MODELS}: description Optional[str]`,
  },
  {
    name: 'numeric enum variable as a whole description',
    text: pkg(`  variables:\n    - name: SIZE\n      type: enum\n      choices: [10, 20]\n${fn('      description: ${{ vars.SIZE }}\n')}`),
    backend: { rejects: { path: 'spec.functions.0.description' } },
    source: `${VARIABLES}; ${MODELS}: description Optional[str]`,
  },
  {
    name: 'enum variable where some values fit',
    text: pkg(`  variables:\n    - name: WAIT\n      type: enum\n      choices: [30, soon]\n${fn('      timeout: ${{ vars.WAIT }}\n')}`),
    backend: 'accepts',
    source: `${VARIABLES}; ${MODELS}: timeout int (30 installs, soon does not)`,
  },
  {
    name: 'boolean variable inside a boolean field (truex / falsex)',
    text: pkg(`  variables:\n    - name: DEBUG\n      type: boolean\n${agent('      isDefault: ${{ vars.DEBUG }}x\n')}`),
    backend: { rejects: { path: 'spec.agents.0.isDefault' } },
    source: `${VARIABLES}; ${MODELS}: AgentConfig.isDefault bool`,
  },
  {
    name: 'two enum variables joined into a float in a string field',
    text: pkg(`  variables:\n    - name: MAJOR\n      type: enum\n      choices: [1, 2]\n    - name: MINOR\n      type: enum\n      choices: [0, 5]\n${fn('      description: ${{ vars.MAJOR }}.${{ vars.MINOR }}\n')}`),
    backend: { rejects: { path: 'spec.functions.0.description' } },
    source: `${VARIABLES}; ${RESOLVER}: 1.0 is a float; ${MODELS}: description Optional[str]`,
  },
  {
    name: 'two enum variables after a prefix',
    text: pkg(`  variables:\n    - name: MAJOR\n      type: enum\n      choices: [1, 2]\n    - name: MINOR\n      type: enum\n      choices: [0, 5]\n${fn('      description: v${{ vars.MAJOR }}.${{ vars.MINOR }}\n')}`),
    backend: 'accepts',
    source: `${VARIABLES}; ${MODELS}: description Optional[str]`,
  },
  {
    name: 'enum variable whose value holds a NEL and a comment, as a whole timeout',
    text: pkg(`  variables:\n    - name: WAIT\n      type: enum\n      choices: ["30\\N# half a minute"]\n${fn('      timeout: ${{ vars.WAIT }}\n')}`),
    backend: 'accepts',
    source: `${VARIABLES}; ${SCANNER}: NEL is a line break, so \`# half a minute\` is a comment line; ${MODELS}: timeout Optional[int]`,
  },
  {
    name: 'word enum variable as a whole timeout',
    text: pkg(`  variables:\n    - name: LEVEL\n      type: enum\n      choices: [debug, info]\n${fn('      timeout: ${{ vars.LEVEL }}\n')}`),
    backend: { rejects: { path: 'spec.functions.0.timeout' } },
    source: `${VARIABLES}; ${MODELS}: timeout Optional[int]`,
  },
];

if (require.main === module) process.stdout.write(JSON.stringify(CASES));
