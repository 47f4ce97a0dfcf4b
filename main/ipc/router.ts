/**
 * The pure request router: channel name + untrusted payload in, typed Result out.
 *
 * It is bound to two transports: Electron's ipcMain (main/shell/ipc.ts) and the loopback test
 * bridge (main/devtools/test-bridge.ts). Every request is validated against the contract before a
 * handler runs; nothing a renderer sends can crash main.
 */
import type { z } from 'zod';

import {
  isRequestChannel,
  requestChannels,
  type BridgeError,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../../preload/contract';
import type { Logger } from '../logging/logger';

import { UserFacingError } from '../kernel/user-facing-error';

export type Handlers = {
  [C in RequestChannel]: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/** The handlers of one domain's channels (`HandlersOf<'phone' | 'media'>`), kept beside that domain. */
export type HandlersOf<Domain extends string> = Pick<
  Handlers,
  Extract<RequestChannel, `${Domain}:${string}`>
>;

export interface Router {
  handle(channel: unknown, payload: unknown): Promise<Result<unknown>>;
}

const failure = (error: BridgeError): Result<never> => ({ ok: false, error });

const describeIssues = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

export function createRouter({ handlers, logger }: { handlers: Handlers; logger: Logger }): Router {
  async function handle(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isRequestChannel(channel)) {
      logger.warn(
        { channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel },
        'request on unknown channel rejected',
      );
      return failure({ code: 'unknown-channel', message: 'Unknown channel.' });
    }
    const spec = requestChannels[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      // Paths and messages only: the rejected values may hold secrets.
      logger.warn({ channel, issues }, 'invalid request rejected');
      return failure({ code: 'invalid-request', message: 'The request was not valid.', issues });
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.response.parse(value) };
    } catch (error) {
      if (error instanceof UserFacingError) {
        logger.info({ channel, code: error.code }, error.message);
        const { code, message, reason, params } = error;
        return failure({ code, message, ...(reason && { reason }), ...(params && { params }) });
      }
      logger.error({ channel, err: error }, 'request handler failed');
      return failure({
        code: 'internal',
        message: 'Something went wrong in Steadyline. Details are in the log.',
      });
    }
  }
  return { handle };
}
