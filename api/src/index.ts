/**
 * The Sinas API client, shared by the extension and the CLI (no `vscode` import below this folder).
 * Start with `new SinasClient({name, url, apiKey}, options)`; every method rejects with `SinasApiError`.
 */
export { SinasClient, PACKAGE_PERMISSIONS } from './sinas-client';
export type { CreateResult, InstallResult, ListOptions, PreviewResult, SinasClientOptions, VariableInput } from './sinas-client';
export { SinasApiError, isSinasApiError } from './errors';
export type { SinasErrorKind, ValidationItem } from './errors';
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, displayUrl, formatExchange, HttpClient, parseBaseUrl, withoutTrailingSlashes } from './http';
export type { CallOptions, ExchangeHook, ExchangeLog, HttpOptions, RetryPolicy } from './http';
export { echoForms, MIN_SCRUB_LENGTH, REDACTED, redactBody, redactHeaders, redactVariables, scrub, scrubDeep, secretValues } from './redact';
export { MAX_SERVER_TEXT, oneLine, serverText, stripControls } from './server-text';
export { MAX_RESPONSE_BYTES } from './read-body';
export type { DeclaredVariable } from './redact';
export { isLoopbackAddress, plainHttpWarning } from './insecure-url';
export type { Lookup } from './insecure-url';
export { ALL_RESOURCE_KINDS, RESOURCE_KINDS } from './resources';
export type { ResourceDtoMap, ResourceKind, ResourceList, ResourceSummary, ResourceType } from './resources';
export { CREATE_TYPES, resourceRefOf, skippedResources } from './create-diff';
export type * from './types';
export { buildInstanceSnapshot, SNAPSHOT_KINDS } from './instance-snapshot';
export type { SnapshotOptions } from './instance-snapshot';
