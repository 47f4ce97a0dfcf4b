/**
 * The SIP trace IT can switch on (policy `SipTrace`): every SIP message sent and received, into
 * its own rotating file, with credentials removed first — the Authorization and
 * Proxy-Authorization header values, and any secret the app knows (the password) wherever it appears.
 */
import type { RotatingFile } from './rotating-file';

const CREDENTIAL_HEADERS = /^((?:Proxy-)?Authorization|Authentication-Info)[ \t]*:.*$/gim;

export function redactSipMessage(text: string, secrets: readonly string[]): string {
  let redacted = text.replace(CREDENTIAL_HEADERS, (_line, name: string) => `${name}: [redacted]`);
  for (const secret of secrets) {
    if (secret.length >= 4) redacted = redacted.split(secret).join('[redacted]');
  }
  return redacted;
}

export interface SipTrace {
  /** sip.js's transport log line ("Sending WebSocket message: …"); written only while enabled. */
  record(content: string): void;
}

export function createSipTrace({
  destination,
  enabled,
  secrets,
  now = Date.now,
}: {
  destination: Pick<RotatingFile, 'write'>;
  enabled: () => boolean;
  secrets: () => string[];
  now?: () => number;
}): SipTrace {
  return {
    record(content) {
      if (!enabled()) return;
      destination.write(`--- ${new Date(now()).toISOString()}\n${redactSipMessage(content, secrets())}\n`);
    },
  };
}
