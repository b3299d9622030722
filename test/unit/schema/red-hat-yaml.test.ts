/**
 * The schema as Red Hat YAML (yaml-language-server, in-process) sees it: it must accept what
 * Sinas accepts (the corpus, every lax form), reject the classic mistakes, show our descriptions
 * on hover and offer our snippets in completion.
 */
import { CORPUS_FILES } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from 'yaml-language-server';

const ROOT = join(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/sinas-package.schema.json'), 'utf8')) as object;

function createService(): LanguageService {
  const service = getLanguageService({
    schemaRequestService: async () => JSON.stringify(schema),
    workspaceContext: { resolveRelativePath: (relativePath: string) => relativePath },
  });
  service.configure({ validate: true, completion: true, hover: true, schemas: [{ uri: 'file:///sinas-package.schema.json', fileMatch: ['*.yaml'], schema }] });
  return service;
}

let version = 0;
const doc = (text: string) => TextDocument.create(`file:///test/doc${++version}.yaml`, 'yaml', 1, text);
const HEAD = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: p\n';

describe('Red Hat YAML with our schema', function () {
  this.timeout(20000);
  const service = createService();

  // Read, not listed: a missing package fails its test instead of leaving nothing to check.
  for (const file of CORPUS_FILES) {
    it(`reports nothing on ${basename(file)}`, async () => {
      const diagnostics = await service.doValidation(doc(readFileSync(file, 'utf8')), false);
      assert.deepEqual(diagnostics.map((d) => d.message), []);
    });
  }

  it('accepts every lax form Sinas accepts', async () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/schema/coercion-valid.yaml'), 'utf8');
    assert.deepEqual((await service.doValidation(doc(text), false)).map((d) => d.message), []);
  });

  it('flags a numeric version, an unknown field and an unhonoured enum value', async () => {
    const text = `${HEAD}  version: 1.0\nspec:\n  agents:\n    - name: a\n      sytemPrompt: hi\n  connectors:\n    - name: c\n      baseUrl: u\n      auth: {type: apiKey}\n`;
    const lines = (await service.doValidation(doc(text), false)).map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [4, 8, 12]);
  });

  it('shows our description on hover, also for a $ref with sibling annotations', async () => {
    const text = `${HEAD}spec:\n  connectors:\n    - name: c\n      baseUrl: u\n      auth:\n        type: bearer\n`;
    const onAuth = await service.doHover(doc(text), { line: 8, character: 7 });
    assert.match(JSON.stringify(onAuth?.contents), /It cannot be null/);
    const onType = await service.doHover(doc(text), { line: 9, character: 9 });
    assert.match(JSON.stringify(onType?.contents), /Authentication scheme/);
  });

  it('offers the section item snippet in completion', async () => {
    const text = `${HEAD}spec:\n  agents:\n    - `;
    const items = await service.doComplete(doc(text), { line: 6, character: 6 }, false);
    assert.ok(items.items.some((item) => item.label === 'agent'), items.items.map((i) => i.label).join(', '));
  });
});
