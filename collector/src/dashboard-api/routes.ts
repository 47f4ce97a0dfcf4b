/**
 * The lead-facing data routes. Every one checks, in this order: a live session (401), a team id
 * that is a UUID of a team this lead leads (404 for another team's id and a made-up one alike,
 * so nothing tells them apart), then reads through the k-anonymous queries in ./figures. Under /api/dashboard/v1:
 *   GET  /teams/:teamId/weeks        → TeamWeeks (last 12 closed weeks)
 *   GET  /teams/:teamId/named        → NamedRows
 *   GET  /teams/:teamId/check-ins    → CheckIns (the last closed week)
 *   POST /teams/:teamId/check-ins/:id/done  (CSRF) → CheckInDone
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { IsoWeek } from '../../../preload/schemas/team-summary';
import type { CollectorDeps } from '../app';
import { leadsTeam, leadTeams } from '../leads/leads';
import { refuse, requireSession } from '../sessions/guard';

import { checkIns, markCheckInDone, namedRows, teamWeeks } from './figures';
import type { CheckIns, CheckInDone, NamedRows, TeamWeeks } from './schemas';
import { recentWeeks } from './weeks';

export type DashboardApiDeps = Pick<CollectorDeps, 'db' | 'clock' | 'config'>;

const TeamParams = z.strictObject({ teamId: z.uuid() });
const DoneParams = z.strictObject({ teamId: z.uuid(), id: z.uuid() });
const DoneBody = z.strictObject({ week: IsoWeek });

/** The session's lead and the team, or null after answering 401/403/404. */
async function authorize(request: FastifyRequest, reply: FastifyReply, deps: DashboardApiDeps) {
  const session = await requireSession(request, reply, deps);
  if (!session) return null;
  const params = TeamParams.safeParse({ teamId: (request.params as { teamId?: unknown }).teamId });
  if (!params.success || !(await leadsTeam(deps.db, session.leadId, params.data.teamId))) {
    await refuse(reply, 404, 'no_such_team', 'You lead no team with this id.');
    return null;
  }
  reply.header('cache-control', 'no-store');
  return { leadId: session.leadId, teamId: params.data.teamId };
}

export function registerDashboardApi(app: FastifyInstance, deps: DashboardApiDeps): void {
  const { db, clock, config } = deps;

  app.get('/teams/:teamId/weeks', async (request, reply) => {
    const who = await authorize(request, reply, deps);
    if (!who) return reply;
    const team = (await leadTeams(db, who.leadId)).find((t) => t.id === who.teamId);
    if (!team) return refuse(reply, 404, 'no_such_team', 'You lead no team with this id.');
    const weeks = await teamWeeks(deps, who, recentWeeks(clock.now()));
    if (!weeks) return refuse(reply, 404, 'no_such_team', 'You lead no team with this id.');
    return { team, k: config.k, weeks } satisfies TeamWeeks;
  });

  app.get('/teams/:teamId/named', async (request, reply) => {
    const who = await authorize(request, reply, deps);
    if (!who) return reply;
    return { rows: await namedRows(deps, who, recentWeeks(clock.now())) } satisfies NamedRows;
  });

  app.get('/teams/:teamId/check-ins', async (request, reply) => {
    const who = await authorize(request, reply, deps);
    if (!who) return reply;
    const week = recentWeeks(clock.now(), 1)[0] as string;
    return checkIns(deps, who, week) satisfies Promise<CheckIns>;
  });

  app.post('/teams/:teamId/check-ins/:id/done', async (request, reply) => {
    const who = await authorize(request, reply, deps);
    if (!who) return reply;
    const params = DoneParams.safeParse(request.params);
    const body = DoneBody.safeParse(request.body);
    if (!params.success || !body.success)
      return refuse(reply, 404, 'no_such_request', 'No such check-in request.');
    const doneAt = await markCheckInDone(deps, {
      teamId: who.teamId,
      installId: params.data.id,
      week: body.data.week,
      leadId: who.leadId,
      now: new Date(clock.now()),
    });
    if (!doneAt) return refuse(reply, 404, 'no_such_request', 'No such check-in request in this team.');
    return { id: params.data.id, doneAt: doneAt.toISOString() } satisfies CheckInDone;
  });
}
