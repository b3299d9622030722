import assert from 'node:assert/strict';
import { identityOf, TYPE_BY_SECTION } from '../sandbox/resources/registry';
import { pkg, SEED_DIR, useSandbox } from './helpers';

/** One resource of every package-manageable type, all in namespace `lists` where namespaced. */
const EVERYTHING = pkg(
  'everything',
  `  dependencies:
    - packageName: requests
      version: "2.32.0"
  connectors:
    - namespace: lists
      name: api
      baseUrl: https://api.example.com
      operations:
        - name: get_item
          method: GET
          path: "/items/{{ id }}"
  functions:
    - namespace: lists
      name: fn
      code: "def handler(input_data, context): return 1"
    - name: hook_target
      code: "def handler(input_data, context): return 1"
  skills:
    - namespace: lists
      name: skill
      description: d
      content: c
  components:
    - namespace: lists
      name: widget
      sourceCode: "export default () => null"
      enabledStores: [lists/kv]
  queries:
    - namespace: lists
      name: q
      connectionName: built-in
      operation: read
      sql: select 1
  collections:
    - namespace: lists
      name: files
  templates:
    - namespace: lists
      name: mail
      htmlContent: "<p>hi</p>"
  stores:
    - namespace: lists
      name: kv
  manifests:
    - namespace: lists
      name: app
      requiredResources:
        - type: function
          namespace: lists
          name: fn
  agents:
    - namespace: lists
      name: bot
      enabledStores: [lists/kv]
      enabledCollections: [lists/files]
  webhooks:
    - path: lists/in
      functionName: hook_target
  schedules:
    - name: lists-nightly
      functionName: hook_target
      cronExpression: "0 3 * * *"
  databaseTriggers:
    - name: lists-trigger
      connectionName: built-in
      tableName: orders
      functionName: lists/fn
      pollColumn: id
`,
);

