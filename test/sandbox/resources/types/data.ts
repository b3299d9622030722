/** Connectors, queries, collections and stores. */
import type { State } from '../../state/types';
import type { ResourceType } from '../registry';
import { bool, dict, dictOrEmpty, dropNulls, list, num, namespaced, orNone, str, type ConfigItem } from '../read-config';

const STAMPS = ['created_at', 'updated_at'];

/** Apply resolves connections among the active ones; exports resolve the id back to a name. */
export function activeConnection(state: Readonly<State>, name: string | null) {
  return state.databaseConnections.find((c) => c.name === name && c.is_active !== false);
}
export function connectionName(state: Readonly<State>, id: unknown): string | null {
  return state.databaseConnections.find((c) => c.id === id)?.name ?? null;
}

const connectors: ResourceType = {
  section: 'connectors',
  kind: 'connector',
  model: 'Connector',
  route: 'connectors',
  permissionBase: 'sinas.connectors',
  identity: 'namespaced',
  hasActive: true,
  adoptOnUpdate: true,
  fromConfig(item) {
    const auth = dict(item, 'auth') ?? {};
    const retry = dict(item, 'retry') ?? {};
    const fields = {
      ...namespaced(item),
      base_url: str(item, 'baseUrl'),
      auth: dropNulls({
        type: str(auth, 'type', 'none'),
        secret: str(auth, 'secret'),
        header: str(auth, 'header'),
        position: str(auth, 'position'),
        param_name: str(auth, 'paramName'),
      }),
      headers: dictOrEmpty(item, 'headers'),
      retry: { max_attempts: num(retry, 'maxAttempts', 1), backoff: str(retry, 'backoff', 'none') },
      timeout_seconds: num(item, 'timeoutSeconds', 30),
      operations: list<ConfigItem>(item, 'operations').map((op) => ({
        name: str(op, 'name'),
        method: str(op, 'method'),
        path: str(op, 'path'),
        description: str(op, 'description'),
        parameters: dict(op, 'parameters') ?? { type: 'object', properties: {} },
        request_body_mapping: str(op, 'requestBodyMapping', 'json'),
        response_mapping: str(op, 'responseMapping', 'json'),
      })),
    };
    // The description is not part of the checksum: a description-only edit reads as unchanged.
    return { fields: { ...fields, description: str(item, 'description'), is_active: true }, hash: fields };
  },
  toExport(r) {
    const auth = (r.auth ?? {}) as Record<string, unknown>;
    const retry = (r.retry ?? {}) as Record<string, unknown>;
    return dropNulls({
      namespace: r.namespace,
      name: r.name,
      description: r.description,
      baseUrl: r.base_url,
      auth: { type: auth.type ?? 'none', secret: auth.secret, header: auth.header, position: auth.position, paramName: auth.param_name },
      headers: orNone(r.headers),
      retry: { maxAttempts: retry.max_attempts ?? 1, backoff: retry.backoff ?? 'none' },
      timeoutSeconds: r.timeout_seconds,
      operations: ((r.operations ?? []) as Record<string, unknown>[]).map((op) => ({
        name: op.name,
        method: op.method,
        path: op.path,
        description: op.description,
        parameters: op.parameters,
        requestBodyMapping: op.request_body_mapping ?? 'json',
        responseMapping: op.response_mapping ?? 'json',
      })),
    });
  },
  response: ['id', 'namespace', 'name', 'description', 'base_url', 'auth', 'headers', 'retry', 'timeout_seconds', 'operations', 'is_active', ...STAMPS],
  listMode: 'mixin',
  listParams: [],
  updatable: {
    namespace: 'str', name: 'str', description: 'str', base_url: 'str', auth: 'dict', headers: 'dict', retry: 'dict',
    timeout_seconds: 'int', operations: 'list', is_active: 'bool',
  },
};

