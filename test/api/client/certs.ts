/**
 * Certificates for the TLS tests, generated with `openssl` at test time in a temporary directory
 * (no private key is ever committed): a self-signed certificate, and a test CA with leaves that
 * are valid, expired, or issued for another host name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCerts {
  selfSigned: KeyPair;
  ca: string;
  valid: KeyPair;
  expired: KeyPair;
  wrongHost: KeyPair;
  dispose(): void;
}

const LOCAL_SAN = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

export function generateCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'sinas-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

  try {
    openssl('req', '-x509', ...ec, '-keyout', file('self.key'), '-out', file('self.pem'), '-subj', '/CN=localhost', '-addext', LOCAL_SAN, '-days', '2');
    openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-subj', '/CN=Sinas Test CA', '-days', '2');
    writeFileSync(file('index.txt'), '');
    writeFileSync(file('serial'), '01\n');
    writeFileSync(
      file('ca.cnf'),
      [
        '[ca]',
        'default_ca = test_ca',
        '[test_ca]',
        `dir = ${dir}`,
        `database = ${file('index.txt')}`,
        `new_certs_dir = ${dir}`,
        `serial = ${file('serial')}`,
        'default_md = sha256',
        'policy = any',
        'copy_extensions = copy',
        'unique_subject = no',
        '[any]',
        'commonName = supplied',
        '',
      ].join('\n'),
    );
    const leaf = (name: string, san: string, dates: string[]) => {
      openssl('req', '-new', ...ec, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', '/CN=sinas-test', '-addext', san);
      openssl('ca', '-batch', '-notext', '-config', file('ca.cnf'), '-cert', file('ca.pem'), '-keyfile', file('ca.key'), '-in', file(`${name}.csr`), '-out', file(`${name}.pem`), ...dates);
      return { key: readFileSync(file(`${name}.key`), 'utf8'), cert: readFileSync(file(`${name}.pem`), 'utf8') };
    };
    return {
      selfSigned: { key: readFileSync(file('self.key'), 'utf8'), cert: readFileSync(file('self.pem'), 'utf8') },
      ca: readFileSync(file('ca.pem'), 'utf8'),
      valid: leaf('valid', LOCAL_SAN, ['-days', '2']),
      expired: leaf('expired', LOCAL_SAN, ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']),
      wrongHost: leaf('wrong-host', 'subjectAltName=DNS:other.example', ['-days', '2']),
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
