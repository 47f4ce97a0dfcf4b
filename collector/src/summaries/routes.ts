/**
 * The agent API (bearer install token): put a week (idempotent upsert), delete one week or all,
 * list what the collector holds for this install. Route list: preload/schemas/team-summary.ts.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

import {
  DeleteReceipt,
  HeldWeeks,
  IsoWeek,
  WeekReceipt,
  WeeklySummaryPayload,
} from '../../../preload/schemas/team-summary';
import type { CollectorPlugin } from '../app';
import { requireInstall } from '../enrollment/authenticate';
import type { AuthenticatedInstall } from '../enrollment/queries';
import { sha256Hex } from '../enrollment/secrets';
import { ApiError } from '../errors';
import { isFutureWeek, isoWeekStart } from './iso-week';
import { deleteWeeks, listHeldWeeks, upsertWeek } from './queries';

const WeekParams = z.strictObject({ week: IsoWeek });

function checkedWeekStart(week: string, now: number): Date {
  const start = isoWeekStart(week);
  if (!start) throw new ApiError(400, 'invalid_week', 'That ISO week does not exist.');
  if (isFutureWeek(start, now)) throw new ApiError(422, 'week_in_future', 'That week has not begun yet.');
  return start;
}

/** The install requireInstall authenticated (every route here runs after it). */
function installOf(request: FastifyRequest): AuthenticatedInstall {
  if (!request.install) throw new ApiError(401, 'missing_token', 'An install token is required.');
  return request.install;
}

export const summaryRoutes: CollectorPlugin = async (app, { deps }) => {
  const { db, clock } = deps;
  app.addHook('preHandler', requireInstall(db));

  app.put(
    '/weeks/:week',
    { schema: { params: WeekParams, body: WeeklySummaryPayload, response: { 200: WeekReceipt } } },
    async (request) => {
      const install = installOf(request);
      const summary = request.body;
      if (!request.rawBody) throw new ApiError(400, 'invalid_request', 'A JSON body is required.');
      if (summary.week !== request.params.week) {
        throw new ApiError(400, 'week_mismatch', 'The body is for another week than the address.');
      }
      const weekStart = checkedWeekStart(summary.week, clock.now());
      if (summary.consent === 'named' && !summary.agentName) {
        throw new ApiError(400, 'name_required', 'A summary shared with a name needs agentName.');
      }
      if (summary.consent === 'anonymous' && summary.agentName !== undefined) {
        throw new ApiError(400, 'name_with_anonymous', 'An anonymous summary must not carry a name.');
      }
      const receivedAt = new Date(clock.now());
      const sha256 = sha256Hex(request.rawBody);
      await upsertWeek(db, {
        installId: install.installId,
        teamId: install.teamId,
        weekStart,
        summary,
        sha256,
        receivedAt,
      });
      request.log.info({ installId: install.installId, week: summary.week }, 'week stored');
      return { week: summary.week, receivedAt: receivedAt.toISOString(), sha256 };
    },
  );

  app.delete(
    '/weeks/:week',
    { schema: { params: WeekParams, response: { 200: DeleteReceipt } } },
    async (request) => {
      const deleted = await deleteWeeks(db, installOf(request).installId, request.params.week);
      request.log.info({ installId: installOf(request).installId, deleted }, 'week deleted');
      return { deleted, deletedAt: new Date(clock.now()).toISOString() };
    },
  );

  app.delete('/weeks', { schema: { response: { 200: DeleteReceipt } } }, async (request) => {
    const deleted = await deleteWeeks(db, installOf(request).installId, null);
    request.log.info({ installId: installOf(request).installId, deleted }, 'all weeks deleted');
    return { deleted, deletedAt: new Date(clock.now()).toISOString() };
  });

  app.get('/weeks', { schema: { response: { 200: HeldWeeks } } }, async (request) => ({
    weeks: await listHeldWeeks(db, installOf(request).installId),
  }));
};
