/** Migration 007 on a journal at step 6: the team-summary outbox tables, and nothing else changes. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { silentLogger } from '../../../main/logging/logger';
import { migrate } from '../../../main/journal/migrate';
import { MIGRATIONS } from '../../../main/journal/migrations';
import { summaryOutbox } from '../../../main/journal/migrations/007-summary-outbox';

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((row) => row.name);

const at6 = () => {
  const db = new Database(':memory:');
  migrate(db, silentLogger(), MIGRATIONS.slice(0, 6));
  return db;
};

const insertWeek = (db: Database.Database, values: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO shared_weeks (week, consent, body, sha256, state, queued_at, sent_at, revoke_requested_at)
       VALUES (@week, @consent, @body, @sha256, @state, 1, @sentAt, @revokeRequestedAt)`,
    )
    .run({
      week: '2026-W48',
      consent: 'anonymous',
      body: Buffer.from('{}'),
      sha256: 'a'.repeat(64),
      state: 'queued',
      sentAt: null,
      revokeRequestedAt: null,
      ...values,
    });

describe('migration 007: the team-summary outbox', () => {
  it('adds the outbox, revocation and skipped-week tables to a step-6 journal', () => {
    const db = at6();
    const before = tables(db);
    expect(summaryOutbox.version).toBe(7);
    expect(migrate(db, silentLogger(), MIGRATIONS.slice(0, 7))).toEqual({ from: 6, to: 7 });
    expect(tables(db)).toEqual(
      [...before, 'shared_weeks', 'skipped_weeks', 'summary_revocations'].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('keeps the exact bytes and refuses states, weeks and consents it does not know', () => {
    const db = at6();
    migrate(db, silentLogger(), MIGRATIONS.slice(0, 7));
    const bytes = Buffer.from('{\n  "agentName": "דנה"\n}', 'utf8');
    insertWeek(db, { body: bytes });
    expect((db.prepare('SELECT body FROM shared_weeks').get() as { body: Buffer }).body.equals(bytes)).toBe(
      true,
    );
    expect(() => insertWeek(db, { week: '2026-W47', state: 'lost' })).toThrow(/CHECK/);
    expect(() => insertWeek(db, { week: 'W47', state: 'queued' })).toThrow(/CHECK/);
    expect(() => insertWeek(db, { week: '2026-W46', consent: 'none' })).toThrow(/CHECK/);
    // 'sent' needs its time; a revocation state needs the time it was asked for.
    expect(() => insertWeek(db, { week: '2026-W45', state: 'sent' })).toThrow(/CHECK/);
    expect(() => insertWeek(db, { week: '2026-W44', state: 'revoking' })).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO summary_revocations (scope, week, requested_at, next_attempt_at) VALUES ('all', 'x', 1, 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
