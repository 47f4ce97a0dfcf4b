/** The request handlers of the recorded warnings (warnings:*). */
import type { HandlersOf } from '../ipc/router';

import type { WarningService } from './warning-service';

export function createWarningHandlers(warnings: WarningService): HandlersOf<'warnings'> {
  return {
    'warnings:get': () => warnings.state(),
    'warnings:play': ({ callId, kind }) => warnings.play(callId, kind),
    'warnings:stop': ({ callId }) => warnings.stop(callId),
  };
}
