/**
 * TURN servers' logins: the username and the credential together in the secret store (never in
 * settings.json, never logged). The window learns only "a credential is stored"; the media engine
 * gets them as the RTCIceServer list its peer connection needs.
 */
import type { IceServers, TurnLoginInput, TurnLogins } from '../../preload/contract';
import { UserFacingError } from '../kernel/user-facing-error';

import type { SecretStore } from './secret-store';

export interface TurnLoginService {
  list(): TurnLogins;
  set(input: TurnLoginInput): TurnLogins;
  iceServers(): IceServers;
}

const secretName = (url: string) => `turn-login:${url}`;

export function createTurnLogins({
  secrets,
  iceServerUrls,
}: {
  secrets: SecretStore;
  /** The configured ICE server URLs (the agent's or IT's). */
  iceServerUrls: () => string[];
}): TurnLoginService {
  const login = (url: string): { username: string; credential: string } | undefined => {
    const stored = secrets.get(secretName(url));
    if (stored === undefined) return undefined;
    try {
      const parsed = JSON.parse(stored) as { username?: unknown; credential?: unknown };
      return typeof parsed.username === 'string' && typeof parsed.credential === 'string'
        ? { username: parsed.username, credential: parsed.credential }
        : undefined;
    } catch {
      return undefined;
    }
  };
  const turnUrls = () => iceServerUrls().filter((url) => /^turns?:/i.test(url));
  const list = (): TurnLogins => ({
    storage: secrets.storage,
    logins: turnUrls().flatMap((url) => {
      const found = login(url);
      return found ? [{ url, username: found.username, hasCredential: true }] : [];
    }),
  });
  return {
    list,
    set({ url, username, credential }) {
      if (!turnUrls().includes(url)) {
        throw new UserFacingError('conflict', 'Add this TURN server to the list and save it first.', {
          reason: 'settings.turn-server-unknown',
        });
      }
      secrets.set(secretName(url), JSON.stringify({ username, credential }));
      return list();
    },
    iceServers: () =>
      iceServerUrls().map((urls) => {
        const found = login(urls);
        return found ? { urls, ...found } : { urls };
      }),
  };
}
