/**
 * The lax scalar definitions against pydantic 2's lax rules (pydantic-core `str_as_int`,
 * `str_as_float`, `str_as_bool`): what the server accepts must pass, what it rejects must fail.
 */
import assert from 'node:assert/strict';
import { createAjv } from '../../../server/src/core/schema/create-ajv';
import { SCHEMA, SCHEMA_ID } from '../../../server/src/core/schema/load-schema';

const ajv = createAjv();
ajv.addSchema(SCHEMA as object);
const check = (definition: string) => {
  const validate = ajv.getSchema(`${SCHEMA_ID}#/definitions/${definition}`);
  assert.ok(validate, definition);
  return (value: unknown) => validate(value) as boolean;
};

function table(definition: string, accepted: unknown[], rejected: unknown[]): void {
  describe(definition, () => {
    const validate = check(definition);
    for (const value of accepted) it(`accepts ${JSON.stringify(value)}`, () => assert.equal(validate(value), true));
    for (const value of rejected) it(`rejects ${JSON.stringify(value)}`, () => assert.equal(validate(value), false));
  });
}

describe('lax coercion (pydantic lax mode)', () => {
  table(
    'LaxInt',
    [0, 45, -3, 45.0, '45', ' 45 ', '+45', '-45', '007', '1_000', '45.0', '45.000', '-0', '0_0'],
    ['45s', '4.5', 4.5, '1e3', '0x10', '', ' ', '45.', '1__0', '_1', '1_', '+-1', '--1', null, true, [], {}, '1.0_0'],
  );
  table('LaxIntOrNull', [null, 5, '5'], ['five', false]);
  table(
    'LaxNumber',
    [0, 0.5, -2, '0.5', ' 0.5 ', '1e3', '1E-3', '.5', '5.', '+1.5', '-inf', 'Infinity', 'NaN', 'nan', '1_000.5'],
    ['warm', '', '1e', 'e3', '.', '0.5.1', null, true, false, [], {}],
  );
  table(
    'LaxBool',
    [true, false, 0, 1, 1.0, '0', '1', 'true', 'False', 'TRUE', 't', 'F', 'yes', 'No', 'Y', 'n', 'on', 'OFF', 'oFf'],
    [2, -1, 0.5, '2', 'maybe', ' yes', 'yes ', 'enabled', '', null, [], {}, '01', 'tr'],
  );
  table('LaxBoolOrNull', [null, true, 'no'], ['nope', 3]);
});
