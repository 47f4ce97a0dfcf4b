/** Requests inside a connected call: re-INVITEs (hold, resume, refresh) and keypad tones. */
import { SessionState, type Session } from 'sip.js';

import type { HoldOption } from './bridged-sdh';
import type { DtmfMethod } from './call-types';

const DTMF_DURATION_MS = 160;

/** An error carrying the other side's final status (481: the dialog is gone there). */
export class RefusedError extends Error {
  constructor(readonly statusCode: number) {
    super(`the other side refused: ${statusCode}`);
  }
}

/**
 * Sends a re-INVITE (a new offer; `hold` puts the other side on hold, undefined keeps the current
 * direction) and resolves once the other side accepts; rejects with RefusedError otherwise.
 */
export function reinvite(session: Session, hold?: boolean): Promise<void> {
  if (session.state !== SessionState.Established)
    return Promise.reject(new Error('the call is not connected'));
  const sessionDescriptionHandlerOptions: HoldOption = hold === undefined ? {} : { hold };
  return new Promise((resolve, reject) => {
    void session
      .invite({
        sessionDescriptionHandlerOptions,
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: ({ message }) => reject(new RefusedError(message.statusCode ?? 0)),
        },
      })
      .catch(reject);
  });
}

/**
 * Sends DTMF tones: RFC 4733 through the media engine, or SIP INFO (application/dtmf-relay)
 * when the method is 'info' or the media path cannot send them.
 */
export async function sendTones(session: Session, tones: string, method: DtmfMethod): Promise<void> {
  if (session.state !== SessionState.Established) throw new Error('the call is not connected');
  if (method === 'rfc4733' && session.sessionDescriptionHandler?.sendDtmf(tones)) return;
  for (const tone of tones) {
    const content = `Signal=${tone}\r\nDuration=${DTMF_DURATION_MS}\r\n`;
    const body = { contentDisposition: 'render', contentType: 'application/dtmf-relay', content };
    await session.info({ requestOptions: { body } });
  }
}
