// One WAV writer for Steadyline's generated sounds (assets/) and the test recordings
// (tests/e2e/support/voice-wav.ts): 16-bit mono PCM, samples given as numbers from -1 to 1.
import { Buffer } from 'node:buffer';

/**
 * @param {number} sampleRate
 * @param {ArrayLike<number>} samples
 * @returns {Buffer}
 */
export function monoWav(sampleRate, samples) {
  const data = Buffer.alloc(samples.length * 2);
  for (let index = 0; index < samples.length; index += 1) {
    const clipped = Math.max(-1, Math.min(1, samples[index] ?? 0));
    data.writeInt16LE(Math.round(clipped * 32767), index * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16); // size of the fmt chunk
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
