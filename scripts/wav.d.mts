/** 16-bit mono PCM WAV from samples in -1..1 (see wav.mjs). */
export function monoWav(sampleRate: number, samples: ArrayLike<number>): Buffer;
