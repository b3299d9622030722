/** Server text made safe to show, and what the masking treats as sensitive (pure parts, no HTTP). */
import assert from 'node:assert/strict';
import { echoForms, isLoopbackAddress, oneLine, REDACTED, redactBody, scrub, secretValues, serverText, stripControls } from '../../../api/src';

describe('server text', () => {
  it('line breaks are normalised (CRLF and a lone CR), tabs and line feeds kept, everything else of C0/C1 dropped', () => {
    assert.equal(stripControls('a\r\nb\rc\nd\te'), 'a\nb\nc\nd\te');
    assert.equal(stripControls('x\u0000\u0007\u0008\u000b\u000c\u000e\u001f\u007f\u0080\u0085y'), 'xy');
    // A C1 string introducer (here APC) hides everything up to its terminator, as on a terminal.
    assert.equal(stripControls('a\u009fhidden\u009cb'), 'ab');
    assert.equal(stripControls('\u001b[1;31mred\u001b[0m \u001b]0;title\u0007t \u001bc reset \u001b(B'), 'red t  reset ');
    assert.equal(stripControls('a\u202eb\u2066c\u2069d\u200fe\u061cf'), 'abcdef');
  });

  it('is cut after exactly `limit` characters, never inside a surrogate pair', () => {
    assert.equal(serverText('abcd', 4), 'abcd');
    assert.equal(serverText('abcde', 4), 'abcd… [1 more characters not shown]');
    assert.equal(serverText('abc😀e', 4), 'abc… [3 more characters not shown]');
    assert.equal(serverText(`${'x'.repeat(2000)}y`), `${'x'.repeat(2000)}… [1 more characters not shown]`);
  });

  it('oneLine joins lines and tabs with single spaces', () => {
    assert.equal(oneLine('a \n  b\tc\r\nd'), 'a b c d');
  });
});

describe('masking: what is sensitive, and the longest form first', () => {
  it('secret values by declaration; all values without declarations; empty, null and *** are not values', () => {
    const variables = { A: 'text-value', S: 'secret-value', E: '', N: null, K: REDACTED, U: 'undeclared' };
    assert.deepEqual(secretValues(variables, [{ name: 'A', type: 'text' }, { name: 'S', type: 'secret' }, { name: 'E', type: 'secret' }, { name: 'N', type: 'secret' }, { name: 'K', type: 'secret' }]), ['secret-value', 'undeclared']);
    assert.deepEqual(secretValues({ A: 'x', B: 42 }), ['x', '42']);
    assert.deepEqual(secretValues(undefined), []);
  });

  it('a body that is not an object is logged as it is; only source/config text and variables are reduced', () => {
    assert.equal(redactBody('text'), 'text');
    assert.deepEqual(redactBody([1, 2]), [1, 2]);
    assert.equal(redactBody(null), null);
    assert.deepEqual(redactBody({ source: 5, name: 'n', variables: 'v' }), { source: 5, name: 'n', variables: 'v' });
  });

  it('a secret inside a longer one: the whole longer echo is masked, not a piece of it', () => {
    assert.equal(scrub('key abcd1234 and abcd', ['abcd', 'abcd1234']), `key ${REDACTED} and ${REDACTED}`);
    assert.ok(echoForms('a b/c').includes('a+b%2Fc'));
  });
});

describe('loopback addresses, exactly', () => {
  it('anchored both ends; brackets only around IPv6', () => {
    for (const address of ['[::1]', '::ffff:7f00:1', '::ffff:127.0.0.1', '127.0.0.1']) assert.equal(isLoopbackAddress(address), true, address);
    for (const address of ['x::ffff:7f00:1', '::ffff:7f00:1:2', '::ffff:7f00:12345', 'a127.0.0.1', '127.0.0.1a', '[::1', '::1]x', '1::ffff:127.0.0.1']) assert.equal(isLoopbackAddress(address), false, address);
  });
});
