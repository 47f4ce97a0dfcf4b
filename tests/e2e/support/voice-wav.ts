/**
 * Writes the customer's "microphone" for Chromium's fake capture (--use-file-for-fake-audio-capture):
 * a voice-like sound (a 180 Hz buzz with its harmonics, in syllables of 250 ms with 80 ms gaps),
 * loud (peaks near full scale, like shouting) or quiet (about −48 dBFS). 16-bit mono PCM, 48 kHz.
 */
import { writeFileSync } from 'node:fs';

import { monoWav } from '../../../scripts/wav.mjs';

const SAMPLE_RATE = 48_000;
const SECONDS = 2;

function voiceSamples(peak: number): Float64Array {
  const samples = new Float64Array(SAMPLE_RATE * SECONDS);
  for (let index = 0; index < samples.length; index += 1) {
    const t = index / SAMPLE_RATE;
    const inSyllable = t % 0.33 < 0.25 ? 1 : 0;
    let value = 0;
    for (let harmonic = 1; harmonic <= 12; harmonic += 1)
      value += Math.sin(2 * Math.PI * 180 * harmonic * t) / harmonic;
    samples[index] = (inSyllable * value * peak) / 1.9;
  }
  return samples;
}

/** Writes the recording to `file` and returns the path. */
export function writeVoiceWav(file: string, loudness: 'loud' | 'quiet'): string {
  writeFileSync(file, monoWav(SAMPLE_RATE, voiceSamples(loudness === 'loud' ? 0.95 : 0.004)));
  return file;
}
