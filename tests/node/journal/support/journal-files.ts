import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { silentLogger } from '../../../../main/logging/logger';
import { openJournal } from '../../../../main/journal/open-journal';

export const journalPath = () => join(mkdtempSync(join(tmpdir(), 'steadyline-journal-')), 'journal.sqlite3');

export const openTestJournal = (file = journalPath()) => openJournal({ file, logger: silentLogger() });
