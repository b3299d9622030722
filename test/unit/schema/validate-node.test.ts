import assert from 'node:assert/strict';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import type { Finding } from '../../../server/src/core/diagnostics/finding';
import { toValue } from '../../../server/src/core/parse/to-value';
import { nodeAtPath } from '../../../server/src/core/parse/yaml-tree';
import { shellValue, validateItem, validateShell } from '../../../server/src/core/schema/validate-node';
import { parseRoot, validateText } from './utils/validate-document';


const HEAD = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage: {name: p}\n';
const severity = (f: Finding) => f.severity ?? CODES[f.code].severity;
const at = (text: string, f: Finding) => text.slice(f.span.start, f.span.end);

describe('validateShell / validateItem', () => {
  it('reports a document that is not a mapping on the root node', () => {
    const text = '- a\n- b\n';
    const findings = validateText(text);
    assert.deepEqual(findings.map((f) => f.code), ['invalid-type']);
    assert.match(findings[0].message, /must be a YAML mapping/);
  });

  it('reports an empty document at the start of the file', () => {
    const findings = validateShell(null, null);
    assert.deepEqual(findings.map((f) => [f.code, f.span]), [['invalid-type', { start: 0, end: 0 }]]);
  });

  it('accepts `spec: {}`', () => {
    assert.deepEqual(validateText(`${HEAD}spec: {}\n`), []);
  });

  it('gives did-you-mean replacements in data for quick fixes', () => {
    const text = `${HEAD}spec:\n  agents:\n    - name: a\n      sytemPrompt: hi\n`;
    const [finding] = validateText(text);
    assert.equal(finding.code, 'ignored-field');
    assert.equal(severity(finding), 'warning');
    assert.equal(at(text, finding), 'sytemPrompt');
    assert.deepEqual(finding.data, { replacement: 'systemPrompt' });
    assert.match(finding.message, /Unknown field `sytemPrompt` in Agent; Sinas ignores it\. Did you mean `systemPrompt`\?/);
  });

  it('rejects unknown keys under spec (ConfigSpec forbids them) and warns at the root (ignored)', () => {
    const text = `${HEAD}extra: 1\nspec:\n  agentz: []\n`;
    const findings = validateText(text);
    assert.deepEqual(findings.map((f) => [f.code, severity(f), at(text, f)]), [
      ['ignored-field', 'warning', 'extra'],
      ['unknown-key', 'error', 'agentz'],
    ]);
    assert.deepEqual(findings[1].data, { replacement: 'agents' });
  });

  it('uses the schema severity for runtime-only values and keeps pydantic rejections as errors', () => {
    const text = `${HEAD}spec:\n  connectors:\n    - name: c\n      baseUrl: u\n      auth: {type: apiKey}\n      timeoutSeconds: soon\n`;
    const findings = validateText(text);
    assert.deepEqual(findings.map((f) => [f.code, severity(f), at(text, f)]), [
      ['unsupported-auth-type', 'warning', 'apiKey'],
      ['invalid-type', 'error', 'soon'],
    ]);
    assert.deepEqual(findings[0].data, { replacement: 'api_key' });
  });

  it('reports a type problem once, not once per keyword', () => {
    const text = `${HEAD}spec:\n  connectors:\n    - name: c\n      baseUrl: u\n      auth: {type: 5}\n  collections:\n    - name: c\n      isPublic: 2.5\n`;
    const findings = validateText(text);
    assert.deepEqual(findings.map((f) => [f.code, at(text, f)]), [
      ['invalid-type', '5'],
      ['invalid-type', '2.5'],
    ]);
  });

  it('drops type and value checks on `${{ }}` scalars but keeps structure checks', () => {
    const text = `${HEAD}spec:\n  webhooks:\n    - path: p\n      httpMethod: \${{ vars.M }}\n      requiresAuth: "\${{ vars.AUTH }}"\n`;
    const findings = validateText(text);
    assert.deepEqual(findings.map((f) => [f.code, at(text, f)]), [['missing-required', 'path']]);
  });

  it('quotes the value as written when the source is given, and falls back to the value without it', () => {
    const text = `${HEAD}spec:\n  dependencies:\n    - packageName: x\n      version: 1.10\n`;
    const root = parseRoot(text);
    const item = nodeAtPath(root, ['spec', 'dependencies', 0])!;
    const value = toValue(item).value;
    assert.match(validateItem('dependencies', item, value, { source: text })[0].message, /reads `1\.10` as a number; quote it: "1\.10"/);
    assert.match(validateItem('dependencies', item, value)[0].message, /reads `1\.1` as a number/);
  });

  it('ignores sections it does not know (the shell reports them)', () => {
    const root = parseRoot('name: x\n');
    assert.deepEqual(validateItem('agentz', root!, { name: 'x' }), []);
  });

  it('reports an item that is not a mapping on the item', () => {
    const text = `${HEAD}spec:\n  functions:\n    - just-a-name\n`;
    const findings = validateText(text);
    assert.deepEqual(findings.map((f) => [f.code, at(text, f)]), [['invalid-type', 'just-a-name']]);
  });
});

describe('shellValue', () => {
  it('gives the shell the same findings as the full value, without converting items', () => {
    const text = `${HEAD}extra: 1\nspec:\n  agents:\n    - name: a\n      sytemPrompt: hi\n  functions: null\n  skills: {}\n`;
    const root = parseRoot(text);
    const full = validateShell(root, toValue(root).value, { source: text });
    const shallow = validateShell(root, undefined, { source: text });
    assert.deepEqual(shallow, full);
    assert.deepEqual(full.map((f) => f.code), ['ignored-field', 'invalid-type', 'invalid-type']);
    assert.deepEqual((shellValue(root) as { spec: { agents: unknown[] } }).spec.agents, []);
  });
});
