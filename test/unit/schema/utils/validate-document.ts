/** Runs the shell validator and every item validator over a document, as the pipeline will. */
import type { Finding } from '../../../../server/src/core/diagnostics/finding';
import { DocumentParser } from '../../../../server/src/core/parse/parse-document';
import { toValue } from '../../../../server/src/core/parse/to-value';
import { findPair, resolve, type YNode } from '../../../../server/src/core/parse/yaml-tree';
import { validateItem, validateShell } from '../../../../server/src/core/schema/validate-node';

/** The document tree from the language core's own parser (chunked for big files, like the server). */
export function parseRoot(text: string): YNode | null {
  const parsed = new DocumentParser().parse(text);
  const syntax = parsed.findings.filter((f) => f.code === 'yaml-syntax');
  if (syntax.length) throw new Error(`fixture does not parse: ${syntax.map((f) => f.message).join('; ')}`);
  return parsed.root;
}

export function validateDocumentRoot(root: YNode | null, source?: string): Finding[] {
  const value = toValue(root).value;
  const findings = validateShell(root, value, { source });
  const spec = resolve(findPair(resolve(root), 'spec')?.value);
  if (spec?.kind !== 'map') return findings;
  const specValue = (value as Record<string, unknown>).spec as Record<string, unknown[]>;
  for (const pair of spec.pairs) {
    const section = pair.key?.kind === 'scalar' ? String(pair.key.value) : undefined;
    const items = resolve(pair.value);
    if (!section || items?.kind !== 'seq' || !Array.isArray(specValue[section])) continue;
    items.items.forEach((item, i) => findings.push(...validateItem(section, item, specValue[section][i], { source })));
  }
  return findings;
}

export function validateText(text: string): Finding[] {
  return validateDocumentRoot(parseRoot(text), text);
}
