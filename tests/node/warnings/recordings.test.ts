/**
 * The warnings' recordings on real files: the four built-in recordings, IT's WAV, Ogg Opus and MP3
 * accepted with their lengths, and every hostile file refused with its reason and a clear message
 * while the built-in recording plays instead. Content decides the format, never the name.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  createWarningRecordings,
  type RecordingProblem,
  type WarningKind,
  type WarningRecordings,
} from '../../../main/warnings/recordings';
import { monoWav } from '../../../scripts/wav.mjs';

const ASSETS = resolve(import.meta.dirname, '../../../assets');
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/warnings');

let dir = '';
let policy: { warning: string | null; final: string | null };
let reads: string[];
let recordings: WarningRecordings;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'steadyline-recordings-'));
  policy = { warning: null, final: null };
  reads = [];
  recordings = createWarningRecordings({
    assetsDir: ASSETS,
    itFiles: () => policy,
    readFile: (path) => {
      reads.push(path);
      return readFile(path);
    },
  });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A tone of `seconds` as 16-bit mono PCM at `rate`. */
function toneWav(seconds: number, rate = 8000, hz = 440): Buffer {
  const samples = new Float64Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i += 1) samples[i] = 0.4 * Math.sin((2 * Math.PI * hz * i) / rate);
  return monoWav(rate, samples);
}

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Sets IT's path for `kind`, then expects the built-in recording and exactly this problem. */
async function expectRefused(kind: WarningKind, path: string, reason: RecordingProblem['reason']) {
  policy[kind] = path;
  const recording = await recordings.get(kind, 'en');
  expect(recording.source).toBe('built-in');
  expect(
    recording.bytes.equals(
      readFileSync(join(ASSETS, kind === 'final' ? 'final-warning-en.wav' : 'warning-en.wav')),
    ),
  ).toBe(true);
  const problems = await recordings.problems();
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  expect(problem).toMatchObject({ kind, path, reason });
  expect(problem?.message).toContain(path);
  expect(problem?.message).toContain(kind === 'final' ? 'FinalWarningRecording' : 'WarningRecording');
  expect(problem?.message).toContain('built-in recording instead');
  return problem?.message ?? '';
}

describe('built-in recordings', () => {
  it.each([
    ['warning', 'en'],
    ['warning', 'he'],
    ['final', 'en'],
    ['final', 'he'],
  ] as const)('%s in %s is a WAV of a sane length for its text', async (kind, language) => {
    const recording = await recordings.get(kind, language);
    const name = `${kind === 'final' ? 'final-warning' : 'warning'}-${language}.wav`;
    expect(recording).toMatchObject({ kind, source: 'built-in', format: 'wav', mime: 'audio/wav' });
    expect(recording.bytes.equals(readFileSync(join(ASSETS, name)))).toBe(true);
    expect(recording.durationMs).toBeGreaterThanOrEqual(3000);
    expect(recording.durationMs).toBeLessThanOrEqual(15_000);
    expect(recording.bytes.length).toBeLessThan(400 * 1024);
    expect(await recordings.problems()).toEqual([]);
  });

  it('reads a built-in file once, then keeps it', async () => {
    await recordings.get('warning', 'en');
    await recordings.get('warning', 'en');
    expect(reads.filter((path) => path.endsWith('warning-en.wav'))).toHaveLength(1);
  });
});

