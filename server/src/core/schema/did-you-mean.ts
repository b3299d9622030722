import { editDistance } from '../text/suggest';

/**
 * "Did you mean" for unknown keys: known typos first (some are far from the right key, like
 * `cron` → `cronExpression`), then a case/separator-insensitive match (`inputschema`,
 * `onUserMessage` → `on_user_message`), then the closest key by edit distance.
 */

export interface Suggestion {
  /** The key to write instead, when there is one in this object. */
  replacement?: string;
  /** Extra advice when no in-place replacement fits (e.g. "declare it under `spec.dependencies`"). */
  hint?: string;
}

/** Well-known mistakes: wrong key → right key (used when the right key exists in this object). */
const KNOWN_TYPOS: Record<string, string[]> = {
  cron: ['cronExpression'],
  schedule: ['cronExpression'],
  functionNamespace: ['functionName'],
  function: ['functionName'],
  pipPackages: ['dependencies'],
  requirements: ['dependencies'],
  packages: ['dependencies'],
  apps: ['manifests'],
  prompt: ['systemPrompt'],
  instructions: ['systemPrompt'],
  llmProvider: ['llmProviderName'],
  provider: ['llmProviderName'],
  method: ['httpMethod'],
  url: ['baseUrl'],
  source: ['sourceCode'],
  html: ['htmlContent'],
  text: ['textContent'],
  query: ['sql'],
  connection: ['connectionName'],
  database: ['connectionName'],
  table: ['tableName'],
  timeoutMs: ['timeoutSeconds', 'timeout'],
  timeoutSeconds: ['timeout', 'timeoutMs'],
  tools: ['systemTools'],
  ttl_seconds: ['ttlSeconds'],
};

/** Advice for keys with no in-place replacement. */
const KNOWN_HINTS: Record<string, string> = {
  pipPackages: 'declare Python packages under `spec.dependencies`',
  requirements: 'declare Python packages under `spec.dependencies`',
  variables: 'install-time variables go under `spec.variables`',
};

const normalise = (key: string): string => key.toLowerCase().replace(/[-_\s]/g, '');

/** The best candidate for an unknown key among the keys the object allows (plus sibling-level hints). */
export function suggestKey(unknown: string, candidates: readonly string[], siblingLevelKeys: readonly string[] = []): Suggestion {
  const known = KNOWN_TYPOS[unknown]?.find((key) => candidates.includes(key));
  if (known) return { replacement: known };

  const norm = normalise(unknown);
  const sameShape = candidates.find((key) => normalise(key) === norm);
  if (sameShape) return { replacement: sameShape };

  // `functions:` inside an agent means `enabledFunctions:`.
  const enabled = `enabled${unknown.charAt(0).toUpperCase()}${unknown.slice(1)}`;
  if (candidates.includes(enabled)) return { replacement: enabled };

  // Only a key within the limit is suggested: each distance stops there, so a long key (a line
  // pasted where a key goes) costs one length comparison per candidate, not its length times theirs.
  const limit = norm.length <= 4 ? 1 : norm.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const key of candidates) {
    const distance = editDistance(norm, normalise(key), bestDistance - 1);
    if (distance < bestDistance) {
      best = key;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return { replacement: best };

  if (siblingLevelKeys.includes(unknown)) return { hint: `\`${unknown}\` belongs under \`spec\`` };
  const hint = KNOWN_HINTS[unknown];
  return hint ? { hint } : {};
}
