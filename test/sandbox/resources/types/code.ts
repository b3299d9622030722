/** Functions, skills, components, templates and manifests: the code-and-content resource types. */
import type { ResourceType } from '../registry';
import { bool, dict, dictOrEmpty, dropNulls, list, num, namespaced, orNone, str, type ConfigItem } from '../read-config';

const META = ['id', 'user_id'];
const STAMPS = ['created_at', 'updated_at'];


const functions: ResourceType = {
  section: 'functions',
  kind: 'function',
  model: 'Function',
  route: 'functions',
  permissionBase: 'sinas.functions',
  identity: 'namespaced',
  hasActive: true,
  fromConfig(item, _state, existing) {
    const sharedPool = bool(item, 'sharedPool');
    const requiresApproval = bool(item, 'requiresApproval');
    const common = {
      ...namespaced(item),
      description: str(item, 'description'),
      code: str(item, 'code'),
      input_schema: dictOrEmpty(item, 'inputSchema'),
      output_schema: dictOrEmpty(item, 'outputSchema'),
      icon: str(item, 'icon'),
      timeout: num(item, 'timeout'),
    };
    return {
      // On update the two flags change only when given explicitly (§4 functions).
      fields: {
        ...common,
        shared_pool: sharedPool ?? (existing ? existing.shared_pool : false),
        requires_approval: requiresApproval ?? (existing ? existing.requires_approval : false),
        is_active: true,
      },
      hash: { ...common, shared_pool: sharedPool, requires_approval: requiresApproval },
    };
  },
  toExport: (r) =>
    dropNulls({
      namespace: r.namespace,
      name: r.name,
      description: r.description,
      code: r.code,
      inputSchema: r.input_schema,
      outputSchema: r.output_schema,
      icon: r.icon,
      sharedPool: r.shared_pool ? true : null,
      requiresApproval: r.requires_approval ? true : null,
      timeout: r.timeout,
    }),
  response: ['id', 'namespace', 'name', 'description', 'code', 'input_schema', 'output_schema', 'icon', 'icon_url', 'shared_pool', 'requires_approval', 'timeout', 'is_active', ...STAMPS],
  listMode: 'mixin',
  listParams: ['paging'],
  updatable: {
    namespace: 'str', name: 'str', description: 'str', code: 'str', input_schema: 'dict', output_schema: 'dict',
    icon: 'str', shared_pool: 'bool', requires_approval: 'bool', timeout: 'int', is_active: 'bool',
  },
};

const skills: ResourceType = {
  section: 'skills',
  kind: 'skill',
  model: 'Skill',
  route: 'skills',
  permissionBase: 'sinas.skills',
  identity: 'namespaced',
  hasActive: true,
  fromConfig(item) {
    const fields = { ...namespaced(item), description: str(item, 'description'), content: str(item, 'content') };
    return { fields: { ...fields, is_active: true }, hash: fields };
  },
  toExport: (r) => dropNulls({ namespace: r.namespace, name: r.name, description: r.description, content: r.content }),
  response: [...META, 'namespace', 'name', 'description', 'content', 'is_active', ...STAMPS],
  listMode: 'mixin',
  listActiveOnly: true,
  listParams: ['namespace'],
  updatable: { namespace: 'str', name: 'str', description: 'str', content: 'str', is_active: 'bool' },
};

/** Component `enabledStores`: a plain string means readwrite, an object defaults to readonly. */
function componentStores(item: ConfigItem): Record<string, unknown>[] {
  return list(item, 'enabledStores').map((ref) =>
    typeof ref === 'string'
      ? { store: ref, access: 'readwrite' }
      : { store: (ref as ConfigItem).store, access: (ref as ConfigItem).access ?? 'readonly' },
  );
}

const COMPONENT_LIST = [
  ...META, 'namespace', 'name', 'title', 'description', 'compile_status', 'compile_errors', 'input_schema',
  'enabled_agents', 'enabled_functions', 'enabled_queries', 'enabled_components', 'enabled_stores', 'visibility',
  'version', 'is_published', 'is_active', 'render_token', ...STAMPS,
];

