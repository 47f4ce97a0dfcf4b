/**
 * A log file that rotates by size and keeps a bounded number of old files (`main.log`,
 * `main.log.1` … `main.log.<keep>`), as a pino destination. Writes are synchronous (a log line
 * survives a crash right after it) and lines below the current level are dropped here, so the
 * level can change at run time (IT's `LogLevel` policy) for every child logger at once.
 */
import { closeSync, existsSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

export const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 } as const;
export type LogLevelName = keyof typeof LEVELS;

export interface RotatingFileOptions {
  file: string;
  /** Rotate once the file would grow past this many bytes. */
  maxBytes: number;
  /** How many rotated files to keep beside the current one. */
  keep: number;
  level?: LogLevelName;
}

export interface RotatingFile {
  write(line: string): void;
  setLevel(level: LogLevelName): void;
  /** Every file this destination may have written, newest first (diagnostics, canary tests). */
  files(): string[];
  close(): void;
}

const LEVEL_IN_LINE = /"level":(\d+)/;

export function createRotatingFile({
  file,
  maxBytes,
  keep,
  level = 'info',
}: RotatingFileOptions): RotatingFile {
  let minimum: number = LEVELS[level];
  let fd = openSync(file, 'a', 0o600);
  let size = fstatSync(fd).size;
  const rotated = (n: number) => `${file}.${n}`;

  function rotate() {
    closeSync(fd);
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    if (keep > 0) renameSync(file, rotated(1));
    else rmSync(file, { force: true });
    fd = openSync(file, 'a', 0o600);
    size = 0;
  }

  return {
    write(line) {
      const found = LEVEL_IN_LINE.exec(line);
      if (found && Number(found[1]) < minimum) return;
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      writeSync(fd, line);
      size += bytes;
    },
    setLevel(next) {
      minimum = LEVELS[next];
    },
    files: () =>
      [file, ...Array.from({ length: keep }, (_, i) => rotated(i + 1))].filter((f) => existsSync(f)),
    close: () => closeSync(fd),
  };
}
