/** baresip (Debian) as the peer softphone: registered on the same Kamailio over UDP, auto-answering. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Baresip {
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startBaresip(kamailioUdpPort: number, sipPort: number, user: string): Promise<Baresip> {
  const dir = mkdtempSync(join(tmpdir(), 'steadyline-baresip-'));
  writeFileSync(
    join(dir, 'config'),
    [
      'module_path /usr/lib/baresip/modules',
      `sip_listen 127.0.0.1:${sipPort}`,
      'net_interface 127.0.0.1',
      'audio_player aubridge,nil',
      'audio_source aubridge,nil',
      'audio_alert aubridge,nil',
      'rtp_ports 20000-20999',
      'rtp_timeout 0',
      'module g711.so',
      'module aubridge.so',
      'module_app account.so',
      'module_app menu.so',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'accounts'),
    `<sip:${user}@127.0.0.1;transport=udp>;outbound="sip:127.0.0.1:${kamailioUdpPort};transport=udp";auth_pass=unused;answermode=auto;regint=600;audio_codecs=PCMU\n`,
  );
  const child: ChildProcess = spawn('baresip', ['-f', dir, '-t', '3600'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Keep only what start-up needs: baresip's menu prints a status line every 100 ms in a call.
  const collect = (chunk: Buffer) => output.length < 100_000 && (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  for (let waited = 0; !/200 OK|registered/i.test(output); waited += 100) {
    if (waited > 10_000 || child.exitCode !== null) throw new Error(`baresip did not register:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
