/**
 * Why a TLS connection was refused, in the words the agent and IT need: the certificate is not
 * trusted (an internal CA the machine does not know), has expired, or names another server.
 * OpenSSL's and Node's error codes are mapped here once.
 */
export type CertificateProblem = 'untrusted' | 'expired' | 'wrong-host';

const BY_CODE: Readonly<Record<string, CertificateProblem>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  CERT_REVOKED: 'untrusted',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong-host',
  HOSTNAME_MISMATCH: 'wrong-host',
};

export function certificateProblemOf(code: unknown): CertificateProblem | null {
  return typeof code === 'string' ? (BY_CODE[code] ?? null) : null;
}

const SAY: Record<CertificateProblem, string> = {
  untrusted: "the server's certificate is not trusted — ask IT",
  expired: "the server's certificate has expired — ask IT",
  'wrong-host': "the server's certificate is for a different server name — ask IT",
};

/** A connection refused because of the server's certificate (the PBX or the queue webhook); the window words it by `problem`. */
export class CertificateError extends Error {
  constructor(
    readonly problem: CertificateProblem,
    readonly code: string,
  ) {
    super(`${SAY[problem]} (${code})`);
    this.name = 'CertificateError';
  }
}
