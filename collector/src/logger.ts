/**
 * The collector's pino logger. Logs say what happened (route, status, timing, ids) and never
 * carry a payload value or a secret: request bodies are never logged, and the paths below are
 * redacted in case any code ever passes them (tests/collector/logs.test.ts plants canaries).
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'token',
  '*.token',
  'code',
  '*.code',
  'password',
  '*.password',
  'body',
  '*.body',
  'payload',
  '*.payload',
  'agentName',
  '*.agentName',
];

interface RawRequest {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

export function createCollectorLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      name: 'collector',
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        // Method and path only (no query string, no headers).
        req: (req: RawRequest) => ({
          method: req.method,
          url: req.url?.split('?')[0],
          remoteAddress: req.ip ?? req.socket?.remoteAddress,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    options.destination,
  );
}
