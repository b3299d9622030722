/**
 * The bundles validate with code generated at build time (standalone-validators.ts) instead of
 * compiling the schema when the server starts. That code must answer exactly as the validators
 * compiled from source do — the same errors, pointing at the same schema objects — on every item
 * and shell of the rule fixtures and the real packages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { analyze } from '../../../server/src/core/analyze';
import { toValue } from '../../../server/src/core/parse/to-value';
import { compileValidators, type Validators } from '../../../server/src/core/schema/compile-validators';
import { definitionNameOf, laxKindOf } from '../../../server/src/core/schema/schema-lookup';
import type { JsonSchema } from '../../../server/src/core/schema/schema-types';
import { shellValue } from '../../../server/src/core/schema/validate-node';
import { standaloneValidatorsSource } from '../../../server/src/core/schema/standalone-validators';
import { CORPUS_FILES } from '../../support/corpus';
import { loadGenerated } from '../../support/load-generated';
import { yamlFiles } from '../../support/yaml-files';

/** What map-errors reads of an error, with the schema object named by identity-based lookups. */
function observable(validate: ValidateFunction, value: unknown): unknown {
  const ok = validate(value);
  return {
    ok,
    errors: (validate.errors ?? []).map((e: ErrorObject) => {
      const parent = e.parentSchema as JsonSchema | undefined;
      return [e.instancePath, e.keyword, e.params, e.propertyName, JSON.stringify(e.data), JSON.stringify(parent), parent && laxKindOf(parent), parent && definitionNameOf(parent)];
    }),
  };
}

describe('validators generated at build time', function () {
  this.timeout(60_000);
  const generated = loadGenerated<{ compileValidators(): Validators }>(standaloneValidatorsSource(), join(__dirname, '../../../server/src/core/schema/compile-validators.ts')).compileValidators();
  const compiled = compileValidators();

  it('answer as the compiled ones on every item and shell of the fixtures and real packages', () => {
    let items = 0;
    for (const file of [...yamlFiles(join(__dirname, '../../fixtures/rules')), ...CORPUS_FILES]) {
      const analysis = analyze(readFileSync(file, 'utf8'));
      const root = analysis.root;
      assert.deepEqual(observable(generated.shell(), shellValue(root)), observable(compiled.shell(), shellValue(root)), `${file}: shell`);
      for (const item of [...(analysis.model.sections.get('variables')?.items ?? []), ...analysis.model.resources]) {
        const validate = generated.section(item.section);
        const reference = compiled.section(item.section);
        assert.equal(!!validate, !!reference, item.section);
        if (!validate || !reference) continue;
        const value = toValue(item.node).value;
        assert.deepEqual(observable(validate, value), observable(reference, value), `${file}: ${item.section}[${item.index}]`);
        items++;
      }
    }
    assert.ok(items > 200, `${items} items checked`);
  });

  it('know the same sections', () => {
    for (const section of ['agents', 'functions', 'variables', 'webhooks', 'nope']) assert.equal(!!generated.section(section), !!compiled.section(section), section);
  });
});
