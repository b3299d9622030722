/**
 * The Sinas API client, shared by the extension and the CLI (no `vscode` import below this folder).
 * Start with `new SinasClient({name, url, apiKey}, options)`; every method rejects with `SinasApiError`.
 */
export { SinasClient, PACKAGE_PERMISSIONS } from './sinas-client';
export type { CreateResult, InstallResult, ListOptions, PreviewResult, SinasClientOptions, VariableInput } from './sinas-client';
export { SinasApiError, isSinasApiError } from './errors';
export type { SinasErrorKind, ValidationItem } from './errors';
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, formatExchange, HttpClient } from './http';
export type { CallOptions, ExchangeHook, ExchangeLog, HttpOptions, RetryPolicy } from './http';
export { REDACTED, redactBody, redactHeaders, redactVariables, scrub, secretValues } from './redact';
export type { DeclaredVariable } from './redact';
export { insecureUrlWarning, isInsecureUrl, isLoopbackHost } from './insecure-url';
export { ALL_RESOURCE_KINDS, RESOURCE_KINDS } from './resources';
export type { ResourceDtoMap, ResourceKind, ResourceList, ResourceSummary, ResourceType } from './resources';
export { CREATE_TYPES, resourceRefOf, skippedResources } from './create-diff';
export type * from './types';
export { buildInstanceSnapshot, SNAPSHOT_KINDS } from './instance-snapshot';
export type { SnapshotOptions } from './instance-snapshot';
