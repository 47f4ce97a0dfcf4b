// Writes assets/chime.wav, the soft chime at the end of a recovery break: Steadyline's own sound
// (synthesised here, no third-party audio, so no licence to track). A bell-like tone: a few
// partials of 523 Hz (C5) with slow exponential decays, a gentle 30 ms attack, 2.5 s, quiet
// (peak −12 dBFS). 16-bit mono PCM at 16 kHz. Run: node scripts/generate-chime.mjs
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { monoWav } from './wav.mjs';

const SAMPLE_RATE = 16_000;
const SECONDS = 2.5;
const PARTIALS = [
  { ratio: 1, level: 1, decay: 1.2 },
  { ratio: 2, level: 0.35, decay: 0.8 },
  { ratio: 3, level: 0.12, decay: 0.5 },
  { ratio: 4.2, level: 0.05, decay: 0.3 },
];
const FUNDAMENTAL = 523.25;
const PEAK = 0.25;

const samples = new Float64Array(Math.round(SAMPLE_RATE * SECONDS));
for (let index = 0; index < samples.length; index += 1) {
  const t = index / SAMPLE_RATE;
  const attack = Math.min(1, t / 0.03);
  let value = 0;
  for (const { ratio, level, decay } of PARTIALS)
    value += level * Math.exp(-t / decay) * Math.sin(2 * Math.PI * FUNDAMENTAL * ratio * t);
  samples[index] = attack * value;
}
const peak = samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);

const scaled = samples.map((value) => (value / peak) * PEAK);
writeFileSync(resolve(import.meta.dirname, '../assets/chime.wav'), monoWav(SAMPLE_RATE, scaled));
