/** POST /api/v1/enrollments: an agent's app trades its team's code for a per-install token. */
import { EnrollRequest, EnrollResponse } from '../../../preload/schemas/team-summary';
import type { CollectorPlugin } from '../app';
import { ApiError } from '../errors';
import { enrollInstall } from './queries';

export const enrollmentRoutes: CollectorPlugin = async (app, { deps }) => {
  app.post(
    '/enrollments',
    {
      schema: { body: EnrollRequest, response: { 201: EnrollResponse } },
      config: {
        rateLimit: { max: deps.config.enrollRateLimitMax, keyGenerator: (request) => `enroll:${request.ip}` },
      },
    },
    async (request, reply) => {
      const enrolled = await enrollInstall(deps.db, { ...request.body, now: new Date(deps.clock.now()) });
      if (!enrolled)
        throw new ApiError(
          403,
          'unknown_enrollment_code',
          'That enrollment code is not valid; ask IT for the current one.',
        );
      request.log.info({ installId: enrolled.installId, teamId: enrolled.teamId }, 'install enrolled');
      return reply.code(201).send(enrolled);
    },
  );
};
