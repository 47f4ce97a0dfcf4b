/**
 * The recordings the warnings play (issue 15): IT's own file when its policy names one and the
 * file is good, else the built-in one in the agent's language (assets/warning-<en|he>.wav,
 * assets/final-warning-<en|he>.wav). A bad IT file never stops a warning: it falls back to the
 * built-in recording and is remembered as a problem, with a message in plain English for IT and
 * the log (the caller logs it; nothing is logged here).
 *
 * A file is checked before it is read: a regular file (symlinks followed), 1 byte to 8 MiB. Its
 * contents decide the format (audio-check.ts), and it must play for 1 to 30 s. A checked file is
 * kept by path, size and modification time, so a warning does not read the disk again, and a
 * replaced file is picked up at the next use.
 */
import { readFile as fsReadFile, stat as fsStat } from 'node:fs/promises';
import { join } from 'node:path';

import { MAX_RECORDING_BYTES, type Language, type WarningKind } from '../../preload/contract';

import { checkAudio, type RecordingFormat } from './audio-check';

export type { WarningKind };
/** The built-in recordings exist in each of the app's languages. */
export type RecordingLanguage = Language;

export interface WarningRecording {
  kind: WarningKind;
  source: 'built-in' | 'it';
  format: RecordingFormat;
  /** 'audio/wav' | 'audio/ogg' | 'audio/mpeg' */
  mime: string;
  durationMs: number;
  bytes: Buffer;
}

export interface RecordingProblem {
  kind: WarningKind;
  path: string;
  reason:
    | 'missing'
    | 'not-a-file'
    | 'too-large'
    | 'empty'
    | 'unknown-format'
    | 'unreadable-audio'
    | 'too-short'
    | 'too-long';
  /** Plain English for IT and the log, naming the file and what to do; never the file's contents. */
  message: string;
}

/** What `stat` tells about a path (fs.Stats has all of it). */
export interface FileFacts {
  isFile(): boolean;
  size: number;
  mtimeMs: number;
}

export interface WarningRecordingsDeps {
  /** Where the built-in WAVs are (assets/ in development, resources/assets when packaged). */
  assetsDir: string;
  /** IT's policy paths (WarningRecording, FinalWarningRecording), read at each use. */
  itFiles: () => { warning: string | null; final: string | null };
  /** Default: fs/promises readFile. */
  readFile?: (path: string) => Promise<Buffer>;
  /** Default: fs/promises stat (follows symlinks). */
  stat?: (path: string) => Promise<FileFacts>;
}

export interface WarningRecordings {
  /** IT's file when set and valid, else the built-in one in `language`. Never throws for a bad IT file (falls back and remembers the problem). */
  get(kind: WarningKind, language: RecordingLanguage): Promise<WarningRecording>;
  /** Problems with IT's files as of the last check (empty when fine); checks both policy paths now. */
  problems(): Promise<RecordingProblem[]>;
}

/** The contract's limit: the window is never sent a larger recording. */
export const MAX_BYTES = MAX_RECORDING_BYTES;
export const MIN_DURATION_MS = 1000;
export const MAX_DURATION_MS = 30_000;

const BUILT_IN: Readonly<Record<WarningKind, string>> = { warning: 'warning', final: 'final-warning' };
const POLICY_KEY: Readonly<Record<WarningKind, string>> = {
  warning: 'WarningRecording',
  final: 'FinalWarningRecording',
};
const KINDS: readonly WarningKind[] = ['warning', 'final'];

