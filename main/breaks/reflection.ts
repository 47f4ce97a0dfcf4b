/** Saving the agent's reflection on a break, linked to the break and to the call behind it. */
import type Database from 'better-sqlite3';
import type { z } from 'zod';

import type { ReflectionInput } from '../../preload/contract';
import { UserFacingError } from '../kernel/user-facing-error';
import { getBreak } from '../journal/breaks';
import { addReflection } from '../journal/reflections';

const orNull = (text: string) => (text === '' ? null : text);

/** Journals the reflection; the notes stay in the journal on this machine. */
export function saveReflectionOn(
  journal: Database.Database,
  input: z.output<typeof ReflectionInput>,
  now: number,
): number {
  const reflected = getBreak(journal, input.breakId);
  if (!reflected)
    throw new UserFacingError('not-found', 'That break is no longer in your journal.', {
      reason: 'reflection.break-gone',
    });
  return addReflection(journal, {
    breakId: reflected.id,
    callId: reflected.callId,
    createdAt: now,
    mood: input.mood,
    difficulty: input.difficulty,
    notAboutMe: input.notAboutMe,
    privateNote: orNull(input.felt),
    privateThought: orNull(input.thought),
    wantsFollowUp: input.talkToLead,
    tags: input.helped,
  });
}
