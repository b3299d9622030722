/**
 * Scalar resolution and construction against PyYAML 6.0.3's `yaml.safe_load`: every row is a
 * plain (or tagged) scalar written as `v: <text>` and what PyYAML 6.0.3 returned for it, recorded
 * by running it (an error row means safe_load raised; the backend then rejects the file). The
 * rows cover each implicit resolver of resolver.py (bool, float, int, merge, null, timestamp,
 * value) on both sides of its pattern, and SafeConstructor's failures.
 */
import assert from 'node:assert/strict';
import { parseRegion } from '../../../server/src/core/parse/parse-region';
import { resolvePlain } from '../../../server/src/core/parse/pyyaml-scalars';

type Kind = 'str' | 'int' | 'float' | 'bool' | 'null' | 'timestamp' | 'bytes' | 'error';

const PYYAML_6_0_3: [text: string, kind: Kind, value: unknown][] = [
  ["09", "str", "09"],
  ["010", "int", 8],
  ["0o10", "str", "0o10"],
  ["0x1F", "int", 31],
  ["0b101", "int", 5],
  ["1_000", "int", 1000],
  ["+12", "int", 12],
  ["-0", "int", 0],
  ["1:20", "int", 80],
  ["1:20:30.5", "float", 4830.5],
  ["190:20:30", "int", 685230],
  [".inf", "float", "Infinity"],
  ["-.inf", "float", "-Infinity"],
  ["+.inf", "float", "Infinity"],
  [".NaN", "float", "NaN"],
  [".nan", "float", "NaN"],
  [".Inf", "float", "Infinity"],
  ["1e3", "str", "1e3"],
  ["1.0e3", "str", "1.0e3"],
  ["1.0e+3", "float", 1000.0],
  ["1.e+3", "float", 1000.0],
  [".5", "float", 0.5],
  ["-.5", "str", "-.5"],
  ["+.5", "str", "+.5"],
  ["1_0.5", "float", 10.5],
  ["685.230_15e+03", "float", 685230.15],
  ["685_230.15", "float", 685230.15],
  ["0.", "float", 0.0],
  ["~", "null", null],
  ["null", "null", null],
  ["Null", "null", null],
  ["NULL", "null", null],
  ["nUll", "str", "nUll"],
  ["", "null", null],
  ["y", "str", "y"],
  ["yes", "bool", true],
  ["Yes", "bool", true],
  ["YES", "bool", true],
  ["yEs", "str", "yEs"],
  ["on", "bool", true],
  ["ON", "bool", true],
  ["oN", "str", "oN"],
  ["n", "str", "n"],
  ["no", "bool", false],
  ["off", "bool", false],
  ["Off", "bool", false],
  ["true", "bool", true],
  ["True", "bool", true],
  ["tRue", "str", "tRue"],
  ["false", "bool", false],
  ["FALSE", "bool", false],
  ["2001-12-14", "timestamp", "2001-12-14T00:00:00.000Z"],
  ["2001-12-14t21:59:43.10-05:00", "timestamp", "2001-12-15T02:59:43.100Z"],
  ["2001-12-14 21:59:43.10 -5", "timestamp", "2001-12-15T02:59:43.100Z"],
  ["2001-12-14T21:59:43Z", "timestamp", "2001-12-14T21:59:43.000Z"],
  ["2002-1-4", "str", "2002-1-4"],
  ["0", "int", 0],
  ["00", "int", 0],
  ["-0b1", "int", -1],
  ["0b", "str", "0b"],
  ["0x", "str", "0x"],
  ["0_", "int", 0],
  ["_1", "str", "_1"],
  ["1__2", "int", 12],
  ["08", "str", "08"],
  ["0.1.2", "str", "0.1.2"],
  ["+1:20", "int", 80],
  ["-1:20", "int", -80],
  ["1:60", "str", "1:60"],
  ["0:0", "str", "0:0"],
  ["00:10", "str", "00:10"],
  ["12e03", "str", "12e03"],
  ["0x_1", "int", 1],
  ["07_7", "int", 63],
  ["0x1g", "str", "0x1g"],
  [".1_0", "float", 0.1],
  ["1.2e-3", "float", 0.0012],
  ["1:20.5", "float", 80.5],
  ["0777", "int", 511],
  ["-0777", "int", -511],
  ["0xFFFF_ffff", "int", 4294967295],
  ["1.", "float", 1.0],
  ["._5", "str", "._5"],
  [".", "str", "."],
  ["=", "error", "ConstructorError"],
  ["<<", "error", "ConstructorError"],
  ["2001-02-30", "error", "ValueError"],
  ["1900-02-29", "error", "ValueError"],
  ["2000-02-29", "timestamp", "2000-02-29T00:00:00.000Z"],
  ["0000-01-01", "error", "ValueError"],
  ["2001-01-01 25:00:00", "error", "ValueError"],
  ["2001-01-01 10:00:00 +99", "error", "ValueError"],
  ["0b_", "error", "ValueError"],
  ["0x_", "error", "ValueError"],
  ["123456789012345678", "int", "123456789012345678"],
  ["!!int 12", "int", 12],
  ["!!int \"12\"", "int", 12],
  ["!!int \" 12 \"", "int", 12],
  ["!!int 0o10", "int", 8],
  ["!!int abc", "error", "ValueError"],
  ["!!int \"\"", "error", "IndexError"],
  ["!!float 5", "float", 5.0],
  ["!!float inf", "float", "Infinity"],
  ["!!float x", "error", "ValueError"],
  ["!!bool YES", "bool", true],
  ["!!bool Y", "error", "KeyError"],
  ["!!null x", "null", null],
  ["!!str 5", "str", "5"],
  ["!!str yes", "str", "yes"],
  ["!!timestamp 2002-1-4", "timestamp", "2002-01-04T00:00:00.000Z"],
  ["!!timestamp x", "error", "AttributeError"],
  ["!!binary aGVsbG8=", "str", "hello"],
  ["!!binary \" aG Vs bG8 = \"", "str", "hello"],
  ["!!binary aGVsbG8=extra", "str", "hello"],
  ["!!binary aGVsb", "error", "ConstructorError"],
  ["!!binary aGVsbA", "error", "ConstructorError"],
  ["!!binary /w==", "bytes", [255]],
  ["!!binary \"\"", "str", ""],
  ["! 42", "int", 42],
  ["! \"42\"", "int", 42],
  ["! yes", "bool", true],
  ["! \"x\"", "str", "x"],
  ["!Ref foo", "error", "ConstructorError"],
  ["!!python/object:os.system x", "error", "ConstructorError"],
  ["!!merge x", "error", "ConstructorError"],
  ["!!value x", "error", "ConstructorError"],
  ["!!seq x", "error", "ConstructorError"],
  ["!!map x", "error", "ConstructorError"],
  ["!<tag:yaml.org,2002:str> 5", "str", "5"],
  ["!!set x", "error", "ConstructorError"],
];

