/** Agents: the widest resource type, with reference lists normalised as apply stores them. */
import type { ResourceType } from '../registry';
import { bool, dict, dictOrEmpty, dropNulls, list, namespaced, num, str, type ConfigItem } from '../read-config';

const qualify = (ref: string): string => (ref.includes('/') ? ref : `default/${ref}`);

/** `enabledSkills`: strings become `{skill, preload: false}`; bare names get `default/`. */
function skills(item: ConfigItem) {
  return list(item, 'enabledSkills').map((ref) =>
    typeof ref === 'string'
      ? { skill: qualify(ref), preload: false }
      : { skill: qualify(String((ref as ConfigItem).skill ?? '')), preload: bool(ref as ConfigItem, 'preload', false) },
  );
}

/** `enabledStores`: a plain string means readwrite; an object without `access` means readonly. */
function stores(item: ConfigItem) {
  return list(item, 'enabledStores').map((ref) =>
    typeof ref === 'string' ? { store: ref, access: 'readwrite' } : { store: (ref as ConfigItem).store, access: (ref as ConfigItem).access ?? 'readonly' },
  );
}

/** `enabledCollections`: a plain string means readonly. */
function collections(item: ConfigItem) {
  return list(item, 'enabledCollections').map((ref) =>
    typeof ref === 'string'
      ? { collection: qualify(ref), access: 'readonly' }
      : { collection: (ref as ConfigItem).collection, access: (ref as ConfigItem).access ?? 'readonly' },
  );
}

export const AGENT_TYPE: ResourceType = {
  section: 'agents',
  kind: 'agent',
  model: 'Agent',
  route: 'agents',
  permissionBase: 'sinas.agents',
  identity: 'namespaced',
  hasActive: true,
  fromConfig(item) {
    const fields = {
      ...namespaced(item),
      description: str(item, 'description'),
      // llmProviderName is validated but ignored in packages (P6): the agent uses the default provider.
      llm_provider_id: null,
      model: str(item, 'model'),
      temperature: num(item, 'temperature', 0.7),
      max_tokens: num(item, 'maxTokens'),
      system_prompt: str(item, 'systemPrompt'),
      input_schema: dictOrEmpty(item, 'inputSchema'),
      output_schema: dictOrEmpty(item, 'outputSchema'),
      initial_messages: Array.isArray(item.initialMessages) ? item.initialMessages : null,
      enabled_functions: list<string>(item, 'enabledFunctions').map((f) => qualify(String(f))),
      enabled_agents: list(item, 'enabledAgents'),
      enabled_skills: skills(item),
      function_parameters: dictOrEmpty(item, 'functionParameters'),
      status_templates: dictOrEmpty(item, 'statusTemplates'),
      enabled_queries: list(item, 'enabledQueries'),
      query_parameters: dictOrEmpty(item, 'queryParameters'),
      enabled_stores: stores(item),
      enabled_collections: collections(item),
      enabled_components: list(item, 'enabledComponents'),
      enabled_connectors: list(item, 'enabledConnectors'),
      hooks: dict(item, 'hooks'),
      icon: str(item, 'icon'),
      is_default: bool(item, 'isDefault', false),
      default_job_timeout: num(item, 'defaultJobTimeout'),
      default_keep_alive: bool(item, 'defaultKeepAlive', false),
      system_tools: list(item, 'systemTools'),
    };
    return { fields: { ...fields, is_active: true }, hash: fields };
  },
  toExport: (r, state) =>
    dropNulls({
      namespace: r.namespace,
      name: r.name,
      description: r.description,
      model: r.model,
      llmProviderName: state.llmProviders.find((p) => p.id === r.llm_provider_id)?.name ?? null,
      temperature: r.temperature,
      maxTokens: r.max_tokens,
      systemPrompt: r.system_prompt,
      inputSchema: r.input_schema,
      outputSchema: r.output_schema,
      initialMessages: r.initial_messages,
      enabledFunctions: r.enabled_functions,
      functionParameters: r.function_parameters,
      statusTemplates: r.status_templates,
      enabledAgents: r.enabled_agents,
      enabledSkills: r.enabled_skills,
      enabledStores: r.enabled_stores,
      enabledQueries: r.enabled_queries,
      queryParameters: r.query_parameters,
      enabledCollections: r.enabled_collections,
      enabledComponents: r.enabled_components,
      enabledConnectors: r.enabled_connectors,
      hooks: r.hooks,
      icon: r.icon,
      isDefault: r.is_default ? true : null,
      defaultJobTimeout: r.default_job_timeout,
      defaultKeepAlive: r.default_keep_alive ? true : null,
      systemTools: r.system_tools,
    }),
  response: [
    'id', 'user_id', 'namespace', 'name', 'description', 'llm_provider_id', 'model', 'temperature', 'max_tokens',
    'system_prompt', 'input_schema', 'output_schema', 'initial_messages', 'enabled_functions', 'enabled_agents',
    'enabled_skills', 'function_parameters', 'status_templates', 'enabled_queries', 'query_parameters', 'enabled_stores',
    'enabled_collections', 'enabled_components', 'enabled_connectors', 'hooks', 'icon', 'icon_url', 'is_active',
    'is_default', 'default_job_timeout', 'default_keep_alive', 'system_tools', 'created_at', 'updated_at',
  ],
  listMode: 'mixin',
  listActiveOnly: true,
  listParams: [],
  updatable: {
    namespace: 'str', name: 'str', description: 'str', llm_provider_id: 'str', model: 'str', temperature: 'any',
    max_tokens: 'int', system_prompt: 'str', input_schema: 'dict', output_schema: 'dict', initial_messages: 'list',
    enabled_functions: 'list', enabled_agents: 'list', enabled_skills: 'list', function_parameters: 'dict',
    status_templates: 'dict', enabled_queries: 'list', query_parameters: 'dict', enabled_stores: 'list',
    enabled_collections: 'list', enabled_components: 'list', enabled_connectors: 'list', hooks: 'dict', icon: 'str',
    is_active: 'bool', is_default: 'bool', default_job_timeout: 'int', default_keep_alive: 'bool', system_tools: 'list',
  },
};
