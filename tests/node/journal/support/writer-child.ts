/**
 * Child process for the durability test: writes journal records in a loop and prints the id of
 * each one right after its transaction committed, until the parent kills it with SIGKILL.
 */
import { recordCompleteCall } from '../../../../main/journal/record-call';
import { openJournal } from '../../../../main/journal/open-journal';
import { silentLogger } from '../../../../main/logging/logger';

const file = process.argv[2];
if (!file) throw new Error('usage: writer-child <journal file>');
const journal = openJournal({ file, logger: silentLogger() });
process.stdout.write('ready\n');
for (let i = 0; ; i += 1) {
  const at = Date.now();
  const id = recordCompleteCall(journal.db, {
    call: {
      direction: 'inbound',
      remoteUri: `sip:${i}@pbx`,
      remoteDisplayName: 'Durability',
      sipCallId: `dur-${at}-${i}`,
      startedAt: at,
      endedAt: at + 1,
      endReason: 'remote-hangup',
      sipStatus: null,
    },
    mark: { kind: 'abusive', severity: 1, categories: ['shouting'], createdAt: at },
    break: {
      trigger: 'abusive-call',
      startedAt: at,
      plannedSeconds: 90,
      actualSeconds: 90,
      endedHow: 'completed',
    },
    reflection: {
      createdAt: at,
      mood: 3,
      difficulty: 2,
      notAboutMe: 5,
      privateNote: 'note',
      wantsFollowUp: false,
      tags: ['tea'],
    },
  });
  process.stdout.write(`${id}\n`);
  // Now and then the core's idle checkpoint, so some kills land in a checkpoint or a WAL restart.
  if (i % 25 === 24) journal.checkpoint();
}
