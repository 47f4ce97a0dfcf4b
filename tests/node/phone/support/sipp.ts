/**
 * sipp as the far end of a call, bounded in time and killed by PID. Scenarios live in scenarios/;
 * caller.xml and callee.xml are sipp's built-in uac/uas made Record-Route aware (see
 * ../shared/research/sip-testbed.md, pitfalls 1 and 2).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './ports';

const SCENARIOS = join(import.meta.dirname, 'scenarios');

export interface SippResult {
  exitCode: number | null;
  output: string;
}

export function scenario(name: string): string {
  return join(SCENARIOS, name);
}

/**
 * A caller scenario that expects the INVITE to be refused with `status`. With `ringsFirst` false,
 * a 180 Ringing before the refusal fails the scenario (a call refused during a break never rings).
 */
export function refusedCallerScenario(status: number, expectRetryAfter: boolean, ringsFirst = true): string {
  const check = expectRetryAfter
    ? '    <action><ereg regexp="[1-9][0-9]*" search_in="hdr" header="Retry-After:" check_it="true" assign_to="retry"/><log message="Retry-After: [$retry]"/></action>'
    : '';
  const file = join(mkdtempSync(join(tmpdir(), 'steadyline-sipp-')), `caller-refused-${status}.xml`);
  writeFileSync(
    file,
    readFileSync(scenario('caller-refused.xml.template'), 'utf8')
      .replaceAll('__STATUS__', String(status))
      .replace('__RINGING__', ringsFirst ? '<recv response="180" optional="true"></recv>' : '')
      .replace('__CHECK__', check),
  );
  return file;
}

/**
 * A caller who is transferred by the agent: checks the REFER's Refer-To against `referTo` (a
 * regexp, no `<` or `&`: it sits in an XML attribute) and reports `sipfrag` (for example
 * "SIP/2.0 200 OK") as the transfer's outcome.
 */
export function transfereeScenario(referTo: string, sipfrag: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'steadyline-sipp-')), 'caller-transferee.xml');
  writeFileSync(
    file,
    readFileSync(scenario('caller-transferee.xml.template'), 'utf8')
      .replace('__REFER_TO__', referTo)
      .replace('__SIPFRAG__', sipfrag),
  );
  return file;
}

/**
 * sipp calling `user` through the test bed's Kamailio (UDP, from 127.0.0.1 on a free port), one
 * call, failing after 15 s; `extra` adds or overrides arguments (for example `-d 300`).
 */
export async function callUser(
  user: string,
  kamailioUdpPort: number,
  scenarioFile: string,
  extra: string[] = [],
  timeoutMs = 20_000,
): Promise<SippRun> {
  const port = await freePort();
  const args = ['-sf', scenarioFile, '-s', user, `127.0.0.1:${kamailioUdpPort}`, '-i', '127.0.0.1'];
  return runSipp(
    [...args, '-p', String(port), '-m', '1', '-timeout', '15s', '-timeout_error', ...extra],
    timeoutMs,
  );
}

export interface SippRun {
  readonly done: Promise<SippResult>;
  kill(): void;
}

export function runSipp(args: string[], timeoutMs = 20_000): SippRun {
  const child = spawn('sipp', [...args, '-nostdin'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<SippResult>((resolve) =>
    child.on('exit', (exitCode) => {
      clearTimeout(guard);
      resolve({ exitCode, output });
    }),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

/** A callee that answers every INVITE with 302 to `contact` (a Contact value; sipp keywords allowed). */
export function redirectingCalleeScenario(contact: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'steadyline-sipp-')), 'callee-redirect.xml');
  writeFileSync(
    file,
    readFileSync(scenario('callee-redirect.xml.template'), 'utf8').replaceAll('__CONTACT__', contact),
  );
  return file;
}
