/**
 * Teams, their enrollment codes, enrolled installs, leads and the weekly summaries agents share.
 * Secrets (enrollment codes, install tokens) are stored only as sha256 hashes: the collector can
 * check one, never show it again. An anonymous summary has no name column value, by constraint.
 */
import type { Migration } from './migration';

export const teamsAndSummaries: Migration = {
  version: 1,
  name: 'teams-and-summaries',
  statements: [
    `CREATE TABLE teams (
       id uuid PRIMARY KEY,
       name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
       created_at timestamptz NOT NULL
     )`,
    // One live code per team; rotating replaces it, so an old code stops enrolling at once.
    `CREATE TABLE enrollment_codes (
       team_id uuid PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
       code_sha256 text NOT NULL UNIQUE,
       created_at timestamptz NOT NULL
     )`,
    `CREATE TABLE installs (
       id uuid PRIMARY KEY,
       team_id uuid NOT NULL REFERENCES teams (id),
       label text NOT NULL,
       token_sha256 text NOT NULL UNIQUE,
       enrolled_at timestamptz NOT NULL,
       revoked_at timestamptz
     )`,
    `CREATE TABLE leads (
       id uuid PRIMARY KEY,
       username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._@-]{2,64}$'),
       display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
       created_at timestamptz NOT NULL
     )`,
    `CREATE TABLE lead_teams (
       lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
       team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
       PRIMARY KEY (lead_id, team_id)
     )`,
    `CREATE INDEX lead_teams_by_team ON lead_teams (team_id)`,
    // One row per install and ISO week (the idempotent upsert's key). team_id is the install's
    // team when the week arrived.
    `CREATE TABLE weekly_summaries (
       install_id uuid NOT NULL REFERENCES installs (id) ON DELETE CASCADE,
       week text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
       team_id uuid NOT NULL REFERENCES teams (id),
       week_start date NOT NULL,
       payload_version integer NOT NULL,
       consent text NOT NULL CHECK (consent IN ('anonymous', 'named')),
       agent_name text,
       calls_handled integer NOT NULL CHECK (calls_handled >= 0),
       abusive_total integer NOT NULL CHECK (abusive_total >= 0),
       proud_marks integer NOT NULL CHECK (proud_marks >= 0),
       breaks_taken integer NOT NULL CHECK (breaks_taken >= 0),
       break_minutes double precision NOT NULL CHECK (break_minutes >= 0),
       breaks_extended integer NOT NULL CHECK (breaks_extended >= 0),
       breaks_ended_early integer NOT NULL CHECK (breaks_ended_early >= 0),
       reflections_completed integer NOT NULL CHECK (reflections_completed >= 0),
       median_mood double precision CHECK (median_mood BETWEEN 1 AND 5),
       check_in_requested boolean NOT NULL,
       body_sha256 text NOT NULL,
       received_at timestamptz NOT NULL,
       PRIMARY KEY (install_id, week),
       CONSTRAINT anonymous_has_no_name CHECK ((consent = 'named') = (agent_name IS NOT NULL))
     )`,
    `CREATE INDEX weekly_summaries_by_team_week ON weekly_summaries (team_id, week_start)`,
    `CREATE TABLE summary_abuse (
       install_id uuid NOT NULL,
       week text NOT NULL,
       category text NOT NULL,
       marks integer NOT NULL CHECK (marks >= 0),
       PRIMARY KEY (install_id, week, category),
       FOREIGN KEY (install_id, week) REFERENCES weekly_summaries (install_id, week) ON DELETE CASCADE
     )`,
    // Frozen team-week figures: written once when a week closes, never updated (002's trigger).
    `CREATE TABLE frozen_weeks (
       week text PRIMARY KEY,
       week_start date NOT NULL,
       frozen_at timestamptz NOT NULL
     )`,
    `CREATE TABLE team_week_figures (
       team_id uuid NOT NULL REFERENCES teams (id),
       week text NOT NULL REFERENCES frozen_weeks (week),
       contributors integer NOT NULL,
       anonymous_contributors integer NOT NULL,
       calls_handled integer NOT NULL,
       abusive_total integer NOT NULL,
       proud_marks integer NOT NULL,
       breaks_taken integer NOT NULL,
       break_minutes double precision NOT NULL,
       breaks_extended integer NOT NULL,
       breaks_ended_early integer NOT NULL,
       reflections_completed integer NOT NULL,
       median_mood double precision,
       check_in_requests_anonymous integer NOT NULL,
       PRIMARY KEY (team_id, week)
     )`,
    `CREATE TABLE team_week_abuse (
       team_id uuid NOT NULL,
       week text NOT NULL,
       category text NOT NULL,
       marks integer NOT NULL,
       PRIMARY KEY (team_id, week, category),
       FOREIGN KEY (team_id, week) REFERENCES team_week_figures (team_id, week)
     )`,
  ],
};
