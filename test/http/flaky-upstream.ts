/**
 * A raw HTTP/1.1 upstream on 127.0.0.1, written on node:net so a test decides, request by
 * request, what happens to the connection: answer (keeping it alive), close it, reset it, or
 * say nothing. A request is decided as soon as its head has arrived, so a close lands while
 * the client is still sending, as when a server drops an idle keep-alive connection.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** One request as the upstream saw it. */
export interface Seen {
  /** 1 for the first connection the upstream accepted, and so on. */
  connection: number;
  /** 1 for the first request on its connection. */
  onConnection: number;
  method: string;
  path: string;
  body: string;
  action: Action['kind'];
}

export type Action =
  | { kind: 'answer'; status: number; body: string }
  /** Closes the connection (FIN) without a byte of answer. */
  | { kind: 'close' }
  /** Resets the connection (RST) without a byte of answer. */
  | { kind: 'reset' }
  /** Keeps the connection open and never answers. */
  | { kind: 'silent' }
  /** Sends the head and half the body, then nothing more. */
  | { kind: 'stall'; body: string };

export type Decide = (request: Omit<Seen, 'body' | 'action'>) => Action;

export interface FlakyUpstream {
  origin: string;
  seen: Seen[];
  /** Connections open on the upstream's side right now. */
  openConnections(): number;
  close(): Promise<void>;
}

interface Head {
  method: string;
  path: string;
  length: number;
  headEnd: number;
}

/** Answers the first request on each connection and closes it when the second arrives. */
export const answerOnceThenClose: Decide = ({ onConnection }) => (onConnection === 1
  ? { kind: 'answer', status: 200, body: '{"ok":true}' } : { kind: 'close' });

export async function startFlakyUpstream(decide: Decide): Promise<FlakyUpstream> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    serve(socket, (connections += 1), decide, seen);
  });
  await listen(server);
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    openConnections: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serve(socket: Socket, connection: number, decide: Decide, seen: Seen[]): void {
  let buffer = Buffer.alloc(0);
  let onConnection = 0;
  let pending: { head: Head; action: Action } | undefined;
  // Set once the connection is closed, reset or left silent: later bytes are not requests.
  let done = false;

  socket.on('data', (chunk: Buffer) => {
    if (done) return;
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!pending) {
        const head = readHead(buffer);
        if (!head) return;
        onConnection += 1;
        pending = { head, action: decide({ connection, onConnection, method: head.method,
          path: head.path }) };
        if (pending.action.kind !== 'answer' && pending.action.kind !== 'stall') {
          seen.push({ connection, onConnection, method: head.method, path: head.path,
            body: '', action: pending.action.kind });
          act(socket, pending.action);
          done = true;
          return;
        }
      }
      const end = pending.head.headEnd + pending.head.length;
      if (buffer.length < end) return;
      const body = buffer.subarray(pending.head.headEnd, end).toString();
      buffer = buffer.subarray(end);
      seen.push({ connection, onConnection, method: pending.head.method,
        path: pending.head.path, body, action: pending.action.kind });
      act(socket, pending.action);
      pending = undefined;
    }
  });
}

function act(socket: Socket, action: Action): void {
  if (action.kind === 'close') socket.destroy();
  else if (action.kind === 'reset') socket.resetAndDestroy();
  else if (action.kind === 'answer') writeAnswer(socket, action.status, action.body);
  else if (action.kind === 'stall') writeAnswer(socket, 200, action.body, action.body.length / 2);
}

function writeAnswer(socket: Socket, status: number, text: string, upTo?: number): void {
  const body = Buffer.from(text);
  socket.write(`HTTP/1.1 ${status} X\r\ncontent-type: application/json\r\n`
    + `content-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n`);
  socket.write(body.subarray(0, upTo ?? body.length));
}

/** The request line and Content-Length, once the whole head is in the buffer. */
function readHead(buffer: Buffer): Head | undefined {
  const at = buffer.indexOf('\r\n\r\n');
  if (at < 0) return undefined;
  const lines = buffer.subarray(0, at).toString().split('\r\n');
  const [method, path] = lines[0].split(' ');
  const lengthLine = lines.find((line) => /^content-length:/i.test(line));
  const length = lengthLine ? Number(lengthLine.split(':')[1]) : 0;
  return { method, path, length, headEnd: at + 4 };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
