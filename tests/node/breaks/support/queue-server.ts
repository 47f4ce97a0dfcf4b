/** A real HTTP server on 127.0.0.1 standing in for the call-center queue: records every POST. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface QueueServer {
  url: string;
  received: Array<Record<string, unknown>>;
  /** How the next requests are answered: an HTTP status, or 'hang' (never answer). */
  answer: number | 'hang';
  close(): Promise<void>;
}

export async function startQueueServer(): Promise<QueueServer> {
  const hanging: ServerResponse[] = [];
  const state: QueueServer = {
    url: '',
    received: [],
    answer: 204,
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      state.received.push(JSON.parse(body) as Record<string, unknown>);
      if (state.answer === 'hang') return void hanging.push(response);
      response.writeHead(state.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/agents/state`;
  return state;
}