function read(text: string): { value: unknown; error: boolean } {
  const parsed = parseRegion(`v: ${text}\n`);
  const root = parsed.root;
  const node = root?.kind === 'map' ? root.pairs[0]?.value : undefined;
  const value = node?.kind === 'scalar' ? node.value : undefined;
  return { value, error: parsed.findings.some((f) => f.severity === 'error') };
}

function expected(kind: Kind, value: unknown): unknown {
  if (kind === 'float' || kind === 'int') return typeof value === 'string' ? Number(value) : value;
  if (kind === 'bytes') return Uint8Array.from(value as number[]);
  return value;
}

describe('PyYAML scalars (table checked against PyYAML 6.0.3)', () => {
  for (const [text, kind, value] of PYYAML_6_0_3) {
    it(`v: ${text} → ${kind === 'error' ? `error (${String(value)})` : `${kind} ${JSON.stringify(value)}`}`, () => {
      const got = read(text);
      if (kind === 'error') {
        assert.equal(got.error, true, `PyYAML raises ${String(value)}; we read ${String(got.value)}`);
        return;
      }
      assert.equal(got.error, false);
      if (kind === 'timestamp') assert.equal((got.value as Date).toISOString(), value);
      else assert.deepEqual(got.value, expected(kind, value));
    });
  }

  it('picks resolvers by first character, as PyYAML does', () => {
    assert.equal(resolvePlain('yes'), 'bool');
    assert.equal(resolvePlain('nUll'), 'str');
    assert.equal(resolvePlain('-.5'), 'str');
    assert.equal(resolvePlain('1:20'), 'int');
    assert.equal(resolvePlain('2001-12-14'), 'timestamp');
    assert.equal(resolvePlain('<<'), 'merge');
    assert.equal(resolvePlain('='), 'value');
    assert.equal(resolvePlain(''), 'null');
  });
});
