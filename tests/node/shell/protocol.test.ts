import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createAppRequestHandler } from '../../../main/shell/protocol';
import { resolveInside } from '../../../main/shell/renderer-files';

function rendererFolder() {
  const root = mkdtempSync(join(tmpdir(), 'steadyline-renderer-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Steadyline</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  return join(root, 'renderer');
}

describe('app:// protocol', () => {
  const handle = createAppRequestHandler(rendererFolder());

  it('serves index.html and assets with their MIME type and the CSP', async () => {
    const page = await handle(new Request('app://steadyline/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await handle(new Request('app://steadyline/assets/app.js'));
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await handle(new Request(`app://steadyline${path}`));
      expect(response.status, path).not.toBe(200);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('answers 404 for a missing file and 403 for another host', async () => {
    expect((await handle(new Request('app://steadyline/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(403);
  });

  it('resolves only inside the root', () => {
    expect(resolveInside('/r', '/a/b.js')).toBe('/r/a/b.js');
    expect(resolveInside('/r', '/../etc/passwd')).toBeNull();
    expect(resolveInside('/r', '/%E0%A4%A')).toBeNull();
  });
});
