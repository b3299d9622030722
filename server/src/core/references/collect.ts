/**
 * Finds every place a section item refers to another resource, with the form the backend expects
 * there (§5 of the API contract). Pure in the item: the result is memoised on the item's chunk, so
 * an edit re-collects the edited item only. Targets are resolved later, per version (index.ts).
 */
import type { SectionName } from '../model/sections';
import { getValue, keyName, stringValue, type YNode, type YScalar } from '../parse/yaml-tree';

/** What a reference points at: a resource section, or an operation of a connector. */
export type ReferenceKind = SectionName | 'operations';

/**
 * How the value must be written:
 * - `qualified`: `ns/name`, even for `default` (the server compares the raw string);
 * - `bare`: a bare name, read as `default/<name>` (webhook and schedule `functionName`);
 * - `either`: `ns/name`, or a bare name meaning `default/<name>` (apply normalises it);
 * - `name`: a plain name of environment infrastructure (database connection, LLM provider, secret);
 * - `operation`: an operation name of the referenced connector.
 */
export type ReferenceForm = 'qualified' | 'bare' | 'either' | 'name' | 'operation';

/** `use` enables or calls the target; `parameters` is a parameters-map key that must match a use. */
export type ReferenceRole = 'use' | 'parameters';

export interface RawReference {
  kind: ReferenceKind;
  form: ReferenceForm;
  role: ReferenceRole;
  /** True when the server checks the target exists at install (a missing one rejects the install). */
  checked: boolean;
  /** The reference's own scalar (a value, or a key for parameters maps). */
  node: YScalar;
  /** The string as written. */
  text: string;
  /** Field label for messages, e.g. `enabledFunctions` or `hooks.on_user_message`. */
  field: string;
  /** Manifest `requiredResources`: the namespace node (absent = `default`); `text` is then `ns/name`. */
  namespaceNode?: YScalar;
  /** Operations: the connector reference they belong to (its raw text). */
  connector?: string;
  /** `enabledConnectors` references: the entry holding them (connector, operations, parameters). */
  entry?: YNode;
  /**
   * The identity the author means: `ns/name` for resources (a bare name read as `default/<name>`
   * where the backend does so), the plain name for infrastructure, the operation name for
   * operations. Undefined when it is only known after install-time substitution (`${{ … }}`), or
   * when the form is wrong in a way that has no meaning (a bare name where `ns/name` is required).
   */
  target?: string;
  /** The value contains `${{ … }}`: unknown until install, so nothing is said about it. */
  dynamic: boolean;
}

type Collected = Omit<RawReference, 'target' | 'dynamic'>;

type Push = (r: Collected) => void;

function scalarString(node: YNode | null | undefined): YScalar | undefined {
  return node && node.kind === 'scalar' && typeof node.value === 'string' ? node : undefined;
}

function seqItems(node: YNode | null | undefined): YNode[] {
  return node && node.kind === 'seq' ? node.items : [];
}

/** A list whose entries are a string or `{<objectKey>: string, …}`. */
function listRefs(item: YNode, field: string, kind: ReferenceKind, form: ReferenceForm, checked: boolean, push: Push, objectKey?: string): void {
  for (const entry of seqItems(getValue(item, field))) {
    const scalar = scalarString(entry) ?? (objectKey && entry.kind === 'map' ? scalarString(getValue(entry, objectKey)) : undefined);
    if (scalar) push({ kind, form, role: 'use', checked, node: scalar, text: scalar.value as string, field });
  }
}

/**
 * A single reference field. An empty string refers to nothing: the backend skips optional ones
 * (`if coll.get("contentFilterFunction")`) and the schema reports required ones as empty.
 */
function single(item: YNode, field: string, kind: ReferenceKind, form: ReferenceForm, checked: boolean, push: Push): void {
  const scalar = scalarString(getValue(item, field));
  if (scalar && scalar.value !== '') push({ kind, form, role: 'use', checked, node: scalar, text: scalar.value as string, field });
}

