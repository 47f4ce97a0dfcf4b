import type { ErrorCode } from '../../preload/contract';

/**
 * Thrown by a service when the agent should see why a request failed (a missing record, a
 * conflicting state). The router turns it into a typed error response; any other exception
 * becomes a generic "internal" error and only its log line carries the details.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal' | 'unknown-channel'>,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