const components: ResourceType = {
  section: 'components',
  kind: 'component',
  model: 'Component',
  route: 'components',
  permissionBase: 'sinas.components',
  identity: 'namespaced',
  hasActive: true,
  fromConfig(item, _state, existing) {
    const fields = {
      ...namespaced(item),
      title: str(item, 'title'),
      description: str(item, 'description'),
      source_code: str(item, 'sourceCode'),
      input_schema: dict(item, 'inputSchema'),
      enabled_agents: list(item, 'enabledAgents'),
      enabled_functions: list(item, 'enabledFunctions'),
      enabled_queries: list(item, 'enabledQueries'),
      enabled_components: list(item, 'enabledComponents'),
      enabled_stores: componentStores(item),
      css_overrides: str(item, 'cssOverrides'),
      visibility: str(item, 'visibility', 'private'),
    };
    // A source change means a recompile: new version, status back to pending.
    const recompile = existing && existing.source_code !== fields.source_code
      ? { version: Number(existing.version ?? 1) + 1, compile_status: 'pending', compiled_bundle: null, source_map: null }
      : {};
    return { fields: { ...fields, ...recompile, is_active: true }, hash: fields };
  },
  onCreate: () => ({ version: 1, compile_status: 'pending', compile_errors: null, compiled_bundle: null, source_map: null, is_published: false, render_token: null }),
  toExport: (r) =>
    dropNulls({
      namespace: r.namespace,
      name: r.name,
      title: r.title,
      description: r.description,
      sourceCode: r.source_code,
      inputSchema: r.input_schema,
      enabledAgents: orNone(r.enabled_agents),
      enabledFunctions: orNone(r.enabled_functions),
      enabledQueries: orNone(r.enabled_queries),
      enabledComponents: orNone(r.enabled_components),
      enabledStores: orNone(r.enabled_stores),
      cssOverrides: r.css_overrides,
      visibility: r.visibility,
    }),
  response: [
    ...META, 'namespace', 'name', 'title', 'description', 'source_code', 'compiled_bundle', 'source_map', 'compile_status',
    'compile_errors', 'input_schema', 'enabled_agents', 'enabled_functions', 'enabled_queries', 'enabled_components',
    'enabled_stores', 'css_overrides', 'visibility', 'version', 'is_published', 'is_active', 'render_token', ...STAMPS,
  ],
  listResponse: COMPONENT_LIST,
  listMode: 'mixin',
  listActiveOnly: true,
  listParams: ['namespace'],
  updatable: {
    namespace: 'str', name: 'str', title: 'str', description: 'str', source_code: 'str', input_schema: 'dict',
    enabled_agents: 'list', enabled_functions: 'list', enabled_queries: 'list', enabled_components: 'list',
    enabled_stores: 'list', css_overrides: 'str', visibility: 'str', is_active: 'bool', is_published: 'bool',
  },
};

const templates: ResourceType = {
  section: 'templates',
  kind: 'template',
  model: 'Template',
  route: 'templates',
  permissionBase: 'sinas.templates',
  identity: 'namespaced',
  hasActive: true,
  fromConfig(item) {
    const fields = {
      ...namespaced(item),
      description: str(item, 'description'),
      title: str(item, 'title'),
      html_content: str(item, 'htmlContent'),
      text_content: str(item, 'textContent'),
      variable_schema: dictOrEmpty(item, 'variableSchema'),
    };
    return { fields: { ...fields, is_active: true }, hash: fields };
  },
  onCreate: (fields) => ({ created_by: fields.user_id, updated_by: fields.user_id }),
  toExport: (r) =>
    dropNulls({
      namespace: r.namespace,
      name: r.name,
      description: r.description,
      title: r.title,
      htmlContent: r.html_content,
      textContent: r.text_content,
      variableSchema: orNone(r.variable_schema),
    }),
  // The only response schema that exposes the package tags (§3).
  response: ['id', 'namespace', 'name', 'description', 'title', 'html_content', 'text_content', 'variable_schema', 'is_active', 'user_id', 'created_by', 'updated_by', ...STAMPS, 'managed_by', 'config_name', 'config_checksum'],
  listMode: 'mixin',
  listParams: [],
  updatable: {
    namespace: 'str', name: 'str', description: 'str', title: 'str', html_content: 'str', text_content: 'str',
    variable_schema: 'dict', is_active: 'bool',
  },
};

const manifests: ResourceType = {
  section: 'manifests',
  kind: 'manifest',
  model: 'Manifest',
  route: 'manifests',
  permissionBase: 'sinas.manifests',
  identity: 'namespaced',
  hasActive: true,
  fromConfig(item, _state, existing) {
    const fields = {
      ...namespaced(item),
      description: str(item, 'description'),
      required_resources: list<ConfigItem>(item, 'requiredResources').map((r) => ({
        type: r.type,
        namespace: r.namespace ?? 'default',
        name: r.name,
      })),
      required_permissions: list(item, 'requiredPermissions'),
      optional_permissions: list(item, 'optionalPermissions'),
      exposed_namespaces: dictOrEmpty(item, 'exposedNamespaces'),
    };
    // storeDependencies is neither stored nor hashed by apply (§4 manifests).
    return { fields: { ...fields, store_dependencies: existing?.store_dependencies ?? [], is_active: true }, hash: fields };
  },
  toExport: (r) =>
    dropNulls({
      namespace: r.namespace,
      name: r.name,
      description: r.description,
      requiredResources: orNone(r.required_resources),
      requiredPermissions: orNone(r.required_permissions),
      optionalPermissions: orNone(r.optional_permissions),
      exposedNamespaces: orNone(r.exposed_namespaces),
      storeDependencies: orNone(r.store_dependencies),
    }),
  response: [...META, 'namespace', 'name', 'description', 'required_resources', 'required_permissions', 'optional_permissions', 'exposed_namespaces', 'store_dependencies', 'is_active', ...STAMPS],
  listMode: 'mixin',
  listActiveOnly: true,
  listParams: ['namespace'],
  updatable: {
    namespace: 'str', name: 'str', description: 'str', required_resources: 'list', required_permissions: 'list',
    optional_permissions: 'list', exposed_namespaces: 'dict', store_dependencies: 'list', is_active: 'bool',
  },
};

export const CODE_TYPES = { functions, skills, components, templates, manifests };
