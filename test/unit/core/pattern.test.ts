/**
 * The one reading of a variable `pattern` (server/src/core/variables/pattern.ts): Python 3.11 `re`
 * syntax, the value must contain a match (`re.search`), linear time. Checked against the real
 * Python on a curated list and on seeded random patterns: every pattern Python rejects is
 * `invalid` (with Python's message), no pattern Python accepts is, and every verdict given
 * agrees with `re.search`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readPattern, testPattern } from '../../../server/src/core/variables/pattern';
import { REDOS } from '../../support/redos';

const CURATED: [string, string[]][] = [
  ['^https?://', ['https://crm.example.com/api', 'ftp://x', 'xhttp://x', 'http://']],
  ['https?://', ['xhttp://x']],
  ['^[A-Z_][A-Z0-9_]*$', ['FOO_1', '1FOO', 'FOO\n']],
  ['^\\$[0-9]+(\\.[0-9]{2})?$', ['$10.00', '$1.0']],
  ['(?P<area>\\d{3})-(?P<rest>\\d{4})', ['555-1234', '555-12']],
  ['a{,3}', ['b']], ['^a{,3}$', ['aaaa', 'aa']], ['a{}', ['a{}']], ['a{1', ['a{1']], ['a{2,1}', []], ['a{4294967295}', []],
  ['*a', []], ['a**', []], ['a{1,2}{3}', []], ['^*', []], ['\\b*', []], ['a(?i)b', []], ['(?i)ABC', ['abc']], ['(?i:a)b', ['Ab', 'AB']],
  ['(?L)a', []], ['(?au)a', []], ['(?i-i:a)', []], ['(?-a:a)', []], ['(?x) a b # comment\n c', ['abc', 'a b c']], ['(?x:a b)c', ['abc']],
  ['[a-', []], ['[z-a]', []], ['[\\d-z]', []], ['[]a]', [']', 'b']], ['[^]a]', [']', 'b']], ['[a-]', ['-']], ['\\q', []], ['\\-', ['-']],
  ['\\x4', []], ['\\x41', ['A']], ['\\u00e9', ['é']], ['\\U0001F600', ['😀']], ['\\U00110000', []], ['\\0', ['\u0000']], ['\\400', []], ['\\8', []],
  ['(a)\\2', []], ['(a\\1)', []], ['(?<name>a)', []], ['(?P<>a)', []], ['(?P<1a>a)', []], ['(?P<a>a)(?P<a>b)', []], ['(?P=a)', []],
  ['(?#c)a', ['a']], ['(?#unterminated', []], ['(', []], [')', []], ['(?', []], ['\\', []], ['a\\', []], ['(?(2)b)(a)', []], ['(a)(?(1)b|c|d)', []],
  ['(?<=a|bc)d', []], ['(?<=(a))b', []], ['[\\b]', ['\b']], ['[\\A]', []], ['[\\777]', []], ['[a-\\d]', []],
  ['\\d', ['٣', 'a']], ['\\w', ['é', '_', '-']], ['\\s', ['\u2003', '\u000b', '\u001c', 'x']], ['(?a)\\w', ['é', 'a']], ['(?a)\\s', ['\u000b']],
  ['[\\W]', ['é', '-']], ['[\\Wa]', ['a', '-', 'b']], ['[^\\W]', ['a', '-']], ['[^\\D]', ['5', 'a']], ['[\\S]', [' ', 'a']],
  ['^abc$', ['abc', 'abc\n', 'abc\n\n']], ['(?m)^abc$', ['x\nabc\ny']], ['abc\\Z', ['abc\n', 'abc']], ['\\bfoo\\b', ['a foo b', 'afoob']],
  ['.', ['\n']], ['(?s).', ['\n']], ['^.$', ['😀']], ['[[:alpha:]]', ['a', ':']], ['(?i)k', ['\u212a']], ['(?ai)k', ['\u212a', 'K']], ['(?ai)[a-z]', ['\u212a', 'K']],
  ['^(a+)+$', ['aaaa', 'aaaa!']], ['(?:a{100}){100}', ['a']], ['\\Bk', ['']],
];

/** Seeded random patterns from Python's building blocks (short, so Python's backtracking stays fast). */
function randomCases(seed: number, count: number): [string, string[]][] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const atoms = ['a', 'b', 'A', 'é', '.', '\\d', '\\w', '\\s', '\\W', '\\S', '\\D', '[ab]', '[^a]', '[a-c]', '[\\w-]', '[\\Wb]', '[^\\d]', '^', '$',
    '\\b', '\\B', '\\A', '\\Z', '(', ')', '(?:', '(?P<n>', '|', '*', '+', '?', '{2}', '{1,2}', '{,2}', '*?', '\\1', '(?=a)', '(?i)', '(?i:',
    '(?m)', '(?s)', '(?a)', '(?x)', ' ', '#', '\\n', '\\x41', '\\0', '\\-', '{', '}', ']', '[', '\\', '(?#c)', '\u212a', 'k', 'K', '_', '-', '٣'];
  const chars = ['a', 'b', 'A', 'é', 'k', 'K', '\u212a', '1', '٣', ' ', '\n', '-', '_', '\u2003', 'c', '😀'];
  return Array.from({ length: count }, () => {
    const pattern = Array.from({ length: 1 + Math.floor(next() * 7) }, () => pick(atoms)).join('');
    const values = Array.from({ length: 5 }, () => Array.from({ length: Math.floor(next() * 6) }, () => pick(chars)).join(''));
    return [pattern, values];
  });
}

