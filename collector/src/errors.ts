/**
 * Every error the collector answers has the shape CollectorError ({ error, message }) with a
 * stable code; a log line says the code and status only, never the request's values (a zod
 * message or a database error can quote what was sent).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

import type { CollectorError } from '../../preload/schemas/team-summary';

/** A refusal a route throws: its status, stable code and English sentence. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json', 'The request body is empty.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [
    413,
    'body_too_large',
    'The request body is larger than the collector accepts.',
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'bad_content_length',
    'The Content-Length does not match the body.',
  ],
};

function describe(error: FastifyError | ApiError): [number, string, string] {
  if (error instanceof ApiError) return [error.statusCode, error.code, error.message];
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation;
    if (error.validationContext === 'body' && issues.some((issue) => issue.instancePath === '/version')) {
      return [400, 'unsupported_payload_version', 'This payload version is not one the collector accepts.'];
    }
    // Paths and zod issue codes only: never the values that were sent.
    const where = issues
      .slice(0, 5)
      .map((issue) => `${issue.instancePath || '/'} (${issue.keyword})`)
      .join(', ');
    return [
      400,
      'invalid_request',
      `The ${error.validationContext ?? 'request'} does not match the schema: ${where}.`,
    ];
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return known;
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return [status, 'bad_request', 'The request was refused.'];
  return [500, 'internal_error', 'The collector could not complete the request.'];
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const [status, code, message] = describe(error);
    if (status >= 500) {
      request.log.error(
        { errorCode: code, errName: error.name, dbCode: (error as { code?: string }).code },
        'failed',
      );
    } else {
      request.log.info({ errorCode: code, statusCode: status }, 'refused');
    }
    const body: CollectorError = { error: code, message };
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    const body: CollectorError = { error: 'not_found', message: 'No such route.' };
    return reply.code(404).send(body);
  });
}
