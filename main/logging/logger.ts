/**
 * One logger for main, built on pino. Secrets are redacted by key wherever they appear in a log
 * object, as a second line of defence: services never pass passwords to the logger in the first place.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export const REDACTED_KEYS = ['password', 'authorizationPassword', 'secret', 'token', 'authorization'];

const redactPaths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stderr. */
  destination?: DestinationStream;
}

export function createLogger({ level = 'info', destination }: LoggerOptions = {}): Logger {
  const options = {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    base: { app: 'steadyline' },
  };
  return destination ? pino(options, destination) : pino(options, pino.destination(2));
}

/** A logger that writes nothing, for tests that do not look at logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