/** The list whose entries the keys of each parameters map must equal exactly. */
export const PARAMETERS_FOR: Readonly<Record<string, string>> = { functionParameters: 'enabledFunctions', queryParameters: 'enabledQueries' };

/** Keys of a `{ref: {...}}` map (functionParameters, queryParameters). */
function parameterKeys(item: YNode, field: string, kind: ReferenceKind, push: Push, connector?: string): void {
  const map = getValue(item, field);
  if (!map || map.kind !== 'map') return;
  const label = connector === undefined ? field : `enabledConnectors.${field}`;
  for (const pair of map.pairs) {
    const key = scalarString(pair.key);
    if (!key) continue;
    const form = kind === 'operations' ? 'operation' : 'qualified';
    push({ kind, form, role: 'parameters', checked: false, node: key, text: key.value as string, field: label, ...(connector !== undefined ? { connector, entry: item } : {}) });
  }
}

const MANIFEST_TYPES: Record<string, SectionName> = { agent: 'agents', function: 'functions', skill: 'skills', collection: 'collections' };

const COLLECTORS: Partial<Record<SectionName, (item: YNode, push: Push) => void>> = {
  agents(item, push) {
    listRefs(item, 'enabledFunctions', 'functions', 'qualified', true, push);
    listRefs(item, 'enabledAgents', 'agents', 'qualified', true, push);
    listRefs(item, 'enabledSkills', 'skills', 'qualified', true, push, 'skill');
    listRefs(item, 'enabledQueries', 'queries', 'qualified', true, push);
    listRefs(item, 'enabledCollections', 'collections', 'qualified', true, push, 'collection');
    listRefs(item, 'enabledComponents', 'components', 'qualified', true, push);
    listRefs(item, 'enabledStores', 'stores', 'qualified', true, push, 'store');
    parameterKeys(item, 'functionParameters', 'functions', push);
    parameterKeys(item, 'queryParameters', 'queries', push);
    for (const entry of seqItems(getValue(item, 'enabledConnectors'))) {
      if (entry.kind !== 'map') continue;
      const connector = scalarString(getValue(entry, 'connector'));
      if (!connector) continue;
      const text = connector.value as string;
      push({ kind: 'connectors', form: 'qualified', role: 'use', checked: false, node: connector, text, field: 'enabledConnectors', entry });
      for (const op of seqItems(getValue(entry, 'operations'))) {
        const scalar = scalarString(op);
        if (scalar) push({ kind: 'operations', form: 'operation', role: 'use', checked: false, node: scalar, text: scalar.value as string, field: 'enabledConnectors.operations', connector: text, entry });
      }
      parameterKeys(entry, 'parameters', 'operations', push, text);
    }
    const hooks = getValue(item, 'hooks');
    if (hooks && hooks.kind === 'map') {
      for (const pair of hooks.pairs) {
        const hookName = keyName(pair) ?? 'hooks';
        const entries = pair.value?.kind === 'seq' ? pair.value.items : pair.value ? [pair.value] : [];
        for (const entry of entries) {
          const fn = scalarString(getValue(entry, 'function'));
          if (fn) push({ kind: 'functions', form: 'qualified', role: 'use', checked: false, node: fn, text: fn.value as string, field: `hooks.${hookName}` });
        }
      }
    }
    single(item, 'llmProviderName', 'llmProviders', 'name', true, push);
    for (const tool of seqItems(getValue(item, 'systemTools'))) {
      if (tool.kind === 'map') listRefs(tool, 'connections', 'databaseConnections', 'name', false, push);
    }
  },
  components(item, push) {
    listRefs(item, 'enabledAgents', 'agents', 'qualified', true, push);
    listRefs(item, 'enabledFunctions', 'functions', 'qualified', true, push);
    listRefs(item, 'enabledQueries', 'queries', 'qualified', true, push);
    listRefs(item, 'enabledComponents', 'components', 'qualified', true, push);
    listRefs(item, 'enabledStores', 'stores', 'qualified', false, push, 'store');
  },
  collections(item, push) {
    single(item, 'contentFilterFunction', 'functions', 'qualified', true, push);
    single(item, 'postUploadFunction', 'functions', 'qualified', true, push);
  },
  manifests(item, push) {
    for (const entry of seqItems(getValue(item, 'requiredResources'))) {
      const type = stringValue(getValue(entry, 'type'));
      const kind = type ? MANIFEST_TYPES[type] : undefined;
      const name = scalarString(getValue(entry, 'name'));
      if (!kind || !name) continue;
      const nsNode = getValue(entry, 'namespace');
      const namespaceNode = scalarString(nsNode);
      // A namespace that is not a string (e.g. a number) is a schema error; do not guess.
      if (nsNode && !namespaceNode && !(nsNode.kind === 'scalar' && nsNode.value === null)) continue;
      const namespace = namespaceNode ? (namespaceNode.value as string) : 'default';
      push({ kind, form: 'qualified', role: 'use', checked: true, node: name, text: `${namespace}/${name.value as string}`, field: 'requiredResources', namespaceNode });
    }
  },
  queries(item, push) {
    single(item, 'connectionName', 'databaseConnections', 'name', true, push);
  },
  webhooks(item, push) {
    single(item, 'functionName', 'functions', 'bare', true, push);
  },
  schedules(item, push) {
    single(item, 'functionName', 'functions', 'bare', true, push);
    single(item, 'agentName', 'agents', 'either', false, push);
  },
  databaseTriggers(item, push) {
    single(item, 'functionName', 'functions', 'either', false, push);
    single(item, 'connectionName', 'databaseConnections', 'name', false, push);
  },
  connectors(item, push) {
    // Looked up by name when the connector is called; never checked at install.
    const secret = scalarString(getValue(getValue(item, 'auth'), 'secret'));
    if (secret) push({ kind: 'secrets', form: 'name', role: 'use', checked: false, node: secret, text: secret.value as string, field: 'auth.secret' });
  },
};

