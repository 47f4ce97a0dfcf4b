/**
 * A real OpenID provider for the tests: the certified `oidc-provider` package on loopback, with
 * its development login form (any login is accepted as that account) and a fixed table of
 * accounts and their claims. Issuer http://localhost:<port>.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import Provider from 'oidc-provider';

export interface TestAccount {
  preferred_username?: string;
  name?: string;
  groups?: string[];
}

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function listenForProvider(): Promise<{ server: Server; issuer: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, issuer: `http://localhost:${(server.address() as AddressInfo).port}` };
}

export function startProvider(
  reserved: { server: Server; issuer: string },
  client: { clientId: string; clientSecret: string; redirectUri: string },
  accounts: Record<string, TestAccount>,
): RunningProvider {
  const provider = new Provider(reserved.issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    scopes: ['openid', 'profile', 'groups'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    pkce: { required: () => true },
    cookies: { keys: ['steadyline-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  reserved.server.on('request', provider.callback());
  return {
    issuer: reserved.issuer,
    close: () => new Promise((resolve) => reserved.server.close(() => resolve())),
  };
}
