/**
 * The one place YAML text is written. Two styles of the same emitter:
 * - `dumpYaml(value)`: the way the backend's `yaml.dump(data, sort_keys=False,
 *   default_flow_style=False, allow_unicode=True)` writes a package (the sandbox's create): block
 *   style, sequences not indented under their key, multi-line text quoted (double quotes when a
 *   line starts or ends with spaces, as in indented code; single quotes otherwise). Close to
 *   PyYAML, not byte-identical.
 * - `withBlockScalars(text)`: that text made readable for a person: every multi-line string
 *   becomes a literal block (`|`), everything else is kept as written. The values PyYAML reads
 *   are unchanged (strings a literal block cannot carry exactly stay quoted).
 */
import { Document, parseDocument, Scalar, visit, type ToStringOptions } from 'yaml';
import { resolvePlain } from '../parse/pyyaml-scalars';
import { PYYAML_OPTIONS } from '../parse/pyyaml-schema';

const TO_STRING: ToStringOptions = { indentSeq: false, lineWidth: 80, singleQuote: true, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER };

/**
 * Characters `yaml` writes raw even inside double quotes, where PyYAML rejects them or reads them
 * as line breaks: dumpYaml escapes them, and withBlockScalars leaves a document holding one
 * anywhere as it is.
 */
const WRITTEN_RAW = /[\x7f-\x9f\u2028\u2029\ufeff]/;
const EACH_WRITTEN_RAW = new RegExp(WRITTEN_RAW.source, 'g');

export function dumpYaml(value: unknown): string {
  // `yaml`'s own 1.1 schema writes numbers and booleans; strings PyYAML would read as something
  // else (`yes`, `1.0`, `=`) are quoted by PyYAML's resolver table.
  const doc = new Document(value, { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      // Written double-quoted: escaped after writing (escapeWrittenRaw), which only double quotes read.
      if (WRITTEN_RAW.test(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
        return;
      }
      if (resolvePlain(node.value) !== 'str') node.type = Scalar.QUOTE_SINGLE;
      // `yaml` writes a tab in plain text, where PyYAML's scanner refuses it; yaml.dump escapes it.
      if (node.value.includes('\t')) node.type = Scalar.QUOTE_DOUBLE;
      if (!node.value.includes('\n')) return;
      node.type = /\n | \n/.test(node.value) ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    },
  });
  return escapeWrittenRaw(doc.toString(TO_STRING));
}

/** PyYAML's escape of each character `yaml` writes raw (WRITTEN_RAW), which dumpYaml puts only inside double quotes. */
function escapeWrittenRaw(text: string): string {
  if (!WRITTEN_RAW.test(text)) return text;
  return text.replace(EACH_WRITTEN_RAW, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x85) return '\\N';
    if (code === 0x2028) return '\\L';
    if (code === 0x2029) return '\\P';
    const hex = code.toString(16).toUpperCase();
    return code <= 0xff ? `\\x${hex}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/**
 * Characters a literal block cannot hold as they are: control characters other than tab and
 * newline, and what PyYAML (YAML 1.1) reads as a line break inside a block (CR, NEL, LS, PS).
 * A BOM is left quoted too.
 */
const NOT_LITERAL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]/;

/** Whether `value` can be written as a literal block and read back identically. */
export function fitsLiteralBlock(value: string): boolean {
  // A line of only spaces or tabs would be read as indentation (or break the detection of it).
  return value.includes('\n') && !NOT_LITERAL.test(value) && !/(?:^|\n)[\t ]+(?:\n|$)/.test(value);
}

/**
 * The same document with its multi-line strings as `|` blocks. Text that does not parse as one
 * clean YAML document, or that `yaml` could not write back faithfully, comes back unchanged.
 */
export function withBlockScalars(text: string): string {
  const doc = parseDocument(text, PYYAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return text;
  let changed = false;
  let faithful = true;
  visit(doc, {
    Scalar(key, node) {
      if (typeof node.value === 'string' && WRITTEN_RAW.test(node.value)) {
        faithful = false;
        return visit.BREAK;
      }
      // A block scalar cannot be an implicit key; tagged strings keep their explicit form.
      if (key === 'key' || node.tag || node.type === Scalar.BLOCK_LITERAL || typeof node.value !== 'string' || !fitsLiteralBlock(node.value)) return;
      node.type = Scalar.BLOCK_LITERAL;
      changed = true;
    },
  });
  return changed && faithful ? doc.toString(TO_STRING) : text;
}