function isDynamic(text: string): boolean {
  return text.includes('${{');
}

function targetOf(form: ReferenceForm, text: string): string | undefined {
  switch (form) {
    case 'qualified':
      return text.includes('/') ? text : undefined;
    case 'bare':
      // The backend prefixes `default/` whatever the text holds.
      return `default/${text}`;
    case 'either':
      return text.includes('/') ? text : `default/${text}`;
    case 'name':
    case 'operation':
      return text;
  }
}

/** References made by one item of `section`, in document order. */
export function collectReferences(section: SectionName, item: YNode): RawReference[] {
  const collector = COLLECTORS[section];
  if (!collector || item.kind !== 'map') return [];
  const out: RawReference[] = [];
  collector(item, (r) => {
    const dynamic = isDynamic(r.text) || (r.connector !== undefined && isDynamic(r.connector));
    // One object shape for every reference keeps property access fast in the per-version passes.
    out.push({
      kind: r.kind,
      form: r.form,
      role: r.role,
      checked: r.checked,
      node: r.node,
      text: r.text,
      field: r.field,
      namespaceNode: r.namespaceNode,
      connector: r.connector,
      entry: r.entry,
      target: dynamic ? undefined : targetOf(r.form, r.text),
      dynamic,
    });
  });
  return out.sort((a, b) => a.node.start - b.node.start);
}

/** Operation names a connector item defines, with their `name` nodes. */
export function collectOperations(item: YNode): Map<string, YScalar> {
  const out = new Map<string, YScalar>();
  for (const op of seqItems(getValue(item, 'operations'))) {
    const name = scalarString(getValue(op, 'name'));
    if (name) out.set(name.value as string, name);
  }
  return out;
}
