/**
 * A proxy on 127.0.0.1 that forwards every request to its target and relays the answer,
 * except once: for the first request the test picks, it waits until the target has answered
 * (so the target has acted on it) and then drops the client's connection without a byte of
 * that answer. That is a response lost in flight, the case where only an idempotent request
 * may be sent again.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Relayed {
  method: string;
  url: string;
  /** The target's status; the client saw it only when `lost` is false. */
  status: number;
  lost: boolean;
}

export interface LosingProxy {
  url: string;
  relayed: Relayed[];
  close(): Promise<void>;
}

/** Headers that describe one connection, not the message. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);

export async function startLosingProxy(
  target: string,
  loses: (method: string, url: string) => boolean,
): Promise<LosingProxy> {
  const relayed: Relayed[] = [];
  let lostOne = false;
  const server = createServer(async (req, res) => {
    const answer = await forward(target, req, await readAll(req));
    const lost = !lostOne && loses(req.method ?? '', req.url ?? '');
    relayed.push({ method: req.method ?? '', url: req.url ?? '', status: answer.status, lost });
    if (lost) {
      lostOne = true;
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  const url = await listen(server);
  return {
    url,
    relayed,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** One request to the target on its own connection, read to the end. */
function forward(target: string, req: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outbound = request(new URL(req.url ?? '/', target), {
      method: req.method, headers: withoutHopByHop(req.headers), agent: false,
    }, async (response) => {
      resolve({ status: response.statusCode ?? 502, headers: withoutHopByHop(response.headers),
        body: await readAll(response) });
    });
    outbound.on('error', reject);
    outbound.end(body);
  });
}

function withoutHopByHop(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}
