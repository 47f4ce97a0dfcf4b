/**
 * The real core on a temporary data folder, as the tests that drive it through the router or the
 * test bridge need it: conf settings, the named test cipher, SDP-only media, `ws` for Node 20.
 */
import { WebSocket } from 'ws';

import { createCore, type Core, type CoreDeps } from '../../main/core/create-core';
import { silentLogger } from '../../main/logging/logger';
import { SdpOnlyMediaEngine } from '../../main/phone/sdp-only-media-engine';
import { createConfStore } from '../../main/settings/conf-store';

import { TestOnlyCipher } from '../../main/devtools/test-only-cipher';

/** The real core on a temp folder; SDP-only media unless a test passes its own; `extra` adds shell parts. */
export function createTestCore(
  dataDir: string,
  media: CoreDeps['media'] = new SdpOnlyMediaEngine(),
  extra: Partial<CoreDeps> = {},
): Core {
  return createCore({
    dataDir,
    settingsStore: createConfStore({ cwd: dataDir }),
    cipher: new TestOnlyCipher(),
    logger: silentLogger(),
    version: '0.0.0-test',
    webSocket: WebSocket,
    media,
    ...extra,
  });
}
