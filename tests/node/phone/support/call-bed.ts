/**
 * The set-up the call tests share: a Kamailio on loopback and Steadyline's phone registered on it
 * as `callagent`, sipp as the caller or callee, and helpers to await calls (never to sleep).
 * `useCallBed()` starts it in `beforeAll`, sets the phone available again after each test (and
 * prints Kamailio's log when one failed), and stops it in `afterAll`.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

import type { CallState } from '../../../../preload/contract';

import { createKamailio, TESTBED_PASSWORD, type Kamailio } from './kamailio';
import { startPhone, type PhoneUnderTest } from './phone-under-test';
import { freePort } from './ports';
import { callUser, runSipp } from './sipp';

export const USER = 'callagent';

export interface CallBed {
  kamailio: Kamailio;
  phone: PhoneUnderTest;
  /** sipp calls the agent through Kamailio. */
  callTo(scenarioFile: string, extra?: string[], timeoutMs?: number): ReturnType<typeof callUser>;
  /** A sipp callee on 127.0.0.2 (not the proxy's own address, so Kamailio relays to it). */
  callee(scenarioFile: string): Promise<{ run: ReturnType<typeof runSipp>; uri: string }>;
  /** Answers every call that rings, as an agent on a busy day would; returns the stop function. */
  answerEveryCall(): () => void;
  ended(id: string): Promise<CallState>;
  /** The first call that starts ringing from now on (ignoring calls already seen). */
  nextRinging(): Promise<CallState>;
  /** sipp's exit code is 0 (its output attached when it is not). */
  passed(run: { done: Promise<{ exitCode: number | null; output: string }> }): Promise<void>;
}

export function useCallBed(): CallBed {
  let kamailio: Kamailio | undefined;
  let phone: PhoneUnderTest | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the call bed starts in beforeAll');
    return value;
  };
  const bed: CallBed = {
    get kamailio() {
      return started(kamailio);
    },
    get phone() {
      return started(phone);
    },
    callTo: async (scenarioFile: string, extra: string[] = [], timeoutMs = 20_000) =>
      callUser(USER, bed.kamailio.udpPort, scenarioFile, extra, timeoutMs),
    callee: async (scenarioFile: string) => {
      const port = await freePort();
      return {
        run: runSipp([
          '-sf',
          scenarioFile,
          '-i',
          '127.0.0.2',
          '-p',
          String(port),
          '-m',
          '1',
          '-timeout',
          '15s',
        ]),
        uri: `sip:callee@127.0.0.2:${port}`,
      };
    },
    answerEveryCall: () => {
      const answered = new Set<string>();
      const timer = setInterval(() => {
        for (const call of bed.phone.calls) {
          if (call.state !== 'ringing' || answered.has(call.id)) continue;
          answered.add(call.id);
          if (bed.phone.calls.some((other) => other.id === call.id && other.state === 'ended')) continue;
          bed.phone.phone.answer(call.id);
        }
      }, 5);
      return () => clearInterval(timer);
    },
    ended: (id: string) => bed.phone.waitForCall((call) => call.id === id && call.state === 'ended'),
    nextRinging: () => {
      const seen = new Set(bed.phone.calls.map((call) => call.id));
      return bed.phone.waitForCall((call) => call.state === 'ringing' && !seen.has(call.id));
    },
    passed: async (run: { done: Promise<{ exitCode: number | null; output: string }> }) => {
      const result = await run.done;
      expect(result.exitCode, result.output.slice(-2000)).toBe(0);
    },
  };

  beforeAll(async () => {
    kamailio = await createKamailio();
    await kamailio.start();
    phone = startPhone({
      serverUrl: kamailio.wsUrl,
      sipUser: USER,
      domain: '127.0.0.1',
      authUser: '',
      password: TESTBED_PASSWORD,
      displayName: 'Agent',
    });
    await phone.waitFor('registered');
  });

  afterEach((context) => {
    bed.phone.phone.setAvailability('available');
    if (context.task.result?.state === 'fail')
      console.error(`kamailio log:\n${bed.kamailio.log().slice(-4000)}`);
  });

  afterAll(async () => {
    await phone?.phone.close();
    await kamailio?.stop();
  });

  return bed;
}
