/**
 * One plain sentence for an error, for logs and for the reasons the agent reads ("retrying:
 * …", "The queue was not told (…)"): the message, the system error code behind a failed
 * network call (`fetch failed: ECONNREFUSED`), and "no answer in time" for a timeout.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    return typeof cause?.code === 'string' ? `${error.message}: ${cause.code}` : error.message;
  }
  return String(error);
}
