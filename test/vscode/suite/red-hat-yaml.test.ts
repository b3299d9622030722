// Beside Red Hat YAML (redhat.vscode-yaml), which most YAML authors have: nothing may be reported,
// completed or explained twice. Runs only under `npm run test:vscode:redhat`, which installs a
// Red Hat YAML VSIX next to our extension (see test/harness/README.md); the harness refuses to
// run it without one, so this block is never silently skipped when asked for.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, formatDiagnostics, openFixture, waitForDiagnostics } from './helpers';

const RED_HAT = 'redhat.vscode-yaml';
const PACKAGES = ['red-hat/support.sinas.yaml', 'red-hat/plain-package.yaml'];

const isOurs = (d: vscode.Diagnostic) => d.source === 'sinas';
const overlaps = (a: vscode.Range, b: vscode.Range) => !!a.intersection(b) && !(a.isEmpty && b.isEmpty && !a.isEqual(b));

/** Opens a fixture and waits until Red Hat YAML has validated it (its syntax error is there) and, for packages, we have too. */
async function settled(name: string, ours: boolean): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const document = await openFixture(name);
  const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => !isOurs(d)) && (!ours || all.some((d) => isOurs(d) && codeOf(d) === 'ignored-field')));
  return { document, diagnostics };
}

function labelsOf(list: vscode.CompletionList): string[] {
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

function hoverTexts(hovers: vscode.Hover[]): string[] {
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n').trim()).filter(Boolean);
}

if (process.env.SINAS_REDHAT_YAML === '1') {
  describe('beside Red Hat YAML', () => {
    before(() => {
      // Not activated here: as for a user, opening a YAML file activates both extensions.
      assert.ok(vscode.extensions.getExtension(RED_HAT), `${RED_HAT} is not installed: run through npm run test:vscode:redhat`);
    });

    for (const name of PACKAGES) {
      it(`${name}: every problem is reported once (syntax by Red Hat YAML, the rest by Sinas)`, async () => {
        const { diagnostics } = await settled(name, true);
        assert.ok(!diagnostics.some((d) => isOurs(d) && codeOf(d) === 'yaml-syntax'), `Red Hat YAML reports syntax errors; ours is dropped: ${formatDiagnostics(diagnostics)}`);
        const theirs = diagnostics.filter((d) => !isOurs(d));
        for (const d of diagnostics.filter(isOurs)) {
          const twin = theirs.find((t) => overlaps(t.range, d.range));
          assert.equal(twin, undefined, `doubled: ${formatDiagnostics([d])} and Red Hat YAML's ${twin && formatDiagnostics([twin])}`);
        }
      });

      it(`${name}: completion offers each key once`, async () => {
        const { document } = await settled(name, true);
        const line = document.lineAt(document.getText().split('\n').findIndex((l) => l.includes('maxTokens')));
        const at = new vscode.Position(line.lineNumber, line.firstNonWhitespaceCharacterIndex);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
        const labels = labelsOf(list);
        assert.ok(labels.includes('systemPrompt'), `our key completion is there: ${labels.join(', ')}`);
        assert.deepEqual(duplicates(labels), []);
      });

      it(`${name}: hover explains a key once`, async () => {
        const { document } = await settled(name, true);
        const text = document.getText();
        const at = document.positionAt(text.indexOf('description: Sorts') + 2);
        const hovers = hoverTexts(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
        assert.equal(hovers.length, 1, `hovers: ${JSON.stringify(hovers)}`);
      });
    }

    it('other YAML stays Red Hat YAML\'s alone: no Sinas diagnostics, completion or hover', async () => {
      const { document, diagnostics } = await settled('red-hat/other.yaml', false);
      assert.deepEqual(diagnostics.filter(isOurs), []);
      const at = document.positionAt(document.getText().indexOf('runs-on'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
      assert.deepEqual(duplicates(labelsOf(list)), []);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      assert.ok(hoverTexts(hovers).length <= 1, JSON.stringify(hoverTexts(hovers)));
    });
  });
}
