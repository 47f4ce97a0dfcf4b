/**
 * Writes the customer's "microphone" for Chromium's fake capture (--use-file-for-fake-audio-capture):
 * a voice-like sound (a 180 Hz buzz with its harmonics, in syllables of 250 ms with 80 ms gaps),
 * loud (peaks near full scale, like shouting) or quiet (about −48 dBFS). 16-bit mono PCM, 48 kHz.
 */
import { writeFileSync } from 'node:fs';

const SAMPLE_RATE = 48_000;
const SECONDS = 2;

function voiceSamples(peak: number): Int16Array {
  const samples = new Int16Array(SAMPLE_RATE * SECONDS);
  for (let index = 0; index < samples.length; index += 1) {
    const t = index / SAMPLE_RATE;
    const inSyllable = t % 0.33 < 0.25 ? 1 : 0;
    let value = 0;
    for (let harmonic = 1; harmonic <= 12; harmonic += 1)
      value += Math.sin(2 * Math.PI * 180 * harmonic * t) / harmonic;
    samples[index] = Math.round((inSyllable * value * peak * 32767) / 1.9);
  }
  return samples;
}

function wav(samples: Int16Array): Buffer {
  const data = Buffer.from(samples.buffer);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Writes the recording to `file` and returns the path. */
export function writeVoiceWav(file: string, loudness: 'loud' | 'quiet'): string {
  writeFileSync(file, wav(voiceSamples(loudness === 'loud' ? 0.95 : 0.004)));
  return file;
}
