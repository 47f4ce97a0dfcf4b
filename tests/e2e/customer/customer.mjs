/* global window */
// The customer in the end-to-end call tests: stock sip.js in the browser with its own WebRTC
// SessionDescriptionHandler (sip.js's web module), registered to the same loopback Kamailio as
// the agent. It is a real, independent softphone; the test drives it through window.customer.
import { Inviter, Registerer, SessionState, UserAgent } from '/sip.js/index.js';

const params = new URLSearchParams(window.location.search);
// rawAudio=1: the customer's microphone as captured, without echo cancelling, noise suppression
// or gain control, so a loud or quiet test recording reaches the agent as it is.
const audio = params.get('rawAudio')
  ? { autoGainControl: false, noiseSuppression: false, echoCancellation: false }
  : true;
const user = params.get('user');
const userAgent = new UserAgent({
  uri: UserAgent.makeURI(`sip:${user}@127.0.0.1`),
  displayName: params.get('name') ?? undefined,
  authorizationUsername: user,
  authorizationPassword: params.get('password'),
  transportOptions: { server: params.get('server') },
  sessionDescriptionHandlerFactoryOptions: {
    iceGatheringTimeout: 1000,
    peerConnectionConfiguration: { iceServers: [] },
  },
  logLevel: 'warn',
});

let session = null;
let answerNext = false;
const states = [];

const infos = [];
/** Final refusals of this customer's calls: status and Retry-After (null when absent). */
const rejections = [];
/** Where the agent transferred this customer (Refer-To of each REFER). */
const referredTo = [];

function follow(newSession) {
  session = newSession;
  session.stateChange.addListener((state) => states.push(state));
  // Keypad tones sent as SIP INFO (the fallback when they cannot go in the audio).
  session.delegate = {
    onInfo(info) {
      infos.push(info.request.body);
      void info.accept();
    },
    // Transferred by the agent (REFER): call the new party and report how it went (RFC 3515 NOTIFY).
    onRefer(referral) {
      const referring = session;
      referredTo.push(referral.referTo.toString());
      const report = (sipfrag) =>
        referring.dialog?.notify(undefined, {
          extraHeaders: ['Event: refer', 'Subscription-State: terminated;reason=noresource'],
          body: {
            contentDisposition: 'render',
            contentType: 'message/sipfrag;version=2.0',
            content: sipfrag,
          },
        });
      void referral.accept().then(() => {
        const inviter = referral.makeInviter({
          sessionDescriptionHandlerOptions: { constraints: { audio, video: false } },
        });
        follow(inviter);
        return inviter.invite({
          requestDelegate: {
            onAccept: () => report('SIP/2.0 200 OK'),
            onReject: ({ message }) => report(`SIP/2.0 ${message.statusCode} ${message.reasonPhrase}`),
          },
        });
      });
    },
  };
}

userAgent.delegate = {
  onInvite(invitation) {
    if (!answerNext) return void invitation.reject({ statusCode: 486 });
    answerNext = false;
    follow(invitation);
    void invitation.accept({
      sessionDescriptionHandlerOptions: { constraints: { audio, video: false } },
    });
  },
};

async function totals() {
  const connection = session?.sessionDescriptionHandler?.peerConnection;
  const result = { received: 0, sent: 0 };
  if (!connection) return result;
  const stats = await connection.getStats();
  stats.forEach((report) => {
    if (report.kind !== 'audio') return;
    if (report.type === 'inbound-rtp') result.received += report.packetsReceived ?? 0;
    if (report.type === 'outbound-rtp') result.sent += report.packetsSent ?? 0;
  });
  return result;
}

/**
 * What this customer hears, for the recorded-warning test: the received audio analysed every
 * 50 ms (timed by the page's audio clock), as its level and the level at a few frequencies
 * (dB; an FFT of 8192 points at 48 kHz resolves 6 Hz).
 */
const heard = [];
let listening = null;
const LISTEN_AT_HZ = [150, 180, 270, 330, 360, 450, 540, 950, 1000];

function listen() {
  const connection = session?.sessionDescriptionHandler?.peerConnection;
  const track = connection?.getReceivers().find((receiver) => receiver.track?.kind === 'audio')?.track;
  if (!track) throw new Error('this customer receives no audio yet');
  if (listening?.track === track) return heard.length;
  stopListening();
  const stream = new window.MediaStream([track]);
  // Chromium feeds a remote WebRTC stream to WebAudio only while a media element plays it.
  const element = new window.Audio();
  element.muted = true;
  element.srcObject = stream;
  void element.play();
  const context = new window.AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 8192;
  analyser.smoothingTimeConstant = 0;
  context.createMediaStreamSource(stream).connect(analyser);
  const bins = new Float32Array(analyser.frequencyBinCount);
  const wave = new Float32Array(analyser.fftSize);
  const binWidth = context.sampleRate / analyser.fftSize;
  const at = (hz) => {
    const bin = Math.round(hz / binWidth);
    return Math.max(-200, bins[bin - 1], bins[bin], bins[bin + 1]);
  };
  const timer = window.setInterval(() => {
    analyser.getFloatFrequencyData(bins);
    analyser.getFloatTimeDomainData(wave);
    let energy = 0;
    for (const value of wave) energy += value * value;
    const db = Object.fromEntries(LISTEN_AT_HZ.map((hz) => [hz, at(hz)]));
    heard.push({ at: context.currentTime, level: 10 * Math.log10(energy / wave.length + 1e-20), db });
  }, 50);
  listening = { track, context, element, timer };
  return heard.length;
}

function stopListening() {
  if (!listening) return;
  window.clearInterval(listening.timer);
  void listening.context.close();
  listening.element.srcObject = null;
  listening = null;
}

window.customer = {
  states,
  infos,
  rejections,
  referredTo,
  registered: false,
  state: () => session?.state ?? 'none',
  call(target) {
    follow(
      new Inviter(userAgent, UserAgent.makeURI(target), {
        sessionDescriptionHandlerOptions: { constraints: { audio, video: false } },
      }),
    );
    const onReject = ({ message }) =>
      rejections.push({ status: message.statusCode, retryAfter: message.getHeader('Retry-After') ?? null });
    return session.invite({ requestDelegate: { onReject } }).then(() => 'sent');
  },
  /** Puts the agent on hold (a=sendonly) or resumes; resolves once the agent accepted. */
  hold(held) {
    session.sessionDescriptionHandlerOptionsReInvite = { hold: held };
    return new Promise((resolve, reject) => {
      void session
        .invite({
          sessionDescriptionHandlerOptions: { hold: held },
          requestDelegate: {
            onAccept: () => resolve('accepted'),
            onReject: () => reject(new Error('refused')),
          },
        })
        .catch(reject);
    });
  },
  /** The next incoming call is answered at once (a customer picking up). */
  answerNextCall: () => (answerNext = true),
  hangup: () => (session.state === SessionState.Established ? session.bye() : session.cancel()),
  totals,
  /** Starts analysing what this customer receives; returns the index the new samples start at. */
  listen,
  stopListening,
  /** The samples from `from` on. */
  heard: (from = 0) => heard.slice(from),
};

await userAgent.start();
await new Registerer(userAgent).register({
  requestDelegate: { onAccept: () => (window.customer.registered = true) },
});