const queries: ResourceType = {
  section: 'queries',
  kind: 'query',
  model: 'Query',
  route: 'queries',
  permissionBase: 'sinas.queries',
  identity: 'namespaced',
  hasActive: true,
  fromConfig(item, state) {
    const id = namespaced(item);
    const wanted = str(item, 'connectionName');
    const connection = activeConnection(state, wanted);
    if (!connection) return `Database connection '${wanted}' not found for query '${id.namespace}/${id.name}'`;
    const fields = {
      ...id,
      description: str(item, 'description'),
      database_connection_id: connection.id,
      operation: str(item, 'operation'),
      sql: str(item, 'sql'),
      input_schema: dictOrEmpty(item, 'inputSchema'),
      output_schema: dictOrEmpty(item, 'outputSchema'),
      timeout_ms: num(item, 'timeoutMs', 5000),
      max_rows: num(item, 'maxRows', 1000),
    };
    return { fields: { ...fields, is_active: true }, hash: fields };
  },
  toExport: (r, state) =>
    dropNulls({
      namespace: r.namespace,
      name: r.name,
      description: r.description,
      connectionName: connectionName(state, r.database_connection_id),
      operation: r.operation,
      sql: r.sql,
      inputSchema: r.input_schema,
      outputSchema: r.output_schema,
      timeoutMs: r.timeout_ms,
      maxRows: r.max_rows,
    }),
  response: ['id', 'user_id', 'namespace', 'name', 'description', 'database_connection_id', 'operation', 'sql', 'input_schema', 'output_schema', 'timeout_ms', 'max_rows', 'is_active', ...STAMPS],
  listMode: 'mixin',
  listActiveOnly: true,
  listParams: ['namespace'],
  updatable: {
    namespace: 'str', name: 'str', description: 'str', database_connection_id: 'str', operation: 'str', sql: 'str',
    input_schema: 'dict', output_schema: 'dict', timeout_ms: 'int', max_rows: 'int', is_active: 'bool',
  },
};

const collections: ResourceType = {
  section: 'collections',
  kind: 'collection',
  model: 'Collection',
  route: 'collections',
  permissionBase: 'sinas.collections',
  identity: 'namespaced',
  hasActive: false,
  fromConfig(item) {
    const fields = {
      ...namespaced(item),
      metadata_schema: dictOrEmpty(item, 'metadataSchema'),
      content_filter_function: str(item, 'contentFilterFunction'),
      post_upload_function: str(item, 'postUploadFunction'),
      max_file_size_mb: num(item, 'maxFileSizeMb', 100),
      max_total_size_gb: num(item, 'maxTotalSizeGb', 10),
      is_public: bool(item, 'isPublic', false),
      allow_shared_files: bool(item, 'allowSharedFiles', true),
      allow_private_files: bool(item, 'allowPrivateFiles', true),
    };
    return { fields, hash: fields };
  },
  toExport: (r) =>
    dropNulls({
      namespace: r.namespace,
      name: r.name,
      metadataSchema: orNone(r.metadata_schema),
      contentFilterFunction: r.content_filter_function,
      postUploadFunction: r.post_upload_function,
      maxFileSizeMb: r.max_file_size_mb,
      maxTotalSizeGb: r.max_total_size_gb,
      isPublic: r.is_public,
      allowSharedFiles: r.allow_shared_files,
      allowPrivateFiles: r.allow_private_files,
    }),
  response: ['id', 'namespace', 'name', 'user_id', 'metadata_schema', 'content_filter_function', 'post_upload_function', 'max_file_size_mb', 'max_total_size_gb', 'is_public', 'allow_shared_files', 'allow_private_files', ...STAMPS],
  listMode: 'mixin',
  listParams: ['namespace'],
  updatable: {
    metadata_schema: 'dict', content_filter_function: 'str', post_upload_function: 'str', max_file_size_mb: 'int',
    max_total_size_gb: 'int', is_public: 'bool', allow_shared_files: 'bool', allow_private_files: 'bool',
  },
};

const stores: ResourceType = {
  section: 'stores',
  kind: 'store',
  model: 'Store',
  route: 'stores',
  permissionBase: 'sinas.stores',
  identity: 'namespaced',
  hasActive: false,
  fromConfig(item) {
    const fields = {
      ...namespaced(item),
      description: str(item, 'description'),
      schema: dictOrEmpty(item, 'schema'),
      strict: bool(item, 'strict', false),
      default_visibility: str(item, 'defaultVisibility', 'private'),
      encrypted: bool(item, 'encrypted', false),
    };
    return { fields, hash: fields };
  },
  toExport: (r) =>
    dropNulls({
      namespace: r.namespace,
      name: r.name,
      description: r.description,
      schema: orNone(r.schema),
      strict: r.strict,
      defaultVisibility: r.default_visibility,
      encrypted: r.encrypted,
    }),
  response: ['id', 'user_id', 'namespace', 'name', 'description', 'schema', 'strict', 'default_visibility', 'encrypted', ...STAMPS],
  listMode: 'mixin',
  listParams: ['namespace'],
  updatable: { namespace: 'str', name: 'str', description: 'str', schema: 'dict', strict: 'bool', default_visibility: 'str', encrypted: 'bool' },
};

export const DATA_TYPES = { connectors, queries, collections, stores };