type Checked = { ok: true; recording: WarningRecording } | { ok: false; problem: RecordingProblem };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mebibytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** Builds the module; `deps` are injected so tests pass real files or named doubles. */
export function createWarningRecordings(deps: WarningRecordingsDeps): WarningRecordings {
  const readFile = deps.readFile ?? fsReadFile;
  const stat = deps.stat ?? fsStat;
  /** Keyed by source and path; good for as long as the file's size and modification time stay the same. */
  const cache = new Map<string, { size: number; mtimeMs: number; checked: Checked }>();
  const last = new Map<WarningKind, RecordingProblem>();

  const problem = (
    kind: WarningKind,
    path: string,
    source: WarningRecording['source'],
    reason: RecordingProblem['reason'],
    what: string,
  ): Checked => {
    const name = kind === 'final' ? 'final warning' : 'warning';
    const message =
      source === 'it'
        ? `The ${name} recording "${path}" set by IT's ${POLICY_KEY[kind]} policy ${what}. ` +
          'Steadyline plays its built-in recording instead; put a WAV, Ogg Opus or MP3 file of 1 to 30 ' +
          'seconds (at most 8 MiB) at that path, or change the policy.'
        : `Steadyline's built-in ${name} recording "${path}" ${what}; reinstall Steadyline.`;
    return { ok: false, problem: { kind, path, reason, message } };
  };

  async function check(
    kind: WarningKind,
    path: string,
    source: WarningRecording['source'],
  ): Promise<Checked> {
    let facts: FileFacts;
    try {
      facts = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      return code === 'ENOENT' || code === 'ENOTDIR'
        ? problem(kind, path, source, 'missing', 'does not exist')
        : problem(kind, path, source, 'missing', `could not be opened (${code ?? 'unknown error'})`);
    }
    if (!facts.isFile())
      return problem(kind, path, source, 'not-a-file', 'is not a file (a folder or a device)');
    if (facts.size === 0) return problem(kind, path, source, 'empty', 'is empty');
    if (facts.size > MAX_BYTES)
      return problem(
        kind,
        path,
        source,
        'too-large',
        `is ${mebibytes(facts.size)}, more than the 8 MiB allowed`,
      );
    const key = `${source}:${path}`;
    const cached = cache.get(key);
    if (cached && cached.size === facts.size && cached.mtimeMs === facts.mtimeMs) return cached.checked;
    const checked = await readAndCheck(kind, path, source);
    cache.set(key, { size: facts.size, mtimeMs: facts.mtimeMs, checked });
    return checked;
  }

  async function readAndCheck(
    kind: WarningKind,
    path: string,
    source: WarningRecording['source'],
  ): Promise<Checked> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      return problem(
        kind,
        path,
        source,
        'unreadable-audio',
        `could not be read (${code ?? 'unknown error'})`,
      );
    }
    // The file may have changed between stat and read.
    if (bytes.length === 0) return problem(kind, path, source, 'empty', 'is empty');
    if (bytes.length > MAX_BYTES)
      return problem(
        kind,
        path,
        source,
        'too-large',
        `is ${mebibytes(bytes.length)}, more than the 8 MiB allowed`,
      );
    const audio = await checkAudio(bytes);
    if (!audio.ok) return problem(kind, path, source, audio.reason, `cannot be played: ${audio.detail}`);
    if (audio.durationMs < MIN_DURATION_MS)
      return problem(
        kind,
        path,
        source,
        'too-short',
        `plays for ${seconds(audio.durationMs)}, less than 1 second`,
      );
    if (audio.durationMs > MAX_DURATION_MS)
      return problem(
        kind,
        path,
        source,
        'too-long',
        `plays for ${seconds(audio.durationMs)}, more than 30 seconds`,
      );
    const { format, mime, durationMs } = audio;
    return { ok: true, recording: { kind, source, format, mime, durationMs, bytes } };
  }

  /** IT's recording for `kind` when its policy names a good file; records or clears the problem. */
  async function fromIt(kind: WarningKind): Promise<WarningRecording | null> {
    const path = deps.itFiles()[kind];
    if (path === null || path.trim() === '') {
      last.delete(kind);
      return null;
    }
    const checked = await check(kind, path, 'it');
    if (checked.ok) {
      last.delete(kind);
      return checked.recording;
    }
    last.set(kind, checked.problem);
    return null;
  }

  async function builtIn(kind: WarningKind, language: RecordingLanguage): Promise<WarningRecording> {
    const path = join(deps.assetsDir, `${BUILT_IN[kind]}-${language}.wav`);
    const checked = await check(kind, path, 'built-in');
    // Our own files failing is a packaging fault, not something IT can fix: say so loudly.
    if (!checked.ok) throw new Error(checked.problem.message);
    return checked.recording;
  }

  return {
    async get(kind, language) {
      return (await fromIt(kind)) ?? builtIn(kind, language);
    },
    async problems() {
      for (const kind of KINDS) await fromIt(kind);
      return KINDS.flatMap((kind) => last.get(kind) ?? []);
    },
  };
}
