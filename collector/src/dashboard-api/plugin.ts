/**
 * The lead dashboard's API as one collector plugin (mounted at /api/dashboard/v1 by app.ts):
 * cookies, sign-in and sessions, OpenID sign-in when configured, and the team data routes.
 */
import cookie from '@fastify/cookie';

import type { CollectorPlugin } from '../app';
import { registerOidcRoutes } from '../sessions/oidc-routes';
import { registerSessionRoutes } from '../sessions/routes';

import { registerDashboardApi } from './routes';

export const dashboardApiRoutes: CollectorPlugin = async (app, { deps }) => {
  await app.register(cookie);
  const base = { db: deps.db, clock: deps.clock };
  registerSessionRoutes(app, base);
  registerOidcRoutes(app, base, deps.config.oidc);
  registerDashboardApi(app, deps);
};