describe("IT's recordings that are good", () => {
  it('plays a WAV, an Ogg Opus and an MP3 (with or without an ID3 tag) with their lengths', async () => {
    policy.warning = file('it-warning.wav', toneWav(2.5, 16000));
    expect(await recordings.get('warning', 'he')).toMatchObject({
      kind: 'warning',
      source: 'it',
      format: 'wav',
      mime: 'audio/wav',
      durationMs: 2500,
    });

    policy.final = join(FIXTURES, 'tone-2s.opus');
    const opus = await recordings.get('final', 'en');
    expect(opus).toMatchObject({ kind: 'final', source: 'it', format: 'ogg-opus', mime: 'audio/ogg' });
    expect(opus.durationMs).toBeGreaterThanOrEqual(1950);
    expect(opus.durationMs).toBeLessThanOrEqual(2100);

    const mp3Bytes = readFileSync(join(FIXTURES, 'tone-2s.mp3'));
    policy.final = join(FIXTURES, 'tone-2s.mp3');
    const mp3 = await recordings.get('final', 'en');
    expect(mp3).toMatchObject({ source: 'it', format: 'mp3', mime: 'audio/mpeg' });
    expect(mp3.durationMs).toBeGreaterThanOrEqual(1950);
    expect(mp3.durationMs).toBeLessThanOrEqual(2150);

    // The same audio without its ID3v2 tag (10-byte header, syncsafe size) starts with a frame.
    const tagSize =
      ((mp3Bytes[6] ?? 0) << 21) |
      ((mp3Bytes[7] ?? 0) << 14) |
      ((mp3Bytes[8] ?? 0) << 7) |
      (mp3Bytes[9] ?? 0);
    policy.final = file('bare.mp3', mp3Bytes.subarray(10 + tagSize));
    expect(await recordings.get('final', 'en')).toMatchObject({ source: 'it', format: 'mp3' });

    expect(await recordings.problems()).toEqual([]);
  });

  it('judges by contents: WAV bytes named .mp3 play as WAV', async () => {
    policy.warning = file('really-a-wav.mp3', toneWav(2));
    expect(await recordings.get('warning', 'en')).toMatchObject({
      source: 'it',
      format: 'wav',
      mime: 'audio/wav',
      durationMs: 2000,
    });
  });

  it('follows a symlink to a good file', async () => {
    const target = file('target.wav', toneWav(1.5));
    policy.warning = join(dir, 'link.wav');
    symlinkSync(target, policy.warning);
    expect(await recordings.get('warning', 'en')).toMatchObject({ source: 'it', durationMs: 1500 });
  });

  it('reads an unchanged file once, and picks up a replaced one at the next warning', async () => {
    const path = file('replaced.wav', toneWav(3, 8000, 440));
    policy.warning = path;
    const first = await recordings.get('warning', 'en');
    await recordings.get('warning', 'en');
    expect(reads.filter((read) => read === path)).toHaveLength(1);

    // The same size, other contents, a newer modification time (as a copy over it gives).
    const replacement = toneWav(3, 8000, 660);
    writeFileSync(path, replacement);
    utimesSync(path, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const second = await recordings.get('warning', 'en');
    expect(second.bytes.equals(replacement)).toBe(true);
    expect(second.bytes.equals(first.bytes)).toBe(false);

    // A longer file in its place.
    writeFileSync(path, toneWav(6));
    expect((await recordings.get('warning', 'en')).durationMs).toBe(6000);
    expect(reads.filter((read) => read === path)).toHaveLength(3);
  });

  it('forgets a problem once IT fixes the file or removes the policy', async () => {
    const path = file('later.wav', '');
    await expectRefused('warning', path, 'empty');
    writeFileSync(path, toneWav(2));
    expect((await recordings.get('warning', 'en')).source).toBe('it');
    expect(await recordings.problems()).toEqual([]);

    await expectRefused('final', join(dir, 'nowhere.wav'), 'missing');
    policy.final = null;
    expect(await recordings.problems()).toEqual([]);
  });
});

describe("IT's recordings that are refused", () => {
  it('a path that does not exist', async () => {
    const message = await expectRefused('warning', join(dir, 'no-such.wav'), 'missing');
    expect(message).toContain('does not exist');
  });

  it('a folder, and a named pipe (never opened)', async () => {
    const folder = join(dir, 'folder.wav');
    mkdirSync(folder);
    expect(await expectRefused('final', folder, 'not-a-file')).toContain('is not a file');

    const fifo = join(dir, 'pipe.wav');
    execFileSync('mkfifo', [fifo]);
    await expectRefused('final', fifo, 'not-a-file');
    expect(reads).not.toContain(fifo);
  });

  it('an empty file', async () => {
    expect(await expectRefused('warning', file('empty.wav', ''), 'empty')).toContain('is empty');
  });

  it('a 9 MiB file, without reading it', async () => {
    const path = file('huge.wav', toneWav(2));
    truncateSync(path, 9 * 1024 * 1024);
    expect(await expectRefused('warning', path, 'too-large')).toContain('9.0 MiB');
    expect(reads).not.toContain(path);
  });

  it('a text file named .wav, without its contents in the message', async () => {
    const path = file('notes.wav', 'Call me back at 555-0100. CANARY-7f3a\n');
    const message = await expectRefused('warning', path, 'unknown-format');
    expect(message).toContain('not a WAV, Ogg Opus or MP3 file');
    expect(message).not.toContain('CANARY');
    expect(message).not.toContain('555-0100');
  });

  it('an Ogg file that is not Opus', async () => {
    const opus = Buffer.from(readFileSync(join(FIXTURES, 'tone-2s.opus')));
    opus.write('OpusHexx', 28, 'latin1');
    expect(await expectRefused('final', file('vorbis.ogg', opus), 'unknown-format')).toContain('not Opus');
  });

  it('a WAV cut off in its header', async () => {
    const message = await expectRefused(
      'warning',
      file('cut.wav', toneWav(2).subarray(0, 30)),
      'unreadable-audio',
    );
    expect(message).toContain('header is incomplete');
  });

  it('a WAV that claims 0 channels', async () => {
    const wav = toneWav(2);
    wav.writeUInt16LE(0, 22);
    expect(await expectRefused('warning', file('zero.wav', wav), 'unreadable-audio')).toContain('0 channels');
  });

  it('a WAV that claims 200 kHz', async () => {
    const wav = toneWav(2);
    wav.writeUInt32LE(200_000, 24);
    expect(await expectRefused('final', file('fast.wav', wav), 'unreadable-audio')).toContain('200000 Hz');
  });

  it('a compressed (non-PCM) WAV', async () => {
    const wav = toneWav(2);
    wav.writeUInt16LE(0x55, 20); // MP3 inside a WAV
    expect(await expectRefused('final', file('mp3-in-wav.wav', wav), 'unreadable-audio')).toContain(
      'only PCM or float',
    );
  });

  it('a recording of 0.2 s', async () => {
    const message = await expectRefused('warning', file('short.wav', toneWav(0.2)), 'too-short');
    expect(message).toContain('0.2 s');
  });

  it('a recording of 40 s', async () => {
    const message = await expectRefused('final', file('long.wav', toneWav(40)), 'too-long');
    expect(message).toContain('40.0 s');
  });

  it('reports both kinds at once, each with its own file', async () => {
    policy.warning = join(dir, 'a.wav');
    policy.final = file('b.wav', 'text');
    expect((await recordings.problems()).map(({ kind, reason }) => ({ kind, reason }))).toEqual([
      { kind: 'warning', reason: 'missing' },
      { kind: 'final', reason: 'unknown-format' },
    ]);
    expect(
      (await recordings.get('final', 'he')).bytes.equals(readFileSync(join(ASSETS, 'final-warning-he.wav'))),
    ).toBe(true);
  });
});
