/**
 * The certificate authorities Steadyline trusts for wss:// and the queue webhook: Node's bundled
 * Mozilla roots, the operating system's store where this Node offers it
 * (`tls.getCACertificates('system')`, Node ≥ 22.15 and so Electron's main process; feature-detected),
 * and IT's own CAs from the policy (`TrustedCaCertificates`). NODE_EXTRA_CA_CERTS does not reach a
 * packaged app (the nodeOptions fuse is off), so the policy is IT's way in.
 */
import * as tls from 'node:tls';

export interface TrustStore {
  /** Every trusted CA certificate (PEM), for a `ca` option. */
  certificates(): string[];
  /** IT's CAs changed (policy); the next connection uses them. */
  setPolicyCertificates(pems: readonly string[]): void;
  /** For diagnostics: how many of each. */
  summary(): { bundled: number; system: number | 'not available'; policy: number };
}

type GetCaCertificates = (type: 'default' | 'system' | 'bundled' | 'extra') => string[];

/** The OS store, or null on a Node without `tls.getCACertificates('system')`. */
export function systemCertificates(): string[] | null {
  const get = (tls as { getCACertificates?: GetCaCertificates }).getCACertificates;
  if (typeof get !== 'function') return null;
  try {
    return get('system');
  } catch {
    return null;
  }
}

export function createTrustStore({
  system = systemCertificates,
}: { system?: () => string[] | null } = {}): TrustStore {
  const fromSystem = system();
  let policy: string[] = [];
  return {
    certificates: () => [...tls.rootCertificates, ...(fromSystem ?? []), ...policy],
    setPolicyCertificates(pems) {
      policy = [...pems];
    },
    summary: () => ({
      bundled: tls.rootCertificates.length,
      system: fromSystem ? fromSystem.length : 'not available',
      policy: policy.length,
    }),
  };
}
