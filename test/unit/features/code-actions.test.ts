/**
 * Quick-fix goldens: each test/fixtures/quickfix/<case>.yaml names, on its first line, the code of
 * the diagnostic to fix and the title of the fix (`# fix: <code> "<title>"`); applying that fix
 * must give <case>.fixed.yaml exactly, and make that diagnostic go away.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { getCodeActions } from '../../../server/src/features/code-actions';
import { toDiagnostics } from '../../../server/src/lsp/convert';
import { applyWorkspaceEdit } from '../../support/cursor';

const DIR = join(__dirname, '../../fixtures/quickfix');
const URI = 'file:///quickfix/package.yaml';
const HEADER = /^# fix: ([\w-]+) "(.+)"$/m;

function diagnosticsOf(text: string) {
  const analysis = analyze(text);
  return { analysis, diagnostics: toDiagnostics(analysis.findings, analysis.lines, URI) };
}

describe('quick fixes (goldens)', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.yaml') && !f.endsWith('.fixed.yaml'))) {
    it(name.replace(/\.yaml$/, ''), () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const expected = readFileSync(join(DIR, name.replace(/\.yaml$/, '.fixed.yaml')), 'utf8');
      const [, code, title] = HEADER.exec(text) ?? [];
      assert.ok(code, `${name} needs a '# fix: <code> "<title>"' header`);
      const { analysis, diagnostics } = diagnosticsOf(text);
      const target = diagnostics.find((d) => d.code === code);
      assert.ok(target, `no ${code} diagnostic in ${name}`);
      const actions = getCodeActions(analysis, URI, [target]);
      const action = actions.find((a) => a.title === title);
      assert.ok(action?.edit, `no fix titled ${title}; got ${JSON.stringify(actions.map((a) => a.title))}`);
      const fixed = applyWorkspaceEdit(text, action.edit, URI);
      assert.equal(fixed, expected);
      const before = diagnostics.filter((d) => d.code === code).length;
      assert.equal(diagnosticsOf(fixed).diagnostics.filter((d) => d.code === code).length, before - 1, 'the fixed diagnostic is gone');
    });
  }
});

describe('quick fixes (dispatch)', () => {
  const text = readFileSync(join(DIR, 'change-to-declared-name.yaml'), 'utf8');

  it('offers both "Change to" (preferred) and "Declare" for a near-miss name', () => {
    const { analysis, diagnostics } = diagnosticsOf(text);
    const undeclared = diagnostics.filter((d) => d.code === 'undeclared-variable');
    const actions = getCodeActions(analysis, URI, undeclared);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred, a.kind]),
      [
        ['Declare variable `APP_ULR`', false, 'quickfix'],
        ['Change to `APP_URL`', true, 'quickfix'],
      ],
    );
    assert.deepEqual(actions[0].diagnostics, undeclared);
  });

  it('picks fixes by code and data, not by message, and ignores other sources', () => {
    const { analysis, diagnostics } = diagnosticsOf(text);
    const undeclared = diagnostics.find((d) => d.code === 'undeclared-variable')!;
    const reworded = { ...undeclared, message: 'something else entirely' };
    assert.equal(getCodeActions(analysis, URI, [reworded]).length, 2);
    assert.deepEqual(getCodeActions(analysis, URI, [{ ...undeclared, source: 'yaml' }]), []);
    assert.deepEqual(getCodeActions(analysis, URI, [{ ...undeclared, code: 'unknown-code', data: undefined }]), []);
  });

  it('applies a `data.replacement` of any other code to the diagnostic range', () => {
    const { analysis } = diagnosticsOf(text);
    const line = text.split('\n').findIndex((l) => l.includes('baseUrl'));
    const diagnostic = {
      range: { start: { line, character: 6 }, end: { line, character: 13 } },
      message: 'Unknown field',
      source: 'sinas',
      code: 'ignored-field',
      data: { replacement: 'url' },
    };
    const [action] = getCodeActions(analysis, URI, [diagnostic]);
    assert.equal(action.title, 'Change to `url`');
    assert.match(applyWorkspaceEdit(text, action.edit!, URI), /\n {6}url: "\$\{\{ vars\.APP_ULR \}\}\/v1"/);
  });

  it('re-finds the variable in the live text and drops a stale diagnostic', () => {
    const { diagnostics } = diagnosticsOf(text);
    const edited = diagnosticsOf(text.replace('APP_ULR', 'APP_URL'));
    assert.deepEqual(getCodeActions(edited.analysis, URI, diagnostics), []);
  });
});
