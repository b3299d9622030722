/**
 * YAML text the way the backend's `yaml.dump(data, sort_keys=False, default_flow_style=False,
 * allow_unicode=True)` writes it: block style, sequences not indented under their key, plain
 * scalars where PyYAML would use them, single quotes for strings that would otherwise read as
 * another type, and multi-line text quoted (double quotes when a line starts or ends with spaces,
 * as in indented code; single quotes otherwise). Close to PyYAML, not byte-identical.
 */
import { Document, Scalar, visit } from 'yaml';
import { resolvePlain } from '../../server/src/core/parse/pyyaml-scalars';

export function dumpYaml(value: unknown): string {
  const doc = new Document(value, { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      // Quoted where PyYAML would read the plain text as something else (`yes`, `1.0`, `=`).
      if (resolvePlain(node.value) !== 'str') node.type = Scalar.QUOTE_SINGLE;
      if (!node.value.includes('\n')) return;
      node.type = /\n | \n/.test(node.value) ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 80, singleQuote: true, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
}