type PythonVerdict = { error: string } | { matches: boolean[] };

function python(cases: [string, string[]][]): PythonVerdict[] {
  const script = `
import json, re, sys
out = []
for pattern, values in json.load(sys.stdin):
    try:
        compiled = re.compile(pattern)
    except (re.error, OverflowError) as error:
        out.append({'error': str(error)})
        continue
    out.append({'matches': [bool(compiled.search(v)) for v in values]})
print(json.dumps(out))
`;
  try {
    return JSON.parse(execFileSync('python3', ['-W', 'ignore', '-c', script], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 << 20 }));
  } catch (error) {
    throw new Error(`this test compares with Python's re and needs python3 on PATH (.ci/run installs it): ${(error as Error).message}`);
  }
}

function disagreements(cases: [string, string[]][]): string[] {
  const expected = python(cases);
  const out: string[] = [];
  cases.forEach(([pattern, values], i) => {
    const py = expected[i];
    const reading = readPattern(pattern);
    if ('error' in py) {
      if (reading.kind !== 'invalid') out.push(`${JSON.stringify(pattern)}: Python rejects it (${py.error}), we say ${reading.kind}`);
      else if (reading.reason !== py.error) out.push(`${JSON.stringify(pattern)}: message ${JSON.stringify(reading.reason)}, Python ${JSON.stringify(py.error)}`);
      return;
    }
    if (reading.kind === 'invalid') return void out.push(`${JSON.stringify(pattern)}: Python accepts it, we say invalid (${reading.reason})`);
    values.forEach((value, j) => {
      const verdict = testPattern(pattern, value);
      if (verdict.kind !== 'match' && verdict.kind !== 'mismatch') return;
      if ((verdict.kind === 'match') !== py.matches[j]) out.push(`${JSON.stringify(pattern)} on ${JSON.stringify(value)}: Python ${py.matches[j]}, we ${verdict.kind}`);
    });
  });
  return out;
}

describe('variable pattern: the one reading', () => {
  it('agrees with Python 3 re (validity, messages, re.search) on curated patterns', () => {
    assert.deepEqual(disagreements(CURATED), []);
  });

  it('agrees with Python 3 re on 2,000 seeded random patterns', () => {
    const seed = 20260610;
    assert.deepEqual(disagreements(randomCases(seed, 2000)), [], `seed ${seed}`);
  });

  it('reads the shipped example: ^https?:// accepts its own example https://crm.example.com/api', () => {
    assert.deepEqual(testPattern('^https?://', 'https://crm.example.com/api'), { kind: 'match' });
    assert.deepEqual(testPattern('^https?://$', 'https://crm.example.com/api'), { kind: 'mismatch' });
  });

  it('says what it cannot check instead of guessing', () => {
    for (const [pattern, construct] of [
      ['(a)\\1', 'a backreference'], ['(?P<x>a)(?P=x)', 'a backreference'], ['^(?=\\d)', 'a lookahead'], ['(?<!a)b', 'a lookbehind'],
      ['(?>a+)b', 'an atomic group'], ['a++', 'a possessive repeat'], ['(a)?(?(1)b|c)', 'a conditional group'], ['\\N{EM DASH}', 'a named character'],
      ['a{1001}', 'a repeat count over 1000'],
    ]) {
      const reading = readPattern(pattern);
      assert.equal(reading.kind, 'uncheckable', pattern);
      assert.match(reading.kind === 'uncheckable' ? reading.reason : '', new RegExp(construct.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')), pattern);
      assert.equal(testPattern(pattern, 'anything').kind, 'unchecked');
    }
    assert.equal(readPattern('a'.repeat(10_001)).kind, 'uncheckable', 'very long patterns');
    assert.equal(testPattern('\\bé', 'é').kind, 'unchecked', 'Unicode word boundaries on non-ASCII text');
  });

  it('runs the classic catastrophic-backtracking families in linear time', () => {
    for (const [family, pattern, value] of REDOS) {
      const long = value.length < 1000 ? value.replace(/a+/, 'a'.repeat(100_000)) : value;
      const started = performance.now();
      assert.equal(testPattern(pattern, long).kind, 'mismatch', family);
      assert.ok(performance.now() - started < 5000, `${family}: linear, not exponential`);
    }
    assert.equal(testPattern('^(a+)\\1$', `${'a'.repeat(50_000)}!`).kind, 'unchecked', 'a backreference is never run');
  });
});
