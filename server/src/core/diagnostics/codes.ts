/**
 * The registry of every diagnostic code: its default severity and a one-line description (the
 * README's table is checked against this list by a unit test). A released code is never renamed.
 */
import type { Severity } from './finding';

export interface CodeInfo {
  severity: Severity;
  description: string;
}

export const CODES = {
  // YAML and document shape
  'yaml-syntax': { severity: 'error', description: 'The YAML cannot be read as Sinas reads it (PyYAML `safe_load`, YAML 1.1): broken syntax, a tab outside quotes, block text and comments, a tag it cannot construct (`!Ref`), `=` or `<<` as a value, a merge of a non-mapping, a list or empty key, a duplicate anchor; the server answers "Invalid YAML".' },
  'multiple-documents': { severity: 'error', description: 'A package must be a single YAML document.' },
  'not-a-package': { severity: 'error', description: '`apiVersion: sinas.co/v1` with `kind: SinasConfig`: installing it as a package is refused ("Expected kind: SinasPackage").' },
  'alias-expansion': { severity: 'error', description: 'Anchors and aliases expand to too many nodes (an "alias bomb").' },
  'duplicate-key': { severity: 'warning', description: 'A key appears twice in one mapping; Sinas silently keeps the last one.' },
  'file-too-large': { severity: 'warning', description: 'The file is larger than the analysis limit and is not checked.' },
  'internal-error': { severity: 'warning', description: 'A check crashed on this input; the rest of the analysis still ran. Please report it.' },
  // Schema (server-side pydantic checks and silently dropped keys)
  'unknown-key': { severity: 'error', description: 'Unknown key directly under `spec`, the one place the server rejects them ("Extra inputs are not permitted").' },
  'ignored-field': { severity: 'warning', description: 'Unknown key at the top level or inside a resource; Sinas ignores it silently.' },
  'invalid-type': { severity: 'error', description: 'The value has the wrong type for the field as PyYAML reads it (`version: 1.0`, `on:` as a key where Sinas needs strings); rejected by the server.' },
  'missing-required': { severity: 'error', description: 'A required field is missing.' },
  'invalid-value': { severity: 'error', description: 'The value is not allowed for this field (rejected by the server), e.g. an empty webhook `functionName`.' },
  'unhonoured-value': { severity: 'warning', description: 'The server stores this value but the runtime ignores or mishandles it.' },
  // Install-time variables
  'undeclared-variable': { severity: 'error', description: '`${{ vars.NAME }}` uses a variable that `spec.variables` does not declare.' },
  'unused-variable': { severity: 'warning', description: 'A declared variable is never used.' },
  'malformed-expression': { severity: 'error', description: 'A `${{ … }}` expression is not of the form `${{ vars.NAME }}`.' },
  // References between resources
  'reference-needs-namespace': { severity: 'error', description: 'A bare name where Sinas needs `namespace/name` (warning in fields Sinas does not check).' },
  'reference-must-be-bare': { severity: 'error', description: 'A webhook or schedule `functionName` written `ns/name`; Sinas only accepts a bare name in namespace `default` (it looks up `default/<value>`).' },
  'unresolved-reference': { severity: 'warning', description: 'The referenced resource is not in this package; it must exist on the instance.' },
  'unknown-operation': { severity: 'warning', description: 'An enabled connector operation that the connector (defined in this package, or on the active instance) does not have.' },
  'orphan-parameters': { severity: 'warning', description: 'A parameters key that matches no enabled function, query or operation; the parameters are never applied.' },
  'skipped-section-reference': { severity: 'warning', description: 'A database connection declared only in a section packages skip; the resource fails at apply.' },
  'agent-schedule-unsupported': { severity: 'error', description: 'An agent schedule without `functionName` always fails Sinas validation (info when the work-around is used).' },
  // Schema (x-code in schemas/sinas-package.schema.json): values Sinas stores but ignores or mishandles
  'unsupported-auth-type': { severity: 'warning', description: 'Connector `auth.type` is not none, bearer, basic, api_key or sinas_token; no authentication is sent.' },
  'invalid-secret-ref': { severity: 'warning', description: 'Connector `auth.secret` is not a plain secret name (e.g. `{{NAME}}`); the lookup fails silently.' },
  'unsupported-backoff': { severity: 'warning', description: 'Connector `retry.backoff` is not none, linear or exponential; no delay is applied.' },
  'unsupported-body-mapping': { severity: 'warning', description: 'Connector operation `requestBodyMapping` is not a known mapping; no body or query is sent.' },
  'unsupported-response-mapping': { severity: 'warning', description: 'Connector operation `responseMapping` is not `json`; the response comes back as raw text.' },
  'nonstandard-http-method': { severity: 'warning', description: 'Connector operation `method` is not an uppercase GET, POST, PUT, PATCH or DELETE; it is sent verbatim.' },
  'path-param-syntax': { severity: 'warning', description: 'Connector operation `path` uses `{x}`; path parameters are written `{{ x }}`.' },
  'unsupported-visibility': { severity: 'warning', description: 'Component `visibility` or store `defaultVisibility` is not a value Sinas honours.' },
  'unsupported-access': { severity: 'warning', description: 'Store or collection `access` is not exactly readonly or readwrite (a store is dropped, a collection becomes read-only).' },
  'unsupported-query-operation': { severity: 'warning', description: 'Query `operation` is not exactly read or write; anything but `read` runs the write path.' },
  'unsupported-response-mode': { severity: 'warning', description: 'Webhook `responseMode` is not sync or async; it behaves as sync.' },
  'unsupported-schedule-type': { severity: 'warning', description: 'Schedule `scheduleType` is not function or agent; target checks are skipped and it runs as a function schedule.' },
  'unknown-system-tool': { severity: 'warning', description: 'Agent `systemTools` entry is not a known tool or has the wrong shape; Sinas ignores it.' },
  'invalid-hook': { severity: 'warning', description: 'Agent `hooks` entry has the wrong shape; hooks are stored unchecked and fail at runtime.' },
  'invalid-enabled-connector': { severity: 'warning', description: 'Agent `enabledConnectors` entry has the wrong shape; it is stored unchecked and ignored at runtime.' },
  'unknown-namespace-kind': { severity: 'warning', description: 'Manifest `exposedNamespaces` key is not a resource kind the REST API accepts.' },
  'name-format': { severity: 'warning', description: 'A name or namespace breaks the REST naming rules; the install accepts it, later edits and tool names may not.' },
  'webhook-path-format': { severity: 'warning', description: 'Webhook `path` starts with `/` or has characters that break the `/webhooks/<path>` URL.' },
  'bool-as-number': { severity: 'warning', description: 'A boolean in a numeric field; Sinas silently turns it into 0 or 1.' },
  'invalid-variable-name': { severity: 'warning', description: 'A variable name that `${{ vars.NAME }}` cannot refer to (letters, digits and `_` only).' },
  // Schema: install failures the schema can predict
  'invalid-http-method': { severity: 'error', description: 'Webhook `httpMethod` is not an uppercase GET, POST, PUT, DELETE or PATCH; preview passes but the install fails.' },
  'value-too-long': { severity: 'error', description: 'The value exceeds a database column limit; the install fails with a server error.' },
  // Duplicates
  'duplicate-identity': { severity: 'warning', description: 'Two resources of one type with the same identity; Sinas applies both and the last one wins.' },
  // Sections and fields a package install skips or mishandles
  'excluded-section': { severity: 'warning', description: '`roles`, `users`, `llmProviders` or `databaseConnections` in a package: skipped on install.' },
  'secret-value': { severity: 'warning', description: 'A secret `value` in the package: stored in clear text, exported, and overwritten on every install.' },
  'llm-provider-ignored': { severity: 'warning', description: '`llmProviderName` is ignored by package installs (it must still exist on the instance).' },
  'hook-key-case': { severity: 'warning', description: 'A camelCase hooks key (`onUserMessage`); the runtime reads only snake_case.' },
  'connector-secret-template': { severity: 'warning', description: 'Connector `auth.secret: "{{NAME}}"` is looked up literally; write the secret name or `${{ vars.NAME }}`.' },
  'auth-position-ignored': { severity: 'warning', description: 'Connector `auth.position` / `auth.paramName` are stored but ignored; keys go in a header.' },
  'dedup-ttl-ignored': { severity: 'warning', description: 'Webhook `dedup.ttlSeconds` is ignored; the TTL is always 300 seconds.' },
  'webhook-no-auth': { severity: 'info', description: '`requiresAuth: false`: anyone can call the webhook and it runs as the installing admin.' },
  // Schedules and triggers
  'unquoted-cron': { severity: 'error', description: 'An unquoted cron expression starting with `*` is a YAML alias; the package is invalid YAML.' },
  'invalid-cron': { severity: 'warning', description: 'The cron expression is not 5 valid fields; the schedule would never run.' },
  'cron-day-of-week': { severity: 'warning', description: 'A numeric day of week: Sinas counts 0 = Monday, not crontab\'s 0 = Sunday.' },
  'invalid-timezone': { severity: 'warning', description: 'The schedule `timezone` is not an IANA time zone name.' },
  'schedule-description-dropped': { severity: 'info', description: 'A schedule `description` is neither stored nor exported.' },
  'inactive-schedule': { severity: 'info', description: 'A schedule or trigger installed with `isActive: false`.' },
  'restart-required': { severity: 'info', description: 'Schedules and triggers from a package need a scheduler / CDC restart to take effect.' },
  // Queries
  'query-trailing-semicolon': { severity: 'warning', description: 'A read query ending in `;`: the `LIMIT` Sinas appends makes it a syntax error.' },
  'query-limit-substring': { severity: 'warning', description: '`LIMIT` appears in the SQL (e.g. a column name), so Sinas does not enforce `maxRows`.' },
  'query-parameter-style': { severity: 'warning', description: 'A `%(name)s`, `%s` or `$1` parameter; Sinas binds `:name` parameters only.' },
  'sql-syntax': { severity: 'warning', description: 'Query `sql` that PostgreSQL cannot parse (connection `built-in`, or a PostgreSQL connection of the instance); every run fails.' },
  'unbound-query-parameter': { severity: 'warning', description: 'A `:name` in the SQL that the query\'s `inputSchema` does not declare; agents never pass it and it is bound as NULL.' },
  'unknown-query-parameter': { severity: 'warning', description: 'An agent `queryParameters` entry for a parameter the query\'s SQL does not use; it is never applied.' },
  // Functions and agents
  'missing-handler': { severity: 'warning', description: 'Function code without `handler(input_data, context)`; every call fails.' },
  'undeclared-dependency': { severity: 'warning', description: 'A function imports a non-standard module that no `spec.dependencies` entry provides.' },
  'python-syntax': { severity: 'warning', description: 'Function `code` that Python 3.11 cannot parse; Sinas installs it and every call fails.' },
  'handler-signature': { severity: 'warning', description: '`handler` is `async` or cannot take `(input_data, context)`; Sinas calls it synchronously with two arguments, so every call fails.' },
  'template-syntax': { severity: 'warning', description: 'A Jinja2 syntax error in a template, an agent `systemPrompt` or a status template; rendering fails (a prompt is sent unrendered).' },
  'invalid-json-schema': { severity: 'warning', description: 'An `inputSchema`, `outputSchema`, store `schema`, … that breaks the JSON Schema meta-schema (2020-12 unless `$schema` says otherwise); every validation against it fails.' },
  'tool-name-too-long': { severity: 'warning', description: 'The function\'s tool name `<namespace>__<name>` is longer than the 64 characters LLM providers accept.' },
  'default-agent': { severity: 'warning', description: '`isDefault: true` clears the default flag on every other agent of the instance.' },
  'implicit-store-access': { severity: 'info', description: 'A plain store name in `enabledStores` means read-write; the explicit object form is clearer.' },
  'store-dependencies-ignored': { severity: 'warning', description: 'Manifest `storeDependencies` is ignored on install.' },
  'package-name-slash': { severity: 'warning', description: 'A `/` in the package name: it installs, but can never be fetched, exported or uninstalled through the API.' },
  'package-name-style': { severity: 'info', description: 'The package name does not follow the lowercase `a-z0-9-` convention.' },
  'uninterpolated-variable': { severity: 'warning', description: '`${VAR}` (or `{{ VAR }}` in a verbatim field) is not substituted by Sinas; use `${{ vars.VAR }}`.' },
  // The active instance (only with an instance snapshot: the editor connected, or `validate --instance`)
  'missing-on-instance': { severity: 'error', description: 'Neither this package nor the active instance has the referenced resource: Sinas rejects the install (warning where Sinas does not check: it fails when it runs).' },
  'inactive-on-instance': { severity: 'warning', description: 'The referenced LLM provider or database connection exists on the active instance but is inactive.' },
  'exists-unmanaged': { severity: 'info', description: 'The resource already exists on the active instance and no package manages it: installing overwrites it, and uninstall leaves it.' },
  'managed-by-other-package': { severity: 'warning', description: 'The resource exists on the active instance and belongs to another package (or a config): the install skips it.' },
  // Install-time variables: declarations and typed uses
  'invalid-variable-pattern': { severity: 'warning', description: 'A variable `pattern` that is not a valid (Python) regular expression.' },
  'uncheckable-variable-pattern': { severity: 'info', description: 'A variable `pattern` that cannot be checked in linear time here (backreference, lookaround, …); values are left to the server.' },
  'invalid-variable-default': { severity: 'warning', description: 'A variable `default` or `example` outside its `choices`, or without a match for its `pattern`.' },
  'variable-type-mismatch': { severity: 'warning', description: 'A whole-value `${{ vars.X }}` whose possible values do not fit the field\'s type after substitution; an error when none of them fits (every install fails).' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export function codeInfo(code: DiagnosticCode): CodeInfo {
  return CODES[code];
}
