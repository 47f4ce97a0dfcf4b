/**
 * The WebSocket sip.js opens (it uses the global `WebSocket` with `(url, 'sip')`): `ws` with the
 * trust store's certificate authorities, and the TLS error kept, because the browser-style API
 * sip.js sees only says "closed (1006)".
 */
import { WebSocket } from 'ws';

import { certificateProblemOf, CertificateError } from './certificate-problem';
import type { TrustStore } from './trust-store';

export interface TrustedWebSocketClass {
  new (url: string, protocols?: string | string[]): WebSocket;
  /** The certificate error of the last refused connection to this URL, if that was the reason. */
  lastCertificateError(url: string): CertificateError | null;
}

export function createTrustedWebSocket(trust: TrustStore): TrustedWebSocketClass {
  const failures = new Map<string, CertificateError>();
  return class TrustedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca: trust.certificates() });
      failures.delete(url);
      this.on('error', (error: NodeJS.ErrnoException) => {
        const problem = certificateProblemOf(error.code);
        if (problem) failures.set(url, new CertificateError(problem, error.code ?? ''));
      });
    }

    static lastCertificateError(url: string): CertificateError | null {
      return failures.get(url) ?? null;
    }
  };
}
