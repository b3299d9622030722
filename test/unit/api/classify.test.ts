/** The classifier on answers the sandbox does not produce (pydantic reports, 405, redirects, Retry-After dates). */
import assert from 'node:assert/strict';
import { classifyFailure, classifyResponse, parseRetryAfter, type CallContext } from '../../../api/src/classify';
import { splitValidationDetail } from '../../../api/src/validation-detail';

const ctx: CallContext = { method: 'POST', path: '/api/v1/packages/install', host: 'sinas.example', timeoutMs: 30_000, action: 'install packages', sensitive: [] };
const detail = (value: unknown) => JSON.stringify({ detail: value });

describe('classify: validation details', () => {
  it('expands pydantic\'s multi-line schema report into one item per field', () => {
    const text =
      'Package validation failed: root: Schema validation failed: 2 validation errors for SinasConfig\n' +
      'spec.functions.0.code\n' +
      "  Field required [type=missing, input_value={'name': 'f'}, input_type=dict]\n" +
      '    For further information visit https://errors.pydantic.dev/2.13/v/missing\n' +
      'package.version\n' +
      '  Input should be a valid string [type=string_type, input_value=1.0, input_type=float]\n' +
      '    For further information visit https://errors.pydantic.dev/2.13/v/string_type' +
      "; spec.agents[0].enabledFunctions: Referenced function 'x/y' not defined";
    assert.deepEqual(splitValidationDetail(text), [
      { path: 'spec.functions.0.code', message: 'Field required' },
      { path: 'package.version', message: 'Input should be a valid string' },
      { path: 'spec.agents[0].enabledFunctions', message: "Referenced function 'x/y' not defined" },
    ]);
  });

  it('keeps "; " inside a message that is not followed by a path', () => {
    const yaml = `root: Invalid YAML: expected <block end>; found '-'\n  in "<unicode string>", line 3, column 1`;
    assert.deepEqual(splitValidationDetail(`Package validation failed: ${yaml}`), [
      { path: 'root', message: `Invalid YAML: expected <block end>; found '-'\n  in "<unicode string>", line 3, column 1` },
    ]);
  });

  it('an unparseable remainder is kept as a path-less item', () => {
    assert.deepEqual(splitValidationDetail('Package validation failed: something odd'), [{ path: '', message: 'something odd' }]);
  });
});

describe('classify: responses', () => {
  it('405 is unsupported', () => {
    const error = classifyResponse(ctx, 405, {}, detail('Method Not Allowed'));
    assert.equal(error.kind, 'unsupported');
    assert.equal(error.message, 'sinas.example does not support POST /api/v1/packages/install (405); is it an older Sinas?');
  });

  it('a redirect (http → https) is a badResponse naming the target', () => {
    const error = classifyResponse({ ...ctx, method: 'GET', path: '/api/v1/packages' }, 308, { location: 'https://sinas.example/api/v1/packages' }, '');
    assert.equal(error.kind, 'badResponse');
    assert.equal(error.message, 'sinas.example redirected GET /api/v1/packages to https://sinas.example/api/v1/packages (HTTP 308); use the final URL in the connection settings.');
  });

  it('a fatal apply error (400 "Package apply failed") says the install was rolled back', () => {
    const error = classifyResponse(ctx, 400, {}, detail('Package apply failed: Fatal error: boom'));
    assert.equal(error.kind, 'badRequest');
    assert.equal(error.message, 'sinas.example could not install the package and rolled it back: Fatal error: boom.');
  });

  it('403 without a known permission quotes the detail', () => {
    const error = classifyResponse({ ...ctx, permission: undefined, action: undefined }, 403, {}, detail('Not authorized to do that'));
    assert.equal(error.message, 'sinas.example refused to do that with this API key (Not authorized to do that).');
  });

  it('Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1)), 10_000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
});

describe('classify: failures', () => {
  const failure = { ...ctx, hostname: 'sinas.example' };

  it('finds the code of a wrapped or aggregated error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = classifyFailure(failure, new AggregateError([refused]), undefined, 'headers');
    assert.equal(error.kind, 'unreachable');
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(classifyFailure(failure, new TypeError('fetch failed', { cause: refused }), undefined, 'headers').code, 'ECONNREFUSED');
  });

  it('undici\'s own timeouts map to the phase', () => {
    const body = classifyFailure(failure, Object.assign(new Error('x'), { code: 'UND_ERR_BODY_TIMEOUT' }), undefined, 'body');
    assert.equal(body.kind, 'timeout');
    assert.match(body.message, /to send the whole response/);
    const connect = classifyFailure(failure, Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' }), undefined, 'headers');
    assert.match(connect.message, /to accept the connection/);
  });

  it('the caller\'s cancellation outranks whatever undici threw', () => {
    const error = classifyFailure(failure, Object.assign(new Error('aborted'), { code: 'UND_ERR_ABORTED' }), 'cancelled', 'headers');
    assert.equal(error.kind, 'cancelled');
  });
});
