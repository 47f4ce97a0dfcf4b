/**
 * What a recording's bytes are, judged by their contents and never by the file's name: WAV
 * (RIFF/WAVE, PCM or IEEE float, 8–48 kHz, one or two channels), Ogg Opus, or MP3 (ID3v2 or an
 * MPEG audio frame), and how long it plays. music-metadata reads the structure and the duration;
 * the WAV header's own limits are checked here because the library reports whatever it says
 * (0 channels, 200 kHz). Every `detail` is our own wording: never a library message or any byte of
 * the file, so a problem can be logged and shown to IT as it is.
 */
import { parseBuffer } from 'music-metadata';

export type RecordingFormat = 'wav' | 'ogg-opus' | 'mp3';

export type AudioCheck =
  | { ok: true; format: RecordingFormat; mime: string; durationMs: number }
  | { ok: false; reason: 'unknown-format' | 'unreadable-audio'; detail: string };

export const MIME: Readonly<Record<RecordingFormat, string>> = {
  wav: 'audio/wav',
  'ogg-opus': 'audio/ogg',
  mp3: 'audio/mpeg',
};

const ascii = (bytes: Buffer, start: number, length: number) =>
  bytes.toString('latin1', start, start + length);

/** The container by its first bytes, or null; `ogg-not-opus` for an Ogg file of another codec. */
export function sniff(bytes: Buffer): RecordingFormat | 'ogg-not-opus' | null {
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  if (bytes.length >= 27 && ascii(bytes, 0, 4) === 'OggS') {
    // The first page's payload (after the 27-byte header and its segment table) is OpusHead.
    const payload = 27 + (bytes[26] ?? 0);
    return ascii(bytes, payload, 8) === 'OpusHead' ? 'ogg-opus' : 'ogg-not-opus';
  }
  if (bytes.length >= 3 && ascii(bytes, 0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame: 11 sync bits, a version other than "reserved", layer III.
  if (bytes.length >= 4 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) {
    const version = ((bytes[1] ?? 0) >> 3) & 0b11;
    const layer = ((bytes[1] ?? 0) >> 1) & 0b11;
    if (version !== 0b01 && layer === 0b01) return 'mp3';
  }
  return null;
}

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;

/** How long a WAV plays (what its data chunk holds), or what is wrong with its header. */
function wavLength(bytes: Buffer): { seconds: number } | { problem: string } {
  let bytesPerSecond = 0;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = ascii(bytes, offset, 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (size < 16 || offset + 8 + 16 > bytes.length)
        return { problem: 'its WAV format header is incomplete' };
      const at = offset + 8;
      let tag = bytes.readUInt16LE(at);
      if (tag === EXTENSIBLE && size >= 40 && at + 26 <= bytes.length) tag = bytes.readUInt16LE(at + 24);
      const channels = bytes.readUInt16LE(at + 2);
      const rate = bytes.readUInt32LE(at + 4);
      const bits = bytes.readUInt16LE(at + 14);
      if (tag !== PCM && tag !== IEEE_FLOAT)
        return { problem: 'it is a compressed WAV; only PCM or float WAV is played' };
      if (channels < 1 || channels > 2)
        return { problem: `it says it has ${channels} channels (1 or 2 are played)` };
      if (rate < 8000 || rate > 48000)
        return { problem: `its sample rate is ${rate} Hz (8,000–48,000 Hz are played)` };
      const allowed = tag === PCM ? [8, 16, 24, 32] : [32, 64];
      if (!allowed.includes(bits)) return { problem: `it says it has ${bits} bits per sample` };
      bytesPerSecond = rate * channels * (bits / 8);
    } else if (id === 'data') {
      if (bytesPerSecond === 0) return { problem: 'its audio comes before its format header' };
      // A file cut short plays what it holds, not what its header promised.
      return { seconds: Math.min(size, bytes.length - offset - 8) / bytesPerSecond };
    }
    offset += 8 + size + (size % 2);
  }
  return { problem: bytesPerSecond ? 'it has no audio data' : 'its WAV format header is missing' };
}

/** The format and duration of a recording's bytes, or why they cannot be played. */
export async function checkAudio(bytes: Buffer): Promise<AudioCheck> {
  const format = sniff(bytes);
  if (format === null)
    return { ok: false, reason: 'unknown-format', detail: 'it is not a WAV, Ogg Opus or MP3 file' };
  if (format === 'ogg-not-opus')
    return { ok: false, reason: 'unknown-format', detail: 'it is an Ogg file but not Opus audio' };
  let seconds: number | undefined;
  if (format === 'wav') {
    const wav = wavLength(bytes);
    if ('problem' in wav) return { ok: false, reason: 'unreadable-audio', detail: wav.problem };
    seconds = wav.seconds;
  }
  let parsed: Awaited<ReturnType<typeof parseBuffer>>['format'];
  try {
    ({ format: parsed } = await parseBuffer(
      bytes,
      { mimeType: MIME[format], size: bytes.length },
      {
        duration: true,
        skipCovers: true,
      },
    ));
  } catch {
    return {
      ok: false,
      reason: 'unreadable-audio',
      detail: 'its audio could not be read (damaged or cut short)',
    };
  }
  const channels = parsed.numberOfChannels ?? 0;
  if (channels < 1 || channels > 2)
    return {
      ok: false,
      reason: 'unreadable-audio',
      detail: `it has ${channels} channels (1 or 2 are played)`,
    };
  const duration = seconds ?? parsed.duration;
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0)
    return {
      ok: false,
      reason: 'unreadable-audio',
      detail: 'its length could not be read (damaged or cut short)',
    };
  return { ok: true, format, mime: MIME[format], durationMs: Math.round(duration * 1000) };
}
