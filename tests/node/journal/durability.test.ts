/**
 * Kills a writing process with SIGKILL at random moments, 20 times on the same file: every record
 * it reported as committed must be there afterwards, and the file must pass integrity_check.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { journalPath, openTestJournal } from './support/journal-files';

const ROUNDS = 20;
const CHILD = resolve(import.meta.dirname, 'support/writer-child.ts');

function writeUntilKilled(file: string, killAfterMs: number): Promise<number[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const wasReady = output.includes('ready\n');
      output += chunk.toString();
      if (!wasReady && output.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') return fail(new Error(`writer exited by itself: ${errors}`));
      // Only complete lines were reported as committed; a partial last line was not.
      const lines = output
        .split('\n')
        .slice(0, -1)
        .filter((line) => line !== 'ready');
      done(lines.map(Number));
    });
  });
}

describe('journal durability', () => {
  it(`keeps every committed record through ${ROUNDS} SIGKILLs`, { timeout: 120_000 }, async () => {
    const file = journalPath();
    const committed: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      committed.push(...(await writeUntilKilled(file, 20 + Math.floor(Math.random() * 180))));
      const journal = openTestJournal(file);
      expect(journal.recovered).toBeNull();
      expect(journal.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = new Set(
        (journal.db.prepare('SELECT id FROM calls').all() as Array<{ id: number }>).map((row) => row.id),
      );
      const missing = committed.filter((id) => !present.has(id));
      expect(missing).toEqual([]);
      journal.close();
    }
    expect(committed.length).toBeGreaterThan(ROUNDS);
  });
});
