/**
 * Wire format of the test bridge: the renderer's requests and main's events as JSON over a
 * loopback WebSocket. It carries exactly what Electron's IPC carries in the app.
 */
import { z } from 'zod';

export const BridgeClientMessage = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  payload: z.unknown().optional(),
});

export type BridgeServerMessage =
  { type: 'result'; id: number; result: unknown } | { type: 'event'; event: string; payload: unknown };

/** The query parameter that carries the bridge's random token. */
export const TOKEN_PARAM = 'bridgeToken';
/** The query parameter that carries the bridge's port, for the page served by the preview. */
export const PORT_PARAM = 'bridgePort';
