import assert from 'node:assert/strict';
import { isLoopbackAddress, plainHttpWarning, type Lookup } from '../../../api/src';

/** A resolver that knows only the names given (anything else does not resolve). */
function resolver(table: Record<string, string[]>): Lookup {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address }));
  };
}

const PUBLIC = '203.0.113.7';

describe('plain http: loopback is an address, never a name', () => {
  it('loopback addresses', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:127.0.0.2']) {
      assert.equal(isLoopbackAddress(address), true, address);
    }
  });

  it('no name is an address, however loopback it looks', () => {
    for (const name of ['localhost', 'localhost.', 'api.localhost', '127.0.0.1.nip.io', 'localhost.evil.com', 'evillocalhost', '127.0.0.1.evil.com', '127.0.0.256', '128.0.0.1', '10.0.0.5', '::2', '::ffff:10.0.0.1', '']) {
      assert.equal(isLoopbackAddress(name), false, name);
    }
  });

  it('no warning for https, or for http to a name that resolves only to loopback addresses', async () => {
    const lookup = resolver({ localhost: ['127.0.0.1', '::1'], 'localhost.': ['127.0.0.1'], 'api.localhost': ['127.0.0.1'], '127.0.0.1.nip.io': ['127.0.0.1'] });
    for (const url of ['https://sinas.example.com', 'http://localhost:8000', 'http://localhost.:8000', 'http://api.localhost', 'http://127.0.0.1.nip.io', 'http://127.0.0.1:8000', 'http://[::1]:8000', 'http://[::ffff:127.0.0.1]/']) {
      assert.equal(await plainHttpWarning(url, lookup), undefined, url);
    }
  });

  it('a warning for http to a name that resolves elsewhere, even partly: look-alikes and *.localhost included', async () => {
    const lookup = resolver({
      'sinas.lan': ['10.0.0.5'],
      'localhost.evil.com': [PUBLIC],
      evillocalhost: [PUBLIC],
      '127.0.0.1.nip.io': [PUBLIC],
      'api.localhost': [PUBLIC],
      'localhost.': [PUBLIC],
      'split.example': ['127.0.0.1', PUBLIC],
      '10.0.0.5': ['10.0.0.5'],
      '2001:db8::1': ['2001:db8::1'],
    });
    for (const url of ['http://sinas.lan', 'http://localhost.evil.com', 'http://evillocalhost', 'http://127.0.0.1.nip.io', 'http://api.localhost', 'http://localhost.', 'http://split.example', 'http://10.0.0.5:8000', 'http://[2001:db8::1]/']) {
      assert.match((await plainHttpWarning(url, lookup)) ?? '', /is reached over plain http/, url);
    }
  });

  it('the warning names the host; a name that does not resolve is not known to be loopback', async () => {
    assert.equal(
      await plainHttpWarning('http://sinas.lan:8000/', resolver({ 'sinas.lan': ['10.1.1.1'] })),
      'sinas.lan:8000 is reached over plain http: the API key would travel unencrypted. Use https:// unless this network is trusted.',
    );
    assert.match((await plainHttpWarning('http://nowhere.invalid', resolver({}))) ?? '', /^nowhere\.invalid is reached over plain http/);
    assert.equal(await plainHttpWarning('not a url', resolver({})), undefined);
  });
});
