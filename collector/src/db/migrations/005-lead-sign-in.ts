/**
 * Lead sign-in (the dashboard, issue 13): local passwords (argon2id PHC strings), sessions
 * (only the token's sha256 is stored), the per-login failure counter behind the lockout, and
 * the OpenID Connect subjects a lead signs in as.
 */
import type { Migration } from './migration';

export const leadSignIn: Migration = {
  version: 5,
  name: 'lead-sign-in',
  statements: [
    `CREATE TABLE lead_passwords (
       lead_id uuid PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
       hash text NOT NULL CHECK (hash LIKE '$argon2id$%'),
       set_at timestamptz NOT NULL
     )`,
    `CREATE TABLE lead_sessions (
       token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
       lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
       csrf_token text NOT NULL,
       created_at timestamptz NOT NULL,
       last_seen_at timestamptz NOT NULL,
       absolute_expires_at timestamptz NOT NULL
     )`,
    `CREATE INDEX lead_sessions_by_lead ON lead_sessions (lead_id)`,
    `CREATE TABLE lead_sign_in_failures (
       login text PRIMARY KEY,
       failures integer NOT NULL CHECK (failures >= 0),
       first_failure_at timestamptz NOT NULL,
       locked_until timestamptz
     )`,
    // One OpenID subject (issuer + sub) is one lead; a lead may have several (two providers).
    `CREATE TABLE lead_oidc_subjects (
       issuer text NOT NULL,
       subject text NOT NULL,
       lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
       linked_at timestamptz NOT NULL,
       PRIMARY KEY (issuer, subject)
     )`,
    // An OpenID sign-in in progress: its PKCE verifier and nonce, found by the state's sha256
    // (the state itself travels in the browser's cookie and the provider's redirect).
    `CREATE TABLE oidc_pending (
       state_hash text PRIMARY KEY CHECK (state_hash ~ '^[0-9a-f]{64}$'),
       code_verifier text NOT NULL,
       nonce text NOT NULL,
       expires_at timestamptz NOT NULL
     )`,
  ],
};
