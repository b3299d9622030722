import assert from 'node:assert/strict';
import { insecureUrlWarning, isInsecureUrl } from '../../../api/src';

describe('insecure URL detection', () => {
  it('plain http to a remote host is insecure', () => {
    for (const url of ['http://sinas.example.com', 'http://10.0.0.5:8000', 'http://host.docker.internal:8000', 'http://[2001:db8::1]/']) {
      assert.equal(isInsecureUrl(url), true, url);
    }
  });

  it('https, loopback and unparsable URLs are not', () => {
    for (const url of [
      'https://sinas.example.com',
      'http://localhost:8000',
      'http://api.localhost',
      'http://127.0.0.1:8000',
      'http://127.1.2.3',
      'http://[::1]:8000',
      'http://[::ffff:127.0.0.1]/',
      'not a url',
    ]) {
      assert.equal(isInsecureUrl(url), false, url);
    }
  });

  it('the warning names the host', () => {
    assert.equal(
      insecureUrlWarning('http://sinas.lan:8000/'),
      'sinas.lan:8000 is reached over plain http: the API key would travel unencrypted. Use https:// unless this network is trusted.',
    );
    assert.equal(insecureUrlWarning('https://sinas.lan'), undefined);
  });
});
