/**
 * How the collector process is configured and reached: plain HTTP only on loopback, TLS with
 * IT's certificate (served and verified over a real HTTPS connection), or behind a trusted
 * reverse proxy; settings that would weaken privacy are refused at start.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { buildCollector } from '../../collector/src/app';
import { systemClock } from '../../collector/src/clock';
import { parseCollectorConfig } from '../../collector/src/config';
import { openPglite } from '../../collector/src/db/pglite';
import { migrate } from '../../collector/src/db/migrate';
import { createCollectorLogger } from '../../collector/src/logger';
import { readServerSettings } from '../../collector/src/server-config';
import { collectingDestination } from '../support/collecting-destination';

function selfSignedCertificate(): { certFile: string; keyFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'collector-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}

function httpsGet(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('collector server settings', () => {
  it('defaults: loopback, embedded store in collector-data, k = 5', () => {
    const settings = readServerSettings({});
    expect(settings).toMatchObject({ host: '127.0.0.1', port: 7300, dataDir: 'collector-data' });
    expect(settings.databaseUrl).toBeUndefined();
    expect(settings.config.k).toBe(5);
  });

  it('refuses plain HTTP beyond loopback, half a TLS pair, k below 3 and nonsense numbers', () => {
    expect(() => readServerSettings({ COLLECTOR_HOST: '0.0.0.0' })).toThrow(/Refusing plain HTTP/);
    expect(() => readServerSettings({ COLLECTOR_TLS_CERT: '/x.pem' })).toThrow(/both/);
    expect(() => readServerSettings({ COLLECTOR_K: '2' })).toThrow(/no further/);
    expect(() => readServerSettings({ COLLECTOR_K: 'five' })).toThrow();
    expect(() => readServerSettings({ COLLECTOR_PORT: '99999' })).toThrow();
    expect(
      readServerSettings({ COLLECTOR_HOST: '0.0.0.0', COLLECTOR_TRUST_PROXY: '1' }).config.trustProxy,
    ).toBe(true);
    expect(readServerSettings({ COLLECTOR_K: '3' }).config.k).toBe(3);
  });

  it('serves HTTPS with the configured certificate, verified by a client trusting it', async () => {
    const { certFile, keyFile } = selfSignedCertificate();
    const settings = readServerSettings({
      COLLECTOR_HOST: '0.0.0.0',
      COLLECTOR_TLS_CERT: certFile,
      COLLECTOR_TLS_KEY: keyFile,
    });
    expect(settings.https).toBeDefined();
    const db = await openPglite();
    await migrate(db);
    const app = await buildCollector(
      {
        db,
        clock: systemClock,
        logger: createCollectorLogger({ destination: collectingDestination() }),
        config: parseCollectorConfig(),
      },
      settings.https ? { https: settings.https } : {},
    );
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      expect(address).toMatch(/^https:\/\//);
      const answer = await httpsGet(`${address}/api/v1/weeks`, readFileSync(certFile));
      expect(answer).toEqual({ status: 401, body: expect.stringContaining('missing_token') });
      await expect(httpsGet(`${address}/api/v1/weeks`, Buffer.from(''))).rejects.toThrow(
        /self.signed|certificate/i,
      );
    } finally {
      await app.close();
      await db.close();
    }
  });
});
