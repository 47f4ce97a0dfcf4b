/**
 * A customer's phone built from stock sip.js (its own UserAgent, SDP only, no audio), registered
 * on the test bed over WebSocket. It calls the agent, takes hold re-INVITEs as any phone does,
 * and when the agent transfers it, records the REFER's Refer-To, accepts it (202) and reports
 * the outcome in a NOTIFY with a message/sipfrag body, as RFC 3515 asks.
 * Used where sipp cannot be the far end: sipp 3.6 silently drops an in-dialog REFER whose
 * Refer-To carries Replaces (seen on the wire with tcpdump, never in sipp's own trace).
 */
import { Registerer, RegistererState, UserAgent, type Session } from 'sip.js';

import { SdpOnlyMediaEngine } from '../../../../main/phone/sdp-only-media-engine';
import { BridgedSessionDescriptionHandler } from '../../../../main/phone/sip/bridged-sdh';

export interface SipJsCustomer {
  /** Calls `target` (a SIP URI); resolves once the call is connected. */
  call(target: string): Promise<void>;
  /** Resolves with the Refer-To of the first REFER the customer receives. */
  readonly referredTo: Promise<string>;
  /** Resolves when the customer's call has ended. */
  readonly callEnded: Promise<void>;
  stop(): Promise<void>;
}

export async function startSipJsCustomer(options: {
  wsUrl: string;
  user: string;
  password: string;
  transferOutcome: string;
}): Promise<SipJsCustomer> {
  const media = new SdpOnlyMediaEngine();
  let resolveReferredTo: (referTo: string) => void = () => undefined;
  const referredTo = new Promise<string>((resolve) => (resolveReferredTo = resolve));
  let resolveEnded: () => void = () => undefined;
  const callEnded = new Promise<void>((resolve) => (resolveEnded = resolve));
  const userAgent = new UserAgent({
    uri: UserAgent.makeURI(`sip:${options.user}@127.0.0.1`),
    authorizationUsername: options.user,
    authorizationPassword: options.password,
    transportOptions: { server: options.wsUrl },
    logLevel: 'error',
    logBuiltinEnabled: false,
    sessionDescriptionHandlerFactory: (session) => new BridgedSessionDescriptionHandler(media, session.id),
  });
  const registerer = new Registerer(userAgent);
  await userAgent.start();
  const registered = new Promise<void>((resolve) =>
    registerer.stateChange.addListener((state) => state === RegistererState.Registered && resolve()),
  );
  await registerer.register();
  await registered;

  const followTransfers = (session: Session) => {
    session.delegate = {
      onRefer: (referral) => {
        resolveReferredTo(referral.referTo.toString());
        void referral.accept().then(() =>
          session.dialog?.notify(undefined, {
            extraHeaders: ['Event: refer', 'Subscription-State: terminated;reason=noresource'],
            body: {
              contentDisposition: 'render',
              contentType: 'message/sipfrag;version=2.0',
              content: options.transferOutcome,
            },
          }),
        );
      },
    };
    session.stateChange.addListener((state) => state === 'Terminated' && resolveEnded());
  };

  return {
    referredTo,
    callEnded,
    async call(target) {
      const { Inviter } = await import('sip.js');
      const uri = UserAgent.makeURI(target);
      if (!uri) throw new Error(`not a SIP URI: ${target}`);
      const inviter = new Inviter(userAgent, uri);
      followTransfers(inviter);
      const connected = new Promise<void>((resolve, reject) =>
        inviter.stateChange.addListener((state) => {
          if (state === 'Established') resolve();
          if (state === 'Terminated') reject(new Error('the call ended before it connected'));
        }),
      );
      await inviter.invite();
      await connected;
    },
    async stop() {
      await Promise.race([userAgent.stop(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    },
  };
}
