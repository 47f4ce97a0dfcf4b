/**
 * Fuzzes the router bound to the real core (real SQLite file, real settings file): thousands of
 * random and mutated payloads per channel. Nothing may crash, and every payload the contract
 * rejects must come back as a typed invalid-request error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ErrorCode, requestChannels, type RequestChannel } from '../../../preload/contract';
import type { Core } from '../../../main/core/create-core';
import { createTestCore } from '../../support/test-core';

const RUNS_PER_CHANNEL = 1500;

const validExamples: Partial<Record<RequestChannel, unknown>> = {
  'settings:setTurnLogin': { url: 'turn:turn.example.org', username: 'agent', credential: 'secret' },
  // Consent stays "don't share" here, so no summaries request ever leaves for a collector.
  'summaries:setSharing': { consent: 'none', mode: 'ask', name: null },
  'summaries:enroll': { code: 'TEAM-CODE-1', collectorUrl: 'http://127.0.0.1:9' },
  'summaries:preview': { week: '2026-W48', checkInRequested: true },
  'summaries:share': { week: '2026-W48', checkInRequested: false, sha256: 'a'.repeat(64) },
  'summaries:skip': { week: '2026-W48' },
  'summaries:revoke': { week: '2026-W48' },
  'settings:saveAccount': {
    serverUrl: 'ws://127.0.0.1:9/ws',
    sipUser: '1001',
    domain: '127.0.0.1',
    authUser: '1001',
    password: 'fuzz-pass',
    displayName: 'Fuzz',
  },
  'settings:setLanguage': { language: 'he' },
  'app:dismissNotice': { id: 'journal-recovered' },
  'journal:listCalls': { limit: 10 },
  'recovery:setPreferences': { reducedMotion: true },
  'marks:add': { callId: 'no-such-call', kind: 'abusive', severity: 2, categories: ['shouting'] },
  'marks:undo': { markId: 1 },
  'warnings:play': { callId: 'no-such-call', kind: 'final' },
  'warnings:stop': { callId: 'no-such-call' },
  'reflections:save': { breakId: 1, mood: 3, difficulty: 3, felt: '', thought: '', helped: ['breathing'] },
  'journal:timeline': { filter: 'abusive', limit: 10 },
  'journal:export': { format: 'csv' },
  'journal:deleteEntry': { kind: 'reflection', id: 1 },
  'settings:setPhone': { microphoneId: 'mic-2', iceServers: ['stun:127.0.0.1:3478'], autoAnswer: true },
  'journal:saveCallQuality': {
    journalId: 1,
    quality: {
      packetLossPercent: 0,
      jitterMs: 1,
      roundTripMs: null,
      mos: 4.4,
      packetsReceived: 1,
      packetsSent: 1,
    },
  },
};

/** Replaces, deletes or adds one field of a valid example with arbitrary data. */
const mutatedPayload = (example: unknown) => {
  if (typeof example !== 'object' || example === null) return fc.anything();
  const keys = Object.keys(example);
  return fc
    .tuple(fc.constantFrom(...keys, '__proto__', 'constructor', 'extra'), fc.anything(), fc.boolean())
    .map(([key, value, remove]) => {
      const copy: Record<string, unknown> = Object.fromEntries(
        Object.entries(example).filter(([name]) => !remove || name !== key),
      );
      if (!remove)
        Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    });
};

let dataDir: string;
let core: Core;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'steadyline-fuzz-'));
  core = createTestCore(dataDir);
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('router fuzz', () => {
  for (const channel of Object.keys(requestChannels) as RequestChannel[]) {
    it(`answers every random or mutated payload on ${channel} with a Result, never a crash`, async () => {
      const schema = requestChannels[channel].request;
      const payloads = fc.oneof(fc.anything(), fc.jsonValue(), mutatedPayload(validExamples[channel]));
      await fc.assert(
        fc.asyncProperty(payloads, async (payload) => {
          const result = await core.router.handle(channel, payload);
          if (!schema.safeParse(payload).success) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe('invalid-request');
          } else if (!result.ok) {
            expect(ErrorCode.options).toContain(result.error.code);
          }
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
    });
  }

  it('rejects random channel names with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (channel, payload) => {
        fc.pre(typeof channel !== 'string' || !Object.hasOwn(requestChannels, channel));
        const result = await core.router.handle(channel, payload);
        expect(result).toEqual({
          ok: false,
          error: { code: 'unknown-channel', message: 'Unknown channel.' },
        });
      }),
      { numRuns: 2000 },
    );
  });
});
