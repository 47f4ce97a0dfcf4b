/**
 * Child process for the crash-recovery test: through the phone's call book on a real journal file,
 * one call rings and another is connected, and a break is running; it prints "ringing" once all of
 * it is committed and then waits to be killed with SIGKILL (it never exits by itself).
 */
import { createEventHub } from '../../../../main/kernel/event-hub';
import { startBreak } from '../../../../main/journal/breaks';
import { openJournal } from '../../../../main/journal/open-journal';
import { silentLogger } from '../../../../main/logging/logger';
import { createCallBook } from '../../../../main/phone/call-book';

const [file, startText] = process.argv.slice(2);
if (!file || !startText) throw new Error('usage: ringing-child <journal file> <start time ms>');
const start = Number(startText);
let time = start;
const journal = openJournal({ file, logger: silentLogger() });
const book = createCallBook({
  journal: journal.db,
  events: createEventHub(silentLogger()),
  clock: { now: () => time },
});
book.outgoing('talking', 'talking@test', { uri: 'sip:200@test', displayName: 'Connected' });
time += 1_000;
book.onCallEvent('talking', { kind: 'established' });
time += 1_000;
book.onRinging({
  id: 'ringing',
  sipCallId: 'ringing@test',
  remote: { uri: 'sip:100@test', displayName: 'Ringing' },
});
startBreak(journal.db, { callId: null, trigger: 'manual', startedAt: time, plannedSeconds: 300 });
process.stdout.write('ringing\n');
setInterval(() => undefined, 60_000);
