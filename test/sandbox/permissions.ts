/**
 * Permission strings `<service>.<type>[/<ns>/<name>].<action>:<own|all>` with the backend's wildcard
 * rules: `*` segments, a trailing `*` in the base matching any deeper base (and any path), `:all`
 * implying `:own`. Written from the rules in the contract (§1.1), not from the backend's code.
 */
export type Permissions = Record<string, boolean>;

const SCOPES: Record<string, string[]> = { all: ['all', 'own'], own: ['own'], '*': ['all', 'own'] };

interface Parsed {
  base: string[];
  path: string[] | null;
  action: string;
  scope: string;
}

function parse(permission: string): Parsed | null {
  const colon = permission.lastIndexOf(':');
  if (colon < 0) return null;
  const scope = permission.slice(colon + 1);
  if (!(scope in SCOPES)) return null;
  const body = permission.slice(0, colon);
  const dot = body.lastIndexOf('.');
  if (dot < 0) return null;
  const resource = body.slice(0, dot);
  const slash = resource.indexOf('/');
  return {
    base: (slash < 0 ? resource : resource.slice(0, slash)).split('.'),
    path: slash < 0 ? null : resource.slice(slash + 1).split('/'),
    action: body.slice(dot + 1),
    scope,
  };
}

const segmentMatches = (pattern: string, value: string): boolean => pattern === '*' || pattern === value;

export function matchesPermission(pattern: string, concrete: string): boolean {
  const p = parse(pattern);
  const c = parse(concrete);
  if (!p || !c) return false;
  if (!SCOPES[p.scope].includes(c.scope)) return false;
  if (p.action !== '*' && p.action !== c.action) return false;

  const trailingWildcard = p.base[p.base.length - 1] === '*';
  const prefixOnly = trailingWildcard || (p.action === '*' && p.base.length < c.base.length);
  if (prefixOnly) {
    const prefix = trailingWildcard ? p.base.slice(0, -1) : p.base;
    if (c.base.length < prefix.length || !prefix.every((s, i) => segmentMatches(s, c.base[i]))) return false;
  } else if (p.base.length !== c.base.length || !p.base.every((s, i) => segmentMatches(s, c.base[i]))) {
    return false;
  }

  if (!p.path && !c.path) return true;
  if (!p.path) return p.action === '*' || trailingWildcard;
  if (!c.path) return false;
  return p.path.length === c.path.length && p.path.every((s, i) => segmentMatches(s, c.path![i]));
}

export function hasPermission(permissions: Permissions, required: string): boolean {
  if (permissions[required]) return true;
  return Object.entries(permissions).some(([pattern, granted]) => granted && matchesPermission(pattern, required));
}

/** Namespaces granted by `<base>/<ns>/<name>.<action>` entries (namespace-scoped list access). */
export function grantedNamespaces(permissions: Permissions, base: string, action: string): Set<string> {
  const namespaces = new Set<string>();
  for (const [key, granted] of Object.entries(permissions)) {
    if (!granted || !key.startsWith(`${base}/`)) continue;
    const withoutScope = key.split(':')[0];
    const keyAction = withoutScope.slice(withoutScope.lastIndexOf('.') + 1);
    if (keyAction !== action && keyAction !== '*') continue;
    const namespace = key.slice(base.length + 1).split('/')[0];
    if (namespace !== '*') namespaces.add(namespace);
  }
  return namespaces;
}
