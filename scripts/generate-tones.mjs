// Writes Steadyline's own sounds into assets/ (no third-party audio, so no licence to track):
// ringtone.wav, a North-American-style ring (440 + 480 Hz, 1 s on, 2 s off, looped by the app),
// and beep.wav, the short 1 kHz beep before an auto-answered call. 16-bit mono PCM.
// Run: node scripts/generate-tones.mjs
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { monoWav as wav } from './wav.mjs';

const assets = resolve(import.meta.dirname, '../assets');

/** A tone of the given frequencies with 10 ms fades (no clicks), then silence. */
function tone(sampleRate, frequencies, onSeconds, offSeconds, level) {
  const on = Math.round(onSeconds * sampleRate);
  const fade = Math.round(0.01 * sampleRate);
  const samples = new Array(on + Math.round(offSeconds * sampleRate)).fill(0);
  for (let i = 0; i < on; i += 1) {
    const envelope = Math.min(1, i / fade, (on - i) / fade);
    const sum = frequencies.reduce((total, hz) => total + Math.sin((2 * Math.PI * hz * i) / sampleRate), 0);
    samples[i] = (level * envelope * sum) / frequencies.length;
  }
  return samples;
}

writeFileSync(resolve(assets, 'ringtone.wav'), wav(8000, tone(8000, [440, 480], 1, 2, 0.5)));
writeFileSync(resolve(assets, 'beep.wav'), wav(16000, tone(16000, [1000], 0.25, 0.05, 0.4)));
