/** The request handlers of the recovery channels: policy and preferences, marks, breaks, reflections. */
import type { HandlersOf } from '../ipc/router';

import type { RecoveryService } from './recovery-service';

export function createRecoveryHandlers(
  recovery: RecoveryService,
): HandlersOf<'recovery' | 'marks' | 'breaks' | 'reflections'> {
  return {
    'recovery:getSettings': () => recovery.settings(),
    'recovery:setPreferences': (patch) => recovery.setPreferences(patch),
    'marks:add': (input) => recovery.mark(input),
    'marks:undo': ({ markId }) => {
      recovery.undoMark(markId);
      return null;
    },
    'breaks:get': () => recovery.state(),
    'breaks:start': () => recovery.startManual(),
    'breaks:extend': () => recovery.extend(),
    'breaks:end': () => recovery.end(),
    'breaks:takeLonger': () => recovery.takeLonger(),
    'reflections:save': (input) => recovery.saveReflection(input),
    'reflections:skip': () => recovery.skipReflection(),
  };
}
