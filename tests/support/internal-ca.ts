/**
 * A throwaway internal certificate authority made with openssl for one test run (as an Active
 * Directory Certificate Services CA would issue them): a valid server certificate for 127.0.0.1,
 * an expired one, and one for another host name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface IssuedCertificate {
  keyFile: string;
  certificateFile: string;
  key: string;
  certificate: string;
}

export interface InternalCa {
  /** The CA's own certificate (PEM): what IT puts in TrustedCaCertificates. */
  certificate: string;
  valid: IssuedCertificate;
  expired: IssuedCertificate;
  wrongHost: IssuedCertificate;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });

export function makeInternalCa(): InternalCa {
  const dir = mkdtempSync(join(tmpdir(), 'steadyline-ca-'));
  const caKey = join(dir, 'ca.key');
  const caCert = join(dir, 'ca.pem');
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=Steadyline Test Internal CA',
    ].concat(['-keyout', caKey, '-out', caCert]),
  );
  const issue = (name: string, san: string, days: string): IssuedCertificate => {
    const keyFile = join(dir, `${name}.key`);
    const csr = join(dir, `${name}.csr`);
    const certificateFile = join(dir, `${name}.pem`);
    const ext = join(dir, `${name}.ext`);
    writeFileSync(ext, `subjectAltName=${san}\n`);
    openssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      keyFile,
      '-out',
      csr,
    ]);
    openssl(
      ['x509', '-req', '-in', csr, '-CA', caCert, '-CAkey', caKey, '-CAcreateserial', '-days', days].concat([
        '-extfile',
        ext,
        '-out',
        certificateFile,
      ]),
    );
    return {
      keyFile,
      certificateFile,
      key: readFileSync(keyFile, 'utf8'),
      certificate: readFileSync(certificateFile, 'utf8'),
    };
  };
  return {
    certificate: readFileSync(caCert, 'utf8'),
    valid: issue('pbx-valid', 'IP:127.0.0.1', '2'),
    // notAfter one day before notBefore (now): expired from the start.
    expired: issue('pbx-expired', 'IP:127.0.0.1', '-1'),
    wrongHost: issue('pbx-other', 'DNS:pbx.other.invalid', '2'),
  };
}
