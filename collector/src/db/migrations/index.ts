/**
 * Every schema step, in ascending `version` order (the file's number; gaps are allowed). 001-004 are the collector
 * core's (teams, enrollment, summaries, figures); 005 on are the lead dashboard's. Add a numbered
 * file and list it here (see collector/README.md).
 */
import { teamsAndSummaries } from './001-teams-and-summaries';
import { teamFigures } from './002-team-figures';
import { teamsFigures } from './003-teams-figures';
import { weekStartIndex } from './004-week-start-index';
import { leadSignIn } from './005-lead-sign-in';
import { checkInDone } from './006-check-in-done';
import { warningsPlayed } from './007-warnings-played';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  teamsAndSummaries,
  teamFigures,
  teamsFigures,
  weekStartIndex,
  leadSignIn,
  checkInDone,
  warningsPlayed,
];
