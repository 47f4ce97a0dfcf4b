/**
 * Transfers with REFER (RFC 3515): to an address (blind) or to another connected call (attended:
 * REFER with Replaces, RFC 3891), decided by the other side's NOTIFY with a message/sipfrag body.
 */
import { SessionState, UserAgent } from 'sip.js';

import type { Clock } from '../../kernel/clock';

import type { CallRecord, TransferTarget } from './call-types';

/** How long a transfer may wait for the other side's final NOTIFY (RFC 3515) before giving up. */
export const TRANSFER_CONFIRM_MS = 32_000;

export interface TransferDeps {
  clock: Clock;
  /** Finds another call of ours (the consultation call of an attended transfer). */
  require(id: string): CallRecord;
  /** Hangs up our leg of a call that was handed over and journals it as transferred. */
  handedOver(record: CallRecord): void;
}

/**
 * Resolves when the other side reports success (a NOTIFY with a 2xx sipfrag); this call, and the
 * other call of an attended transfer, are then handed over. Rejects, leaving the calls as they
 * were, when the REFER is refused or the transfer fails or is not confirmed in time.
 */
export async function transferCall(
  record: CallRecord,
  target: TransferTarget,
  deps: TransferDeps,
): Promise<void> {
  const other = 'callId' in target ? deps.require(target.callId) : null;
  if (record.session.state !== SessionState.Established || record.transfer)
    throw new Error('the call is not connected');
  if (other && (other === record || other.session.state !== SessionState.Established))
    throw new Error('the other call is not connected');
  const referTo = other ? other.session : UserAgent.makeURI('uri' in target ? target.uri : '');
  if (!referTo) throw new Error('not a SIP address');
  await Promise.all([record.confirmed, other?.confirmed]);
  return new Promise((resolve, reject) => {
    const timer = deps.clock.setTimeout(
      () => settle(new Error('the transfer was not confirmed')),
      TRANSFER_CONFIRM_MS,
    );
    const settle = (error?: Error) => {
      if (!record.transfer) return;
      deps.clock.clearTimeout(timer);
      record.transfer = null;
      if (error) return reject(error);
      for (const handedOver of [record, other]) if (handedOver) deps.handedOver(handedOver);
      resolve();
    };
    record.transfer = { accepted: false, settle };
    record.session
      .refer(referTo, {
        requestDelegate: {
          onAccept: () => record.transfer && (record.transfer.accepted = true),
          onReject: ({ message }) =>
            settle(
              new Error(
                `the other side refused the transfer (${message.statusCode} ${message.reasonPhrase})`,
              ),
            ),
        },
        onNotify: (notification) => {
          notification.accept();
          const status = sipfragStatus(notification.request.body);
          if (status === null || status < 200) return;
          settle(status < 300 ? undefined : new Error(`the transfer failed (${status})`));
        },
      })
      .catch((error: unknown) => settle(error instanceof Error ? error : new Error(String(error))));
  });
}

/** The status code in a REFER's NOTIFY body (message/sipfrag, for example "SIP/2.0 200 OK"). */
export function sipfragStatus(body: string): number | null {
  const match = /^SIP\/2\.0 (\d{3})/.exec(body.trim());
  return match ? Number(match[1]) : null;
}
