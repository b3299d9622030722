/**
 * The type a new declaration gets from how the variable is used. The field decides first
 * (`llmProviderName` takes an LLM provider, a boolean field a `boolean`, a field with a fixed set
 * of values an `enum` of them), then the name (a credential-like name is a `secret`), else `text`.
 * Only a use that is the field's whole value says anything about the field's type.
 */
import { expectedTypeAt } from '../../core/schema/schema-lookup';
import type { ExpressionUse } from '../../core/variables/variable-table';

export interface InferredType {
  type: 'text' | 'boolean' | 'enum' | 'secret' | 'resource_ref';
  resource?: string;
  choices?: readonly unknown[];
}

const SECRET_NAME = /(?:_KEY|_TOKEN|_SECRET)$|PASSWORD/i;

export function inferVariableType(name: string, use: ExpressionUse | undefined): InferredType {
  if (use?.whole && !use.onKey) {
    if (use.path[use.path.length - 1] === 'llmProviderName') return { type: 'resource_ref', resource: 'llm_providers' };
    const expected = expectedTypeAt(use.path);
    if (expected === 'boolean') return { type: 'boolean' };
    if (Array.isArray(expected) && expected.length > 1) return { type: 'enum', choices: expected };
  }
  return { type: SECRET_NAME.test(name) ? 'secret' : 'text' };
}
