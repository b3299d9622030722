/** Webhooks (identity: path), schedules and database triggers (identity: name). */
import type { ResourceType } from '../registry';
import { bool, dict, dictOrEmpty, dropNulls, list, num, orNone, splitRef, str } from '../read-config';
import { activeConnection, connectionName } from './data';

const STAMPS = ['created_at', 'updated_at'];

const webhooks: ResourceType = {
  section: 'webhooks',
  kind: 'webhook',
  model: 'Webhook',
  route: 'webhooks',
  permissionBase: 'sinas.webhooks',
  identity: 'path',
  hasActive: true,
  fromConfig(item) {
    const [functionNamespace, functionName] = splitRef(str(item, 'functionName', '') ?? '');
    const fields = {
      path: str(item, 'path'),
      function_namespace: functionNamespace,
      function_name: functionName,
      http_method: str(item, 'httpMethod', 'POST'),
      description: str(item, 'description'),
      default_values: dictOrEmpty(item, 'defaultValues'),
      requires_auth: bool(item, 'requiresAuth', true),
      response_mode: str(item, 'responseMode', 'sync'),
      dedup: dict(item, 'dedup'),
    };
    return { fields: { ...fields, is_active: true }, hash: fields };
  },
  toExport: (r) =>
    dropNulls({
      path: r.path,
      functionName: `${r.function_namespace}/${r.function_name}`,
      httpMethod: r.http_method,
      requiresAuth: r.requires_auth,
      description: r.description,
      defaultValues: orNone(r.default_values),
      responseMode: r.response_mode,
      dedup: r.dedup,
    }),
  response: ['id', 'path', 'function_namespace', 'function_name', 'http_method', 'description', 'default_values', 'is_active', 'requires_auth', 'response_mode', 'dedup', ...STAMPS],
  listMode: 'owner',
  listParams: ['paging'],
  updatable: {
    function_namespace: 'str', function_name: 'str', http_method: 'str', description: 'str', default_values: 'dict',
    is_active: 'bool', requires_auth: 'bool', response_mode: 'str', dedup: 'dict',
  },
};

const schedules: ResourceType = {
  section: 'schedules',
  kind: 'schedule',
  model: 'Schedule',
  route: 'schedules',
  permissionBase: 'sinas.schedules',
  identity: 'name',
  hasActive: true,
  fromConfig(item) {
    const scheduleType = str(item, 'scheduleType', 'function') ?? 'function';
    const target = scheduleType === 'agent' ? str(item, 'agentName', '') : str(item, 'functionName', '');
    const [targetNamespace, targetName] = splitRef(target ?? '');
    const fields = {
      name: str(item, 'name'),
      schedule_type: scheduleType,
      target_namespace: targetNamespace,
      target_name: targetName,
      // `description` is dropped by apply: neither stored nor exported (§4 schedules).
      description: null,
      cron_expression: str(item, 'cronExpression'),
      timezone: str(item, 'timezone', 'UTC'),
      input_data: dictOrEmpty(item, 'inputData'),
      content: str(item, 'content'),
      is_active: bool(item, 'isActive', true),
    };
    return { fields: { ...fields, last_run: null, next_run: null }, hash: fields };
  },
  toExport: (r) =>
    dropNulls({
      name: r.name,
      scheduleType: r.schedule_type,
      ...(r.schedule_type === 'agent'
        ? { agentName: `${r.target_namespace}/${r.target_name}` }
        : { functionName: `${r.target_namespace}/${r.target_name}` }),
      content: r.content,
      cronExpression: r.cron_expression,
      isActive: r.is_active,
      timezone: r.timezone,
      inputData: orNone(r.input_data),
    }),
  response: ['id', 'name', 'schedule_type', 'target_namespace', 'target_name', 'description', 'cron_expression', 'timezone', 'input_data', 'content', 'is_active', 'last_run', 'next_run', 'created_at'],
  listMode: 'owner',
  listParams: ['paging'],
  updatable: {
    name: 'str', schedule_type: 'str', target_namespace: 'str', target_name: 'str', description: 'str',
    cron_expression: 'str', timezone: 'str', input_data: 'dict', content: 'str', is_active: 'bool',
  },
};

const databaseTriggers: ResourceType = {
  section: 'databaseTriggers',
  kind: 'database_trigger',
  model: 'DatabaseTrigger',
  route: 'database-triggers',
  permissionBase: 'sinas.database_triggers',
  identity: 'name',
  hasActive: true,
  fromConfig(item, state) {
    const name = str(item, 'name');
    const wanted = str(item, 'connectionName');
    const connection = activeConnection(state, wanted);
    // Not checked by the parser, so a missing connection surfaces here, as a partial install.
    if (!connection) return `Database trigger '${name}': connection '${wanted}' not found`;
    const [functionNamespace, functionName] = splitRef(str(item, 'functionName', '') ?? '');
    const fields = {
      name,
      database_connection_id: connection.id,
      schema_name: str(item, 'schemaName', 'public'),
      table_name: str(item, 'tableName'),
      operations: item.operations === undefined ? ['INSERT', 'UPDATE'] : list(item, 'operations'),
      function_namespace: functionNamespace,
      function_name: functionName,
      poll_column: str(item, 'pollColumn'),
      poll_interval_seconds: num(item, 'pollIntervalSeconds', 10),
      batch_size: num(item, 'batchSize', 100),
      is_active: bool(item, 'isActive', true),
    };
    return { fields: { ...fields, last_poll_value: null, error_message: null }, hash: fields };
  },
  toExport: (r, state) =>
    dropNulls({
      name: r.name,
      connectionName: connectionName(state, r.database_connection_id),
      schemaName: r.schema_name,
      tableName: r.table_name,
      operations: r.operations,
      functionName: `${r.function_namespace}/${r.function_name}`,
      pollColumn: r.poll_column,
      pollIntervalSeconds: r.poll_interval_seconds,
      batchSize: r.batch_size,
      isActive: r.is_active,
    }),
  response: ['id', 'name', 'database_connection_id', 'schema_name', 'table_name', 'operations', 'function_namespace', 'function_name', 'poll_column', 'poll_interval_seconds', 'batch_size', 'is_active', 'last_poll_value', 'error_message', ...STAMPS],
  listMode: 'owner',
  listParams: ['paging'],
  updatable: {
    name: 'str', operations: 'list', function_namespace: 'str', function_name: 'str', poll_column: 'str',
    poll_interval_seconds: 'int', batch_size: 'int', is_active: 'bool',
  },
};

export const INTEGRATION_TYPES: readonly ResourceType[] = [webhooks, schedules, databaseTriggers];
