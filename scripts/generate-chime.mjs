// Writes assets/chime.wav, the soft chime at the end of a recovery break: Steadyline's own sound
// (synthesised here, no third-party audio, so no licence to track). A bell-like tone: a few
// partials of 523 Hz (C5) with slow exponential decays, a gentle 30 ms attack, 2.5 s, quiet
// (peak −12 dBFS). 16-bit mono PCM at 16 kHz. Run: node scripts/generate-chime.mjs
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

const data = Buffer.alloc(samples.length * 2);
samples.forEach((value, index) => data.writeInt16LE(Math.round((value / peak) * PEAK * 32767), index * 2));
const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVEfmt ', 8);
header.writeUInt32LE(16, 16);
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(SAMPLE_RATE, 24);
header.writeUInt32LE(SAMPLE_RATE * 2, 28);
header.writeUInt16LE(2, 32);
header.writeUInt16LE(16, 34);
header.write('data', 36);
header.writeUInt32LE(data.length, 40);
writeFileSync(resolve(import.meta.dirname, '../assets/chime.wav'), Buffer.concat([header, data]));
