/**
 * Enrollment with the team's collector, once per install: the team's code (typed by the agent,
 * or from IT's settings) buys a per-install token, kept in the secret store (safeStorage in the
 * app), never in settings or a log. The collector in force is IT's when IT names one; an
 * enrollment with another collector no longer counts.
 */
import { UserFacingError } from '../kernel/user-facing-error';
import type { Logger } from '../logging/logger';
import type { Clock } from '../kernel/clock';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsService } from '../settings/settings-service';

import { CollectorError, createCollectorClient, type FetchLike } from './collector-client';
import type { Connection } from './outbox-sender';
import type { Enrollment } from './sharing-choice';

export const INSTALL_TOKEN_SECRET = 'summaries-install-token';

export type SharingSettings = Pick<SettingsService, 'summaryPolicy' | 'sharing' | 'setSharing'>;

export interface EnrollmentDeps {
  settings: SharingSettings;
  secrets: SecretStore;
  fetch: FetchLike;
  clock: Clock;
  /** What IT sees in the installs list: the machine's host name, never the agent's name. */
  installLabel: string;
  logger: Logger;
}

export interface Enrollments {
  collectorUrl(): string | null;
  current(): Enrollment | null;
  connection(): Connection | null;
  enroll(input: { code?: string; collectorUrl?: string }): Promise<Enrollment>;
  /** The collector no longer accepts the token: forget it (the agent enrolls again). */
  forget(): void;
}

export function createEnrollments({
  settings,
  secrets,
  fetch,
  clock,
  installLabel,
  logger,
}: EnrollmentDeps): Enrollments {
  const collectorUrl = () => settings.summaryPolicy().collectorUrl ?? settings.sharing().collectorUrl;
  const client = (baseUrl: string) => createCollectorClient({ baseUrl, fetch });

  function current(): Enrollment | null {
    const enrollment = settings.sharing().enrollment;
    const url = collectorUrl();
    if (!enrollment || !url || enrollment.collectorUrl !== url) return null;
    return secrets.get(INSTALL_TOKEN_SECRET) ? enrollment : null;
  }

  return {
    collectorUrl,
    current,
    connection() {
      const enrollment = current();
      const token = secrets.get(INSTALL_TOKEN_SECRET);
      return enrollment && token ? { client: client(enrollment.collectorUrl), token } : null;
    },
    async enroll(input) {
      const policy = settings.summaryPolicy();
      if (!policy.collectorUrl && input.collectorUrl)
        settings.setSharing({ ...settings.sharing(), collectorUrl: input.collectorUrl });
      const url = collectorUrl();
      if (!url) throw new UserFacingError('invalid-request', "Enter the address of your team's collector.");
      const code = input.code ?? policy.enrollmentCode;
      if (!code) throw new UserFacingError('invalid-request', "Enter your team's enrollment code.");
      let response;
      try {
        response = await client(url).enroll({ code, installLabel });
      } catch (error) {
        if (error instanceof CollectorError && !error.retry) {
          logger.warn({ status: error.status, code: error.code }, 'enrollment refused');
          throw new UserFacingError('invalid-request', 'The collector did not accept this enrollment code.');
        }
        logger.warn({ reason: error instanceof Error ? error.message : 'failed' }, 'enrollment failed');
        throw new UserFacingError('unavailable', 'The collector could not be reached. Try again later.');
      }
      secrets.set(INSTALL_TOKEN_SECRET, response.token);
      const enrollment: Enrollment = {
        collectorUrl: url,
        installId: response.installId,
        teamId: response.teamId,
        teamName: response.teamName,
        enrolledAt: clock.now(),
      };
      settings.setSharing({ ...settings.sharing(), enrollment });
      logger.info(
        { installId: response.installId, teamId: response.teamId },
        'enrolled with the team collector',
      );
      return enrollment;
    },
    forget() {
      secrets.delete(INSTALL_TOKEN_SECRET);
      settings.setSharing({ ...settings.sharing(), enrollment: null });
    },
  };
}
