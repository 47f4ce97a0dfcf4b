/**
 * A `fetch` for the queue webhook that trusts the trust store's CAs (Node's global fetch takes no
 * `ca`), built on node:https. Only what the webhook uses: method, headers, a string body, a signal.
 * A certificate failure becomes a CertificateError saying exactly what is wrong.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { certificateProblemOf, CertificateError } from './certificate-problem';
import type { TrustStore } from './trust-store';

const MAX_BODY_BYTES = 64 * 1024;

export function createTrustedFetch(trust: TrustStore): typeof fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const request = send(
        url,
        { method: init.method ?? 'GET', headers, signal: init.signal ?? undefined, ca: trust.certificates() },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_BODY_BYTES) chunks.push(chunk);
          });
          response.on('end', () => {
            const status = response.statusCode ?? 502;
            const body = [101, 204, 205, 304].includes(status) ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status }));
          });
          response.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        const problem = certificateProblemOf(error.code);
        reject(problem ? new CertificateError(problem, error.code ?? '') : error);
      });
      request.end(typeof init.body === 'string' ? init.body : undefined);
    });
}
