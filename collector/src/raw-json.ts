/**
 * JSON bodies parsed by Fastify's own safe parser (prototype-poisoning refused), keeping the exact
 * bytes received: the week receipt's sha256 is over them, so the app can check the collector
 * stored what its preview showed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: Buffer | null;
  }
}

export function installRawJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.decorateRequest('rawBody', null);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
      request.rawBody = body;
      parseJson(request, body.toString('utf8'), done);
    },
  );
}
