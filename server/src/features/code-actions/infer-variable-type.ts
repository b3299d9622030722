/**
 * The type a new declaration gets from how the variable is used. The field decides first
 * (`llmProviderName` takes an LLM provider, a boolean field a `boolean`), then the name (a
 * credential-like name is a `secret`), else `text`.
 */
import type { ExpressionUse } from '../../core/variables/variable-table';

export interface InferredType {
  type: 'text' | 'boolean' | 'secret' | 'resource_ref';
  resource?: string;
}

const SECRET_NAME = /(?:_KEY|_TOKEN|_SECRET)$|PASSWORD/i;

/** `fieldType(path)` tells what the schema expects at a path ('boolean', 'string', …), when known. */
export function inferVariableType(name: string, use: ExpressionUse | undefined, fieldType?: (use: ExpressionUse) => string | undefined): InferredType {
  if (use?.whole && !use.onKey) {
    if (use.path[use.path.length - 1] === 'llmProviderName') return { type: 'resource_ref', resource: 'llm_providers' };
    if (fieldType?.(use) === 'boolean') return { type: 'boolean' };
  }
  return { type: SECRET_NAME.test(name) ? 'secret' : 'text' };
}
