/**
 * The boundary around everything the SIP server sends: each WebSocket message is sized, parsed
 * once and checked here before sip.js acts on it. What can be answered is answered (400, 413-style
 * 513, 415, 420, 505, as RFC 3261 8.2 and RFC 4475 ask); the rest is dropped with a log line. No
 * exception, from sip.js or from us, leaves the transport's message handler: one is logged, the
 * message dropped, and the phone keeps running.
 */
import { IncomingRequestMessage, Parser, type IncomingResponseMessage } from 'sip.js/lib/core/index.js';
import type { UserAgent } from 'sip.js';

import type { Logger } from '../../logging/logger';

import { checkRequest, checkVersion, responseCutShort, type Answer } from './inbound-checks';
import { MAX_HEADER_CHARS, MAX_HEADER_FIELDS, MAX_MESSAGE_CHARS, MAX_SCANNED_CHARS } from './inbound-limits';
import { answerFor, isResponseLine, splitMessage, type RawMessage } from './raw-message';

/** What the guard did with each message since it was installed. */
export interface GuardCounts {
  /** Handed to sip.js (which may still answer it itself: 404, 405, 416, 481...). */
  passed: number;
  /** Answered by the guard. */
  answered: number;
  dropped: number;
  /** Threw inside sip.js or our code; logged and dropped. Should stay 0. */
  threw: number;
}

type Verdict = { kind: 'answer'; answer: Answer } | { kind: 'drop'; why: string } | { kind: 'pass' };

interface SipJsInternals {
  onTransportMessage(message: IncomingRequestMessage | IncomingResponseMessage): void;
}

const LOG = { category: 'sip.guard' };
/** Answered and dropped messages logged per minute; a hostile server must not fill the disk. */
export const LOG_BUDGET_PER_MINUTE = 100;
const MINUTE_MS = 60_000;

export interface InboundGuardOptions {
  logger?: Logger;
  /** The clock's `now`, for the log budget. */
  now?: () => number;
}

/** Puts the guard between sip.js's transport and its user agent; returns its counts. */
export function installInboundGuard(userAgent: UserAgent, options: InboundGuardOptions = {}): GuardCounts {
  const { logger, now = Date.now } = options;
  const counts: GuardCounts = { passed: 0, answered: 0, dropped: 0, threw: 0 };
  const budget = { since: -Infinity, logged: 0, unlogged: 0 };
  /** Logs a verdict within the budget; past it, counts, and says how many once the minute is over. */
  function warn(fields: object, message: string) {
    const at = now();
    if (at - budget.since >= MINUTE_MS) {
      if (budget.unlogged > 0)
        logger?.warn({ ...LOG, unlogged: budget.unlogged }, 'more malformed SIP messages than were logged');
      Object.assign(budget, { since: at, logged: 0, unlogged: 0 });
    }
    if (budget.logged >= LOG_BUDGET_PER_MINUTE) {
      budget.unlogged += 1;
      return;
    }
    budget.logged += 1;
    logger?.warn({ ...LOG, ...fields }, message);
  }
  // sip.js's parser says what was wrong through a logger: keep the first line of it for ours.
  const parserLogger = {
    warn: note,
    error: note,
    log: () => undefined,
    debug: () => undefined,
  } as unknown as Parameters<typeof Parser.parseMessage>[1];
  const deliver = (message: IncomingRequestMessage | IncomingResponseMessage) =>
    (userAgent as unknown as SipJsInternals).onTransportMessage(message);
  let parseProblem = '';

  function note(content: string) {
    parseProblem ||= String(content).slice(0, 200);
  }

  function send(text: string) {
    userAgent.transport
      .send(text)
      .catch((error: unknown) => logger?.warn({ ...LOG, error: String(error) }, 'could not send an answer'));
  }

  function judge(text: string): Verdict {
    if (text.length > MAX_SCANNED_CHARS) return { kind: 'drop', why: `${text.length} characters, unread` };
    const raw = splitMessage(text);
    const isRequest = !isResponseLine(raw.firstLine);
    const refuse = (answer: Answer): Verdict =>
      isRequest ? { kind: 'answer', answer } : { kind: 'drop', why: answer.why };
    if (
      text.length > MAX_MESSAGE_CHARS ||
      raw.longestHeader > MAX_HEADER_CHARS ||
      raw.headers.length > MAX_HEADER_FIELDS
    ) {
      return refuse({ statusCode: 513, reasonPhrase: 'Message Too Large', why: `${text.length} characters` });
    }
    const version = isRequest ? raw.firstLine.split(' ').pop() : raw.firstLine.split(' ')[0];
    const wrongVersion = /^SIP\/\d+\.\d+$/i.test(version ?? '') ? checkVersion(version ?? '') : null;
    if (wrongVersion) return refuse(wrongVersion);
    parseProblem = '';
    const message = Parser.parseMessage(text, parserLogger);
    if (!message)
      return refuse({ statusCode: 400, reasonPhrase: 'Bad Request', why: parseProblem || 'unparsable' });
    if (!(message instanceof IncomingRequestMessage)) {
      if (responseCutShort(raw)) return { kind: 'drop', why: 'response body shorter than Content-Length' };
      deliver(message);
      return { kind: 'pass' };
    }
    const supported = userAgent.userAgentCore.configuration.supportedOptionTags;
    const problem = checkRequest(raw, message.method, supported);
    if (problem) return refuse(problem);
    deliver(message);
    return { kind: 'pass' };
  }

  function act(verdict: Verdict, raw: () => RawMessage, summary: string) {
    if (verdict.kind === 'pass') {
      counts.passed += 1;
      return;
    }
    const text = verdict.kind === 'answer' ? answerText(raw(), verdict.answer) : null;
    if (text) {
      counts.answered += 1;
      const { statusCode, why } = (verdict as { answer: Answer }).answer;
      warn({ statusCode, why, message: summary }, 'answered a malformed or unsupported SIP message');
      send(text);
      return;
    }
    counts.dropped += 1;
    const why = verdict.kind === 'drop' ? verdict.why : verdict.answer.why;
    warn({ why, message: summary }, 'dropped a malformed SIP message');
  }

  userAgent.transport.onMessage = (text: string) => {
    const summary = String(text).slice(0, 120);
    try {
      const verdict = judge(String(text));
      act(verdict, () => splitMessage(String(text)), summary);
    } catch (error) {
      counts.threw += 1;
      logger?.error(
        { ...LOG, error: error instanceof Error ? error.stack : String(error), message: summary },
        'a SIP message made the phone engine throw; dropped',
      );
    }
  };
  return counts;
}

/** The answer's text, or null when it cannot be given (an ACK, or headers missing to copy). */
function answerText(raw: RawMessage, answer: Answer): string | null {
  if (/^ACK\s/i.test(raw.firstLine)) return null;
  return answerFor(raw, answer.statusCode, answer.reasonPhrase, answer.extraHeaders);
}
