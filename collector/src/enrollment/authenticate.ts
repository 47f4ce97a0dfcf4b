/**
 * Bearer-token authentication for the agent API. A wrong and a revoked token get the same answer
 * (401 invalid_token), so a probe cannot tell which installs exist.
 */
import type { FastifyRequest } from 'fastify';

import type { Db } from '../db/store';
import { ApiError } from '../errors';
import { type AuthenticatedInstall, findInstallByToken } from './queries';
import { sha256Hex } from './secrets';

declare module 'fastify' {
  interface FastifyRequest {
    install: AuthenticatedInstall | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? null) : null;
}

/** Rate-limit key: the token's hash when one is sent (one install), else the client address. */
export function installTokenKey(request: FastifyRequest): string {
  const token = bearerToken(request);
  return token ? `install:${sha256Hex(token)}` : `ip:${request.ip}`;
}

/** A preHandler: sets request.install or refuses with 401. */
export function requireInstall(db: Db) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request);
    if (!token)
      throw new ApiError(401, 'missing_token', 'Send the install token as "Authorization: Bearer <token>".');
    const install = await findInstallByToken(db, token);
    if (!install)
      throw new ApiError(401, 'invalid_token', 'The install token is not valid (unknown or revoked).');
    request.install = install;
  };
}
