// Writes the recorded warnings an agent can play to an abusive caller (issue 15) into assets/:
// warning-en.wav, warning-he.wav (the calm warning) and final-warning-en.wav,
// final-warning-he.wav (the closing message before the call is ended). The texts are ours; the
// voice is espeak-ng's (GPL-3.0-or-later), whose synthesised output is not a derivative work of
// the program, so the recordings carry no third-party licence (see assets/README.md).
//
// Each text is spoken by espeak-ng at a calm 150 words a minute, then trimmed to the speech,
// resampled to 16 kHz (windowed-sinc low-pass, no aliasing), peak-normalised to -3 dBFS and padded
// with 200 ms of silence at both ends: 16-bit mono PCM via scripts/wav.mjs.
//
// Hebrew: espeak-ng's Hebrew voice (sem/he) reads unpointed Hebrew as consonant clusters and
// spells out dagesh, shin and sin dots by name, so the Hebrew lines are given to that voice as
// their pronunciation in espeak-ng's own phoneme notation ([[...]]); the Hebrew text it speaks is
// kept beside it. Never an English voice reading Hebrew.
//
// Needs espeak-ng (Debian: apt-get install espeak-ng). Run: npm run generate:warnings
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { monoWav } from './wav.mjs';

const assets = resolve(import.meta.dirname, '../assets');
/** The version the committed files were made with; another may sound slightly different. */
const EXPECTED_VERSION = '1.51';
const RATE = 16000;
const WORDS_PER_MINUTE = '150';
const PEAK = 10 ** (-3 / 20);
const PAD_SECONDS = 0.2;

const RECORDINGS = [
  {
    file: 'warning-en.wav',
    voice: 'en',
    text: 'I want to help you, and I can do that when we speak respectfully. If the abusive language continues, this call will be ended.',
  },
  {
    file: 'final-warning-en.wav',
    voice: 'en',
    text: 'I am ending this call now because of the abusive language. Goodbye.',
  },
  {
    file: 'warning-he.wav',
    voice: 'he',
    // אנחנו רוצים לעזור, ונוכל לעשות זאת כשנדבר בכבוד. אם השפה הפוגענית תימשך, השיחה תסתיים.
    text: `[[?an'aXnu Q"ots'im la?az'oQ"]], [[venuX'al la?as'ot z'ot keSenedab'eQ" bexav'od]]. [[?'im hasaf'a hapogan'it timaS'eX]], [[hasiX'a tistaj'em]].`,
  },
  {
    file: 'final-warning-he.wav',
    voice: 'he',
    // השיחה מסתיימת עכשיו בגלל השפה הפוגענית. להתראות.
    text: `[[hasiX'a mistaj'emet ?aXS'av b'iglal hasaf'a hapogan'it]]. [[lehitQ"a'ot]].`,
  },
];

/** The samples (-1..1) and rate of a 16-bit mono PCM WAV, read chunk by chunk. */
function readMonoWav(bytes) {
  let rate = 0;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (bytes.readUInt16LE(offset + 10) !== 1 || bytes.readUInt16LE(offset + 22) !== 16) {
        throw new Error('espeak-ng did not write 16-bit mono PCM');
      }
      rate = bytes.readUInt32LE(offset + 12);
    }
    if (id === 'data') {
      const end = Math.min(bytes.length, offset + 8 + size);
      const samples = new Float64Array((end - offset - 8) >> 1);
      for (let i = 0; i < samples.length; i += 1) samples[i] = bytes.readInt16LE(offset + 8 + i * 2) / 32768;
      return { rate, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('espeak-ng wrote no audio');
}

/** Windowed-sinc (Blackman) resampling with the cut-off below the lower Nyquist frequency. */
function resample(samples, from, to) {
  const ratio = to / from;
  const cutoff = Math.min(1, ratio) * 0.95;
  const half = 32;
  const out = new Float64Array(Math.floor(samples.length * ratio));
  for (let n = 0; n < out.length; n += 1) {
    const centre = n / ratio;
    const first = Math.ceil(centre - half / cutoff);
    const last = Math.floor(centre + half / cutoff);
    let sum = 0;
    for (let k = Math.max(0, first); k <= Math.min(samples.length - 1, last); k += 1) {
      const x = (k - centre) * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = (k - centre) / (half / cutoff);
      const blackman = 0.42 + 0.5 * Math.cos(Math.PI * w) + 0.08 * Math.cos(2 * Math.PI * w);
      sum += samples[k] * sinc * blackman * cutoff;
    }
    out[n] = sum;
  }
  return out;
}

/** The speech without espeak-ng's own leading and trailing silence (below -50 dBFS). */
function trim(samples) {
  const threshold = 10 ** (-50 / 20);
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start]) < threshold) start += 1;
  while (end > start && Math.abs(samples[end - 1]) < threshold) end -= 1;
  return samples.subarray(start, end);
}

function speak(voice, text, dir) {
  const path = join(dir, 'speech.wav');
  execFileSync('espeak-ng', ['-v', voice, '-s', WORDS_PER_MINUTE, '-w', path, text]);
  return readMonoWav(readFileSync(path));
}

const version = /eSpeak NG text-to-speech: (\S+)/.exec(
  execFileSync('espeak-ng', ['--version']).toString(),
)?.[1];
if (version !== EXPECTED_VERSION) {
  process.stderr.write(
    `espeak-ng ${version ?? '(unknown)'} here; the committed files were made with ${EXPECTED_VERSION}.\n`,
  );
}
const dir = mkdtempSync(join(tmpdir(), 'steadyline-warnings-'));
try {
  for (const { file, voice, text } of RECORDINGS) {
    const speech = speak(voice, text, dir);
    const spoken = trim(resample(speech.samples, speech.rate, RATE));
    const peak = spoken.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    const pad = Math.round(PAD_SECONDS * RATE);
    const samples = new Float64Array(pad + spoken.length + pad);
    samples.set(
      spoken.map((sample) => (sample * PEAK) / peak),
      pad,
    );
    writeFileSync(resolve(assets, file), monoWav(RATE, samples));
    process.stdout.write(`${file}: ${(samples.length / RATE).toFixed(2)} s\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
