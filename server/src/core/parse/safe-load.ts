/** The plain value of a YAML text as the Sinas backend's `yaml.safe_load` (PyYAML) builds it. */
import { yamlBreaks } from './line-breaks';
import { parseRegion } from './parse-region';
import { toValue } from './to-value';

/** The value, or undefined with the reason when PyYAML would refuse the text. */
export function safeLoad(text: string): { value: unknown; error?: string } {
  const parsed = parseRegion(yamlBreaks(text));
  const error = parsed.findings.find((f) => (f.severity ?? 'error') === 'error');
  if (error) return { value: undefined, error: error.message };
  return { value: toValue(parsed.root).value };
}
