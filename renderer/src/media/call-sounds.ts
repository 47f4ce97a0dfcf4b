/**
 * Sounds that follow the calls: the ringtone while an ordinary call rings (a waiting call shows
 * its card but does not ring over the call in progress), and auto-answer: a short beep, then the
 * call is answered, when the agent turned it on.
 */
import type { CallState } from '../../../preload/contract';

import type { Ringer } from './ringer';

export interface CallSoundsDeps {
  ringer: Pick<Ringer, 'start' | 'stop' | 'beep'>;
  autoAnswer(): boolean;
  answer(callId: string): Promise<unknown>;
}

/** Returns the listener for main's `phone:call` events. */
export function callSounds({ ringer, autoAnswer, answer }: CallSoundsDeps): (call: CallState) => void {
  const ringing = new Set<string>();
  const autoAnswered = new Set<string>();
  return (call) => {
    const rings = call.direction === 'inbound' && call.state === 'ringing' && !call.waiting;
    if (rings && autoAnswer() && !autoAnswered.has(call.id)) {
      autoAnswered.add(call.id);
      void ringer.beep().then(() => answer(call.id));
    }
    if (rings && !autoAnswered.has(call.id)) ringing.add(call.id);
    else ringing.delete(call.id);
    if (ringing.size > 0) ringer.start();
    else ringer.stop();
    if (call.state === 'ended') autoAnswered.delete(call.id);
  };
}
