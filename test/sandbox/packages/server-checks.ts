/**
 * The checks only the server can make, because they need its database (§5 step 4): references are
 * resolved against the document plus every existing row, exactly as written (no `default/`
 * normalisation, except the webhook/schedule quirk that always prefixes `default/`). Also the four
 * "environment-specific" warnings of a SinasPackage. A value that still holds a `${{ vars.X }}`
 * placeholder (a preview before the user gave it) is not checked: it cannot be resolved yet.
 */
import type { State } from '../state/types';
import { SKIPPED_SECTIONS } from '../../../server/src/core/model/sections';
import { itemsOf, type ConfigItem } from '../resources/read-config';
import { rowsOf } from '../resources/registry';
import type { PathMessage } from '../validate';

type Item = ConfigItem;

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const pending = (value: unknown): boolean => typeof value === 'string' && value.includes('${{');
const MANIFEST_TYPES = ['agent', 'function', 'skill', 'collection'];
const qualified = (item: Item): string => `${item.namespace ?? 'default'}/${item.name}`;

export function environmentWarnings(spec: Item): string[] {
  return SKIPPED_SECTIONS.filter((section) => itemsOf(spec[section]).length > 0).map(
    (section) => `SinasPackage includes ${section} — these are environment-specific and will be skipped during install`,
  );
}

export function referenceErrors(spec: Item, state: Readonly<State>): PathMessage[] {
  const names = (section: string): Set<string> =>
    new Set([...itemsOf(spec[section]).map(qualified), ...rowsOf(state, section).map((r) => `${r.namespace}/${r.name}`)]);
  const known: Record<string, Set<string>> = {
    function: names('functions'),
    agent: names('agents'),
    skill: names('skills'),
    collection: names('collections'),
    query: names('queries'),
    component: names('components'),
    store: names('stores'),
  };
  const providers = new Set([...itemsOf(spec.llmProviders).map((p) => String(p.name)), ...state.llmProviders.map((p) => p.name)]);
  const connections = new Set([
    ...itemsOf(spec.databaseConnections).map((c) => String(c.name)),
    ...state.databaseConnections.map((c) => c.name),
  ]);

  const errors: PathMessage[] = [];
  const check = (path: string, kind: string, ref: unknown, pool = known[kind]) => {
    if (ref === undefined || ref === null || pending(ref)) return;
    if (!pool.has(String(ref))) errors.push({ path, message: `Referenced ${kind} '${ref}' not defined` });
  };
  const refName = (ref: unknown, key: string): unknown => (ref && typeof ref === 'object' ? (ref as Item)[key] : ref);

  itemsOf(spec.manifests).forEach((manifest, i) => {
    itemsOf(manifest.requiredResources).forEach((resource, j) => {
      const path = `spec.manifests[${i}].requiredResources[${j}]`;
      const type = String(resource.type);
      if (!MANIFEST_TYPES.includes(type)) {
        errors.push({ path: `${path}.type`, message: `Unsupported resource type '${type}'. Must be one of: agent, collection, function, skill` });
      } else if (!pending(resource.name)) {
        check(path, type, qualified(resource));
      }
    });
  });

  itemsOf(spec.agents).forEach((agent, i) => {
    const at = `spec.agents[${i}]`;
    if (agent.llmProviderName !== undefined && agent.llmProviderName !== null && !pending(agent.llmProviderName)) {
      if (!providers.has(String(agent.llmProviderName))) {
        errors.push({ path: `${at}.llmProviderName`, message: `Referenced LLM provider '${agent.llmProviderName}' not defined` });
      }
    }
    const self = new Set([...known.agent, qualified(agent)]);
    for (const ref of listOf(agent.enabledFunctions)) check(`${at}.enabledFunctions`, 'function', ref);
    for (const ref of listOf(agent.enabledAgents)) check(`${at}.enabledAgents`, 'agent', ref, self);
    for (const ref of listOf(agent.enabledSkills)) check(`${at}.enabledSkills`, 'skill', refName(ref, 'skill'));
    for (const ref of listOf(agent.enabledQueries)) check(`${at}.enabledQueries`, 'query', ref);
    for (const ref of listOf(agent.enabledCollections)) check(`${at}.enabledCollections`, 'collection', refName(ref, 'collection'));
    for (const ref of listOf(agent.enabledComponents)) check(`${at}.enabledComponents`, 'component', ref);
    for (const ref of listOf(agent.enabledStores)) check(`${at}.enabledStores`, 'store', refName(ref, 'store'));
  });

  itemsOf(spec.components).forEach((component, i) => {
    const at = `spec.components[${i}]`;
    for (const ref of listOf(component.enabledFunctions)) check(`${at}.enabledFunctions`, 'function', ref);
    for (const ref of listOf(component.enabledQueries)) check(`${at}.enabledQueries`, 'query', ref);
    for (const ref of listOf(component.enabledAgents)) check(`${at}.enabledAgents`, 'agent', ref);
    for (const ref of listOf(component.enabledComponents)) check(`${at}.enabledComponents`, 'component', ref);
  });

  itemsOf(spec.queries).forEach((query, i) => {
    if (pending(query.connectionName) || connections.has(String(query.connectionName))) return;
    errors.push({
      path: `spec.queries[${i}].connectionName`,
      message: `Referenced database connection '${query.connectionName}' not defined`,
    });
  });

  itemsOf(spec.collections).forEach((collection, i) => {
    check(`spec.collections[${i}].contentFilterFunction`, 'function', collection.contentFilterFunction);
    check(`spec.collections[${i}].postUploadFunction`, 'function', collection.postUploadFunction);
  });

  // The backend reads a nonexistent `functionNamespace` key here, so the namespace is always `default`.
  itemsOf(spec.webhooks).forEach((webhook, i) => {
    if (!pending(webhook.functionName)) check(`spec.webhooks[${i}].functionName`, 'function', `default/${webhook.functionName}`);
  });
  itemsOf(spec.schedules).forEach((schedule, i) => {
    if (!pending(schedule.functionName)) check(`spec.schedules[${i}].functionName`, 'function', `default/${schedule.functionName ?? 'None'}`);
  });

  return errors;
}
