// A fake of Slack served on 127.0.0.1: the Web API (recording every call), response_urls, the
// file upload URL, and a Socket Mode WebSocket. Tests wait on what it records, never on a clock.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebSocketServer, type WebSocket } from 'ws';

export type Json = Record<string, unknown>;

export interface ApiCall {
  method: string;
  args: Json;
  authorization: string | undefined;
  limited: boolean;
}

export interface ResponsePost {
  id: string;
  body: Json;
  limited: boolean;
}

export interface SlackFakeUser {
  id: string;
  name: string;
  isAdmin?: boolean;
  isOwner?: boolean;
}

type Waiter = () => boolean;

/** A held apps.connections.open: the test learns it was asked and decides the answer. */
export interface HeldConnection {
  requested: Promise<void>;
  release(outcome: 'url' | 'error'): void;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts)));
    request.on('error', reject);
  });
}

/** Form fields as Slack's clients send them, with objects (blocks, view) as JSON strings. */
function parseArgs(raw: Buffer, contentType: string): Json {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) return JSON.parse(text || '{}') as Json;
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const looksJson = value.startsWith('{') || value.startsWith('[');
    args[key] = looksJson ? (JSON.parse(value) as unknown) : value;
  }
  return args;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export class SlackFake {
  readonly calls: ApiCall[] = [];
  readonly responsePosts: ResponsePost[] = [];
  readonly uploads: Array<{ id: string; body: Buffer }> = [];
  readonly acks: Json[] = [];
  readonly users = new Map<string, SlackFakeUser>();
  private readonly waiters = new Set<Waiter>();
  private readonly limits = new Map<string, { times: number; retryAfter: number }>();
  private readonly sockets = new Set<WebSocket>();
  private readonly unacked = new Map<string, string>();
  private readonly failures = new Map<string, { error: string; times: number }>();
  private held: { asked: () => void; decision: Promise<'url' | 'error'> } | undefined;
  private counter = 0;
  private readonly wss: WebSocketServer;

  private constructor(private readonly server: Server) {
    this.wss = new WebSocketServer({ server, path: '/socket' });
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  static async start(): Promise<SlackFake> {
    const server = createServer();
    const fake = new SlackFake(server);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      fake.handle(request, response).catch((error: unknown) => {
        sendJson(response, 500, { ok: false, error: String(error) });
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A fresh response_url, as Slack sends with each command and button press. */
  responseUrl(): string {
    this.counter += 1;
    return `${this.base}/response/${this.counter}`;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** The next `times` calls of a method (or of 'response_url') answer 429 with Retry-After. */
  rateLimit(method: string, times: number, retryAfter: number): void {
    this.limits.set(method, { times, retryAfter });
  }

  /** The next `times` calls of a method answer `ok: false` with this error, as Slack does. */
  fail(method: string, error: string, times = 1): void {
    this.failures.set(method, { error, times });
  }

  /** Holds the next apps.connections.open until the test releases it. */
  holdConnectionsOpen(): HeldConnection {
    let asked: () => void = () => undefined;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    let release: (outcome: 'url' | 'error') => void = () => undefined;
    const decision = new Promise<'url' | 'error'>((resolve) => (release = resolve));
    this.held = { asked, decision };
    return { requested, release };
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method && !call.limited);
  }

  postsTo(url: string): ResponsePost[] {
    const id = url.split('/').pop() ?? '';
    return this.responsePosts.filter((post) => post.id === id && !post.limited);
  }

  /** Resolves once the check holds; a test that never sees it fails on its own timeout. */
  waitFor<T>(select: () => T | undefined): Promise<T> {
    const found = select();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => {
      this.waiters.add(() => {
        const value = select();
        if (value !== undefined) resolve(value);
        return value !== undefined;
      });
    });
  }

  waitForCall(method: string, count = 1): Promise<ApiCall> {
    return this.waitFor(() => this.callsOf(method)[count - 1]);
  }

  waitForPost(url: string, count = 1): Promise<Json> {
    return this.waitFor(() => this.postsTo(url)[count - 1]?.body);
  }

  openSockets(): number {
    return this.sockets.size;
  }

  /** Sends a Socket Mode envelope and resolves with the client's acknowledgement. Like Slack,
   * sends it again on the next connection if the one it went out on closes unacknowledged. */
  async sendEnvelope(envelope: Json & { envelope_id: string }): Promise<Json> {
    const text = JSON.stringify(envelope);
    this.unacked.set(envelope.envelope_id, text);
    const socket = [...this.sockets].at(-1);
    if (socket === undefined) throw new Error('no Socket Mode connection');
    socket.send(text);
    const ack = await this.waitFor(() =>
      this.acks.find((candidate) => candidate.envelope_id === envelope.envelope_id),
    );
    this.unacked.delete(envelope.envelope_id);
    return ack;
  }

  /** Asks the client to reconnect, as Slack does when it refreshes a connection. */
  requestReconnect(): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ type: 'disconnect' }));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) if (waiter()) this.waiters.delete(waiter);
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('message', (data: Buffer) => {
      this.acks.push(JSON.parse(data.toString('utf8')) as Json);
      this.notify();
    });
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.notify();
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1 }));
    for (const text of this.unacked.values()) socket.send(text);
    this.notify();
  }

  private takeLimit(method: string): number | undefined {
    const limit = this.limits.get(method);
    if (limit === undefined || limit.times === 0) return undefined;
    limit.times -= 1;
    return limit.retryAfter;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const path = request.url ?? '';
    if (path.startsWith('/api/')) return this.api(path.slice(5), request, raw, response);
    if (path.startsWith('/response/')) return this.responsePost(path, raw, response);
    if (path.startsWith('/upload/')) {
      this.uploads.push({ id: path.slice(8), body: raw });
      this.notify();
      response.writeHead(200).end('OK - uploaded');
      return;
    }
    response.writeHead(404).end();
  }

  private responsePost(path: string, raw: Buffer, response: ServerResponse): void {
    const retryAfter = this.takeLimit('response_url');
    const post = { id: path.slice(10), body: JSON.parse(raw.toString('utf8')) as Json };
    this.responsePosts.push({ ...post, limited: retryAfter !== undefined });
    this.notify();
    if (retryAfter !== undefined) {
      response.writeHead(429, { 'retry-after': String(retryAfter) }).end('rate_limited');
      return;
    }
    response.writeHead(200).end('ok');
  }

  private async api(
    method: string,
    request: IncomingMessage,
    raw: Buffer,
    response: ServerResponse,
  ): Promise<void> {
    const args = parseArgs(raw, request.headers['content-type'] ?? '');
    const retryAfter = this.takeLimit(method);
    const authorization = request.headers.authorization;
    this.calls.push({ method, args, authorization, limited: retryAfter !== undefined });
    if (retryAfter !== undefined) {
      this.notify();
      sendJson(response, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': retryAfter });
      return;
    }
    const failure = this.failures.get(method);
    const answer =
      failure !== undefined && failure.times > 0
        ? { ok: false, error: failure.error }
        : await this.answer(method, args);
    if (failure !== undefined) failure.times -= 1;
    this.notify();
    sendJson(response, 200, answer);
  }

  private async connectionsOpen(): Promise<Json> {
    const held = this.held;
    this.held = undefined;
    held?.asked();
    const outcome = held === undefined ? 'url' : await held.decision;
    return outcome === 'url'
      ? { ok: true, url: `ws://127.0.0.1:${this.port()}/socket` }
      : { ok: false, error: 'invalid_auth' };
  }

  private port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  private userInfo(id: string): Json {
    const user = this.users.get(id) ?? { id, name: id };
    return {
      ok: true,
      user: {
        id,
        name: user.name,
        is_admin: user.isAdmin === true,
        is_owner: user.isOwner === true,
        profile: { display_name: user.name, real_name: user.name },
      },
    };
  }

  private async answer(method: string, args: Json): Promise<Json> {
    const channel = typeof args.channel === 'string' ? args.channel : 'C0';
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'inchannel' };
      case 'users.info':
        return this.userInfo(String(args.user));
      case 'chat.postMessage':
      case 'chat.update':
        return { ok: true, channel, ts: args.ts ?? `${Date.now() / 1000}${this.counter++}` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: this.nextId('V'), hash: this.nextId('h') } };
      case 'files.getUploadURLExternal': {
        const fileId = this.nextId('F');
        return { ok: true, upload_url: `${this.base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: args.files };
      case 'apps.connections.open':
        return this.connectionsOpen();
      default:
        return { ok: true };
    }
  }
}