describe('list, get and update endpoints (§3, §7.3)', () => {
  const api = useSandbox({ seedDir: SEED_DIR });
  before(async () => {
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source: EVERYTHING } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.apply.errors, []);
  });

  const lists: [string, string[]][] = [
    ['/api/v1/connectors', ['id', 'namespace', 'name', 'description', 'base_url', 'auth', 'headers', 'retry', 'timeout_seconds', 'operations', 'is_active', 'created_at', 'updated_at']],
    ['/api/v1/functions', ['id', 'namespace', 'name', 'description', 'code', 'input_schema', 'output_schema', 'icon', 'icon_url', 'shared_pool', 'requires_approval', 'timeout', 'is_active', 'created_at', 'updated_at']],
    ['/api/v1/skills', ['id', 'user_id', 'namespace', 'name', 'description', 'content', 'is_active', 'created_at', 'updated_at']],
    ['/api/v1/components', ['id', 'user_id', 'namespace', 'name', 'title', 'description', 'compile_status', 'compile_errors', 'input_schema', 'enabled_agents', 'enabled_functions', 'enabled_queries', 'enabled_components', 'enabled_stores', 'visibility', 'version', 'is_published', 'is_active', 'render_token', 'created_at', 'updated_at']],
    ['/api/v1/queries', ['id', 'user_id', 'namespace', 'name', 'description', 'database_connection_id', 'operation', 'sql', 'input_schema', 'output_schema', 'timeout_ms', 'max_rows', 'is_active', 'created_at', 'updated_at']],
    ['/api/v1/collections', ['id', 'namespace', 'name', 'user_id', 'metadata_schema', 'content_filter_function', 'post_upload_function', 'max_file_size_mb', 'max_total_size_gb', 'is_public', 'allow_shared_files', 'allow_private_files', 'created_at', 'updated_at']],
    ['/api/v1/templates', ['id', 'namespace', 'name', 'description', 'title', 'html_content', 'text_content', 'variable_schema', 'is_active', 'user_id', 'created_by', 'updated_by', 'created_at', 'updated_at', 'managed_by', 'config_name', 'config_checksum']],
    ['/api/v1/stores', ['id', 'user_id', 'namespace', 'name', 'description', 'schema', 'strict', 'default_visibility', 'encrypted', 'created_at', 'updated_at']],
    ['/api/v1/manifests', ['id', 'user_id', 'namespace', 'name', 'description', 'required_resources', 'required_permissions', 'optional_permissions', 'exposed_namespaces', 'store_dependencies', 'is_active', 'created_at', 'updated_at']],
    ['/api/v1/webhooks', ['id', 'path', 'function_namespace', 'function_name', 'http_method', 'description', 'default_values', 'is_active', 'requires_auth', 'response_mode', 'dedup', 'created_at', 'updated_at']],
    ['/api/v1/schedules', ['id', 'name', 'schedule_type', 'target_namespace', 'target_name', 'description', 'cron_expression', 'timezone', 'input_data', 'content', 'is_active', 'last_run', 'next_run', 'created_at']],
    ['/api/v1/database-triggers', ['id', 'name', 'database_connection_id', 'schema_name', 'table_name', 'operations', 'function_namespace', 'function_name', 'poll_column', 'poll_interval_seconds', 'batch_size', 'is_active', 'last_poll_value', 'error_message', 'created_at', 'updated_at']],
  ];
  for (const [path, keys] of lists) {
    it(`GET ${path} answers the backend's snake_case schema`, async () => {
      const res = await api.call('GET', path);
      assert.equal(res.status, 200);
      assert.ok(res.json.length > 0);
      assert.deepEqual(Object.keys(res.json[0]), keys);
    });
  }

  it('agents list carries the normalised reference lists', async () => {
    const bot = (await api.call('GET', '/api/v1/agents')).json.find((a: { name: string }) => a.name === 'bot');
    assert.deepEqual(bot.enabled_stores, [{ store: 'lists/kv', access: 'readwrite' }]);
    assert.deepEqual(bot.enabled_collections, [{ collection: 'lists/files', access: 'readonly' }]);
    assert.equal(bot.llm_provider_id, null);
    assert.equal(bot.temperature, 0.7);
  });

  it('namespace filters and paging', async () => {
    const skills = await api.call('GET', '/api/v1/skills?namespace=lists');
    assert.deepEqual(skills.json.map((s: { name: string }) => s.name), ['skill']);
    const paged = await api.call('GET', '/api/v1/functions?skip=1&limit=1');
    assert.equal(paged.json.length, 1);
    const tooMany = await api.call('GET', '/api/v1/functions?limit=5000');
    assert.equal(tooMany.status, 422);
    assert.deepEqual(tooMany.json.detail[0].loc, ['query', 'limit']);
    assert.equal(tooMany.json.detail[0].type, 'less_than_equal');
  });

  it('single-item GETs and their 404 details', async () => {
    assert.equal((await api.call('GET', '/api/v1/functions/lists/fn')).json.name, 'fn');
    assert.equal((await api.call('GET', '/api/v1/collections/lists/files')).json.name, 'files');
    assert.equal((await api.call('GET', '/api/v1/webhooks/lists/in')).json.path, 'lists/in');
    assert.equal((await api.call('GET', '/api/v1/schedules/lists-nightly')).json.target_name, 'hook_target');
    assert.equal((await api.call('GET', '/api/v1/database-triggers/lists-trigger')).json.function_namespace, 'lists');
    const byName = (await api.call('GET', '/api/v1/templates/by-name/lists/mail')).json;
    assert.equal(byName.managed_by, 'pkg:everything');
    assert.equal((await api.call('GET', `/api/v1/templates/${byName.id}`)).json.name, 'mail');
    const missing: [string, string][] = [
      ['/api/v1/functions/lists/nope', 'Function not found'],
      ['/api/v1/agents/lists/nope', "Agent 'lists/nope' not found"],
      ['/api/v1/webhooks/nope', "Webhook 'nope' not found"],
      ['/api/v1/schedules/nope', "Schedule 'nope' not found"],
      ['/api/v1/database-triggers/nope', "Database trigger 'nope' not found"],
      ['/api/v1/templates/00000000-0000-0000-0000-000000000000', 'Template not found'],
      ['/api/v1/llm-providers/nope', "Provider 'nope' not found"],
      ['/api/v1/database-connections/nope', "Database connection 'nope' not found"],
      ['/api/v1/secrets/nope', "Secret 'nope' not found"],
      ['/api/v1/roles/nope', "Role 'nope' not found"],
    ];
    for (const [path, detail] of missing) {
      const res = await api.call('GET', path);
      assert.equal(res.status, 404, path);
      assert.deepEqual(res.json, { detail }, path);
    }
  });

  const patches: [string, string, unknown, string, string][] = [
    ['PATCH', '/api/v1/webhooks/lists/in', { description: 'edited' }, 'webhooks', 'lists/in'],
    ['PATCH', '/api/v1/schedules/lists-nightly', { cron_expression: '0 4 * * *' }, 'schedules', 'lists-nightly'],
    ['PATCH', '/api/v1/database-triggers/lists-trigger', { batch_size: 5 }, 'databaseTriggers', 'lists-trigger'],
    ['PUT', '/api/v1/agents/lists/bot', { description: 'edited' }, 'agents', 'lists/bot'],
    ['PUT', '/api/v1/stores/lists/kv', {}, 'stores', 'lists/kv'],
  ];
  for (const [method, path, body, section, identity] of patches) {
    it(`${method} ${path} detaches the row, even when nothing changes`, async () => {
      const type = TYPE_BY_SECTION.get(section)!;
      const row = () => api.sandbox.state.resources[section]!.find((r) => identityOf(type, r) === identity)!;
      assert.equal(row().managed_by, 'pkg:everything');
      const res = await api.call(method, path, { body });
      assert.equal(res.status, 200, res.text);
      assert.equal(row().managed_by, null);
      assert.equal(row().config_checksum, null);
    });
  }

  it('PATCH /api/v1/templates/{id} detaches a template; PUT there is 405', async () => {
    const { id } = (await api.call('GET', '/api/v1/templates/by-name/lists/mail')).json;
    assert.equal((await api.call('PUT', `/api/v1/templates/${id}`, { body: {} })).status, 405);
    const res = await api.call('PATCH', `/api/v1/templates/${id}`, { body: { title: 'Hi' } });
    assert.equal(res.status, 200);
    assert.equal(res.json.managed_by, null);
    assert.equal(res.json.title, 'Hi');
  });

  it('renaming onto an existing identity is a 400', async () => {
    const res = await api.call('PUT', '/api/v1/functions/lists/fn', { body: { namespace: 'support', name: 'lookup_customer' } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, { detail: "Function 'support/lookup_customer' already exists" });
  });

  it('update bodies are typed (422)', async () => {
    const res = await api.call('PUT', '/api/v1/functions/lists/fn', { body: { timeout: 'soon' } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.json.detail[0].loc, ['body', 'timeout']);
  });

  it('uninstall keeps exactly the detached rows', async () => {
    assert.equal((await api.call('DELETE', '/api/v1/packages/everything')).status, 204);
    const state = api.sandbox.state.resources;
    assert.deepEqual(state.webhooks?.map((w) => w.path), ['support/new-ticket', 'lists/in']);
    assert.deepEqual(state.schedules?.map((s) => s.name), ['daily-digest', 'lists-nightly']);
    assert.deepEqual(state.databaseTriggers?.map((t) => t.name), ['lists-trigger']);
    assert.ok(state.agents?.some((a) => a.name === 'bot'));
    assert.ok(state.stores?.some((s) => s.name === 'kv'));
    assert.ok(state.templates?.some((t) => t.name === 'mail'));
    assert.equal(state.functions?.some((f) => f.namespace === 'lists'), false);
    assert.equal(state.manifests?.length ?? 0, 0);
    assert.ok(state.dependencies?.some((d) => d.package_name === 'requests'), 'dependencies are never removed');
  });

  describe('infrastructure lists', () => {
    it('llm-providers (newest first) and database-connections, never secrets in them', async () => {
      const providers = await api.call('GET', '/api/v1/llm-providers');
      assert.equal(providers.status, 200);
      assert.deepEqual(Object.keys(providers.json[0]), ['id', 'name', 'provider_type', 'api_endpoint', 'default_model', 'config', 'is_default', 'is_active', 'created_at', 'updated_at']);
      assert.ok(providers.json.some((p: { name: string }) => p.name === 'claude'));
      const connections = await api.call('GET', '/api/v1/database-connections');
      assert.deepEqual(connections.json.map((c: { name: string }) => c.name), ['built-in', 'analytics']);
      assert.equal('password' in connections.json[0], false);
      assert.equal((await api.call('GET', '/api/v1/llm-providers/retired-provider')).status, 404, 'inactive providers are not found');
    });

    it('secrets list names, never values', async () => {
      const res = await api.call('GET', '/api/v1/secrets');
      assert.deepEqual(Object.keys(res.json[0]), ['id', 'name', 'description', 'visibility', 'user_id', 'created_at', 'updated_at']);
      assert.ok(res.json.some((s: { name: string }) => s.name === 'OPENAI_API_KEY'));
      assert.equal(res.text.includes('sk-sandbox'), false);
    });

    it('roles and dependencies', async () => {
      const roles = await api.call('GET', '/api/v1/roles');
      assert.deepEqual(roles.json.map((r: { name: string }) => r.name), ['Admins', 'Users', 'Support', 'Analysts']);
      assert.equal((await api.call('GET', '/api/v1/roles/Support')).json.name, 'Support');
      const deps = await api.call('GET', '/api/v1/dependencies');
      assert.deepEqual(Object.keys(deps.json[0]), ['id', 'package_name', 'version', 'installed_at', 'installed_by']);
    });
  });

  describe('permission behaviour of the lists', () => {
    let none = '';
    let scoped = '';
    before(async () => {
      none = await api.createKey({ 'sinas.packages.read:all': true });
      scoped = await api.createKey({ 'sinas.skills/support/*.read:all': true, 'sinas.secrets.read:own': true });
    });

    it('namespaced lists answer [] rather than 403 without permission', async () => {
      for (const path of ['/api/v1/functions', '/api/v1/agents', '/api/v1/skills', '/api/v1/templates', '/api/v1/collections']) {
        const res = await api.call('GET', path, { key: none });
        assert.equal(res.status, 200, path);
        // All rows belong to the admin user, who owns the key too: namespaced lists still need a grant.
        assert.deepEqual(res.json, [], path);
      }
    });

    it('webhooks/schedules/triggers fall back to own rows (never 403)', async () => {
      const res = await api.call('GET', '/api/v1/webhooks', { key: none });
      assert.equal(res.status, 200);
      assert.ok(res.json.length > 0, 'the key belongs to the owner of the rows');
    });

    it('a namespace grant opens that list only', async () => {
      const skills = (await api.call('GET', '/api/v1/skills', { key: scoped })).json;
      assert.ok(skills.some((s: { namespace: string; name: string }) => s.namespace === 'support' && s.name === 'tone-guide'));
      assert.deepEqual((await api.call('GET', '/api/v1/functions', { key: scoped })).json, []);
    });

    it('llm-providers and database-connections need read:all: 403 Permission denied', async () => {
      const providers = await api.call('GET', '/api/v1/llm-providers', { key: none });
      assert.equal(providers.status, 403);
      assert.deepEqual(providers.json, { detail: 'Permission denied: sinas.llm_providers.read:all' });
      const connections = await api.call('GET', '/api/v1/database-connections', { key: none });
      assert.deepEqual(connections.json, { detail: 'Permission denied: sinas.database_connections.read:all' });
    });

    it('secrets need read:own (403 "Not authorized to list secrets")', async () => {
      const res = await api.call('GET', '/api/v1/secrets', { key: none });
      assert.equal(res.status, 403);
      assert.deepEqual(res.json, { detail: 'Not authorized to list secrets' });
      assert.equal((await api.call('GET', '/api/v1/secrets', { key: scoped })).status, 200);
    });

    it('roles without read:all show only the roles one belongs to; dependencies need no permission', async () => {
      assert.deepEqual((await api.call('GET', '/api/v1/roles', { key: none })).json.map((r: { name: string }) => r.name), ['Admins']);
      assert.deepEqual((await api.call('GET', '/api/v1/roles/Support', { key: none })).json, { detail: 'Not authorized to view this role' });
      assert.equal((await api.call('GET', '/api/v1/dependencies', { key: none })).status, 200);
    });

    it('a single-item GET without permission is a 403', async () => {
      const res = await api.call('GET', '/api/v1/functions/support/lookup_customer', { key: none });
      assert.equal(res.status, 403);
      assert.deepEqual(res.json, { detail: 'Not authorized to read this resource' });
    });
  });
});
