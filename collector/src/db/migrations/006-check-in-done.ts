/**
 * A named agent's check-in request marked done by a lead of their team. Keyed like the
 * summary it answers (install and ISO week); removed with it when the agent revokes the week.
 */
import type { Migration } from './migration';

export const checkInDone: Migration = {
  version: 6,
  name: 'check-in-done',
  statements: [
    `CREATE TABLE check_ins_done (
       install_id uuid NOT NULL,
       week text NOT NULL,
       lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
       done_at timestamptz NOT NULL,
       PRIMARY KEY (install_id, week),
       FOREIGN KEY (install_id, week) REFERENCES weekly_summaries (install_id, week) ON DELETE CASCADE
     )`,
  ],
};
