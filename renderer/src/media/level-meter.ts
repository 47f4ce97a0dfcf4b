/** The microphone level meter: how loud the agent's microphone is, 0 (silence) to 1 (full scale). */

/** Root mean square of time-domain samples around 128 (AnalyserNode.getByteTimeDomainData). */
export function levelOf(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
  // Speech sits far below full scale: ×3 makes a normal voice fill most of the meter.
  return Math.min(1, Math.sqrt(sum / samples.length) * 3);
}

export interface LevelMeter {
  level(): number;
  stop(): void;
}

/** A meter on a microphone stream (Web Audio AnalyserNode); stop() releases the microphone too. */
export function meterOn(stream: MediaStream, context = new AudioContext()): LevelMeter {
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  return {
    level() {
      analyser.getByteTimeDomainData(samples);
      return levelOf(samples);
    },
    stop() {
      for (const track of stream.getTracks()) track.stop();
      void context.close();
    },
  };
}
