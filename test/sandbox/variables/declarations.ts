/** Install-time variable declarations (`spec.variables`, seed "Install-time Variables"). */

export const VARIABLE_TYPES = ['text', 'boolean', 'enum', 'resource_ref', 'secret'] as const;
export const RESOURCE_KINDS = ['llm_providers', 'database_connections', 'collections', 'secrets', 'roles'] as const;

export interface VariableDeclaration {
  name: string;
  type: string;
  required: boolean;
  default?: unknown;
  choices?: unknown[];
  pattern?: string;
  resource?: string;
  description?: string;
  example?: unknown;
}

/** The declarations as the preview response lists them: every key present, null when unset. */
export function describeDeclaration(d: VariableDeclaration): Record<string, unknown> {
  return {
    name: d.name,
    type: d.type,
    description: d.description ?? null,
    required: d.required,
    default: d.default ?? null,
    choices: d.choices ?? null,
    pattern: d.pattern ?? null,
    resource: d.resource ?? null,
    example: d.example ?? null,
  };
}
