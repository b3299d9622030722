import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareFindings } from '../../support/expectations';
import { validateText } from './utils/validate-document';

const DIR = join(__dirname, '../../fixtures/schema');

describe('schema fixtures (inline expectations)', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    it(file, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      assert.deepEqual(compareFindings(text, validateText(text)), []);
    });
  }
});
