import type { ErrorCode } from '../../preload/contract';

/**
 * Thrown by a service when the agent should see why a request failed (a missing record, a
 * conflicting state). The router turns it into a typed error response; any other exception
 * becomes a generic "internal" error and only its log line carries the details.
 */
export class UserFacingError extends Error {
  /** A stable name for this particular error ('break.too-early'); the window translates it. */
  readonly reason?: string;
  /** The values its translation needs ({ seconds: 12 }). */
  readonly params?: Record<string, string | number>;

  constructor(
    readonly code: Exclude<ErrorCode, 'internal' | 'unknown-channel'>,
    message: string,
    detail: { reason?: string; params?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.name = 'UserFacingError';
    this.reason = detail.reason;
    this.params = detail.params;
  }
}
