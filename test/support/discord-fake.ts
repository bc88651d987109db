// A fake Discord (REST API and Gateway) on 127.0.0.1 for driving the real discord.js client.
// It records every request, keeps the messages the bot creates and edits so tests can press
// their buttons, serves attachment downloads, and can answer a route with a 429 once.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FakeGateway } from './discord-gateway.js';
import { IDS, snowflake } from './discord-payloads.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: Record<string, unknown>;
  files: Array<{ name: string; text: string }>;
  /** The status the fake answered with. */
  status: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  flags: number;
  content: string;
  embeds: Array<Record<string, unknown>>;
  components: Array<Record<string, unknown>>;
  attachments: Array<{ filename: string; text: string }>;
}

interface InteractionRecord {
  id: string;
  token: string;
  sourceMessageId?: string;
  originalMessageId?: string;
  /** The message this interaction's answers touched last: reply, original or follow-up. */
  lastMessageId?: string;
  answered: boolean;
}

type Handler = (request: RecordedRequest) => { status: number; body?: unknown };

export const TOKEN = 'fake-bot-token.for-tests-only';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function formText(value: ReturnType<FormData['get']>): string {
  return typeof value === 'string' ? value : '{}';
}

async function parseBody(req: IncomingMessage, raw: Buffer) {
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: {}, files: [] };
  if (!type.startsWith('multipart/form-data')) {
    return { body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, files: [] };
  }
  const form = await new Request('http://fake/', {
    method: 'POST',
    headers: { 'content-type': type },
    body: raw,
  }).formData();
  const body = JSON.parse(formText(form.get('payload_json'))) as Record<string, unknown>;
  const files: RecordedRequest['files'] = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith('files[') && typeof value !== 'string') {
      files.push({ name: value.name, text: await value.text() });
    }
  }
  return { body, files };
}

export class FakeDiscord extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, FakeMessage>();
  readonly gateway: FakeGateway;
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly files = new Map<string, string>();
  private readonly overrides: Array<{ match: RegExp; handler: Handler }> = [];
  private port = 0;

  private constructor(private readonly http: Server) {
    super();
    // Every interaction in flight waits on 'request'; benchmarks have hundreds at once.
    this.setMaxListeners(0);
    this.gateway = new FakeGateway(http, {
      url: () => this.gatewayUrl,
      ready: (sessionId) => this.readyPayload(sessionId),
      guild: () => this.guildPayload(),
    });
  }

  static async start(): Promise<FakeDiscord> {
    const holder: { fake?: FakeDiscord } = {};
    const http = createServer((req, res) => {
      holder.fake?.serve(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    const fake = new FakeDiscord(http);
    holder.fake = fake;
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    fake.port = (http.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Serves a file as Discord's CDN would and returns its URL. */
  serveFile(name: string, text: string): string {
    const key = `${snowflake()}/${name}`;
    this.files.set(key, text);
    return `http://127.0.0.1:${this.port}/attachments/${key}`;
  }

  /** Answers the next request whose path matches with `handler` instead of the usual route. */
  answerOnce(match: RegExp, handler: Handler): void {
    this.overrides.push({ match, handler });
  }

  /** Sends an interaction over the gateway and notes it so callbacks can be matched to it. */
  interact(payload: { id: string; token: string; message?: { id: string } }): void {
    this.interactions.set(payload.token, {
      id: payload.id,
      token: payload.token,
      ...(payload.message === undefined ? {} : { sourceMessageId: payload.message.id }),
      answered: false,
    });
    this.gateway.dispatch('INTERACTION_CREATE', payload);
  }

  /** The message an interaction's answer created or updated (its `@original`). */
  messageFor(token: string): FakeMessage | undefined {
    const id = this.interactions.get(token)?.lastMessageId;
    return id === undefined ? undefined : this.messages.get(id);
  }

  /** The first recorded request (from `from` on) that matches, waiting for it if need be. */
  async waitFor(match: (r: RecordedRequest) => boolean, from = 0): Promise<RecordedRequest> {
    const found = this.requests.slice(from).find(match);
    if (found !== undefined) return found;
    return new Promise((resolve) => {
      const listener = (request: RecordedRequest) => {
        if (!match(request)) return;
        this.off('request', listener);
        resolve(request);
      };
      this.on('request', listener);
    });
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const raw = await readBody(req);
    if (path.startsWith('/attachments/')) return this.download(path, res);

    const { body, files } = await parseBody(req, raw);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: path.replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body,
      files,
      status: 0,
    };
    const answer = this.answer(request);
    request.status = answer.status;
    this.requests.push(request);
    this.emit('request', request);
    if (answer.body === undefined) {
      res.writeHead(answer.status).end();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }

  private download(path: string, res: ServerResponse): void {
    const text = this.files.get(path.slice('/attachments/'.length));
    res.writeHead(text === undefined ? 404 : 200, { 'content-type': 'text/plain' });
    res.end(text ?? 'not found');
  }

  private answer(request: RecordedRequest): { status: number; body?: unknown } {
    const override = this.overrides.findIndex((o) => o.match.test(request.path));
    if (override >= 0) {
      const [taken] = this.overrides.splice(override, 1);
      if (taken !== undefined) return taken.handler(request);
    }
    const { method, path } = request;
    if (method === 'GET' && path === '/gateway/bot') return this.gatewayBot(request);
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return this.commands(request);
    }
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (method === 'POST' && callback) return this.callback(callback[2] ?? '', request);
    const original = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(path);
    if (method === 'PATCH' && original) return this.editOriginal(original[1] ?? '', request);
    const followUp = /^\/webhooks\/\d+\/([^/]+)$/.exec(path);
    if (method === 'POST' && followUp) return this.followUp(followUp[1] ?? '', request);
    const channel = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channel) return { status: 200, body: this.create(request) };
    return { status: 404, body: { message: 'Unknown route', code: 0 } };
  }

  private authorized(request: RecordedRequest): boolean {
    return request.authorization === `Bot ${TOKEN}`;
  }

  private gatewayBot(request: RecordedRequest) {
    if (!this.authorized(request))
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    const limit = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 };
    return { status: 200, body: { url: this.gatewayUrl, shards: 1, session_start_limit: limit } };
  }

  private commands(request: RecordedRequest) {
    if (!this.authorized(request))
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    const list = request.body as unknown as Array<Record<string, unknown>>;
    const registered = list.map((command) => ({
      ...command,
      id: snowflake(),
      application_id: IDS.application,
      version: snowflake(),
    }));
    return { status: 200, body: registered };
  }

  private callback(token: string, request: RecordedRequest) {
    const record = this.interactions.get(token);
    if (record === undefined)
      return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    if (record.answered) {
      return {
        status: 400,
        body: { message: 'Interaction has already been acknowledged.', code: 40060 },
      };
    }
    record.answered = true;
    const type = request.body.type as number;
    const data = (request.body.data ?? {}) as Record<string, unknown>;
    if (type === 4 || type === 5)
      record.originalMessageId = this.create({ ...request, body: data }).id;
    const source = record.sourceMessageId;
    if ((type === 6 || type === 7) && source !== undefined) record.originalMessageId = source;
    if (record.originalMessageId !== undefined) record.lastMessageId = record.originalMessageId;
    if (type === 7 && source !== undefined) this.edit(source, { ...request, body: data });
    return { status: 204 };
  }

  private editOriginal(token: string, request: RecordedRequest) {
    const record = this.interactions.get(token);
    const id = record?.originalMessageId;
    if (record === undefined || id === undefined) {
      return { status: 404, body: { message: 'Unknown message', code: 10008 } };
    }
    record.lastMessageId = id;
    return { status: 200, body: this.edit(id, request) };
  }

  private followUp(token: string, request: RecordedRequest) {
    const record = this.interactions.get(token);
    if (record === undefined)
      return { status: 404, body: { message: 'Unknown webhook', code: 10015 } };
    const message = this.create(request);
    record.lastMessageId = message.id;
    return { status: 200, body: message };
  }

  private create(request: RecordedRequest): Record<string, unknown> & { id: string } {
    const message: FakeMessage = {
      id: snowflake(),
      channel_id: IDS.channel,
      flags: 0,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
    };
    this.messages.set(message.id, message);
    return this.edit(message.id, request);
  }

  private edit(id: string, request: RecordedRequest): Record<string, unknown> & { id: string } {
    const message = this.messages.get(id) as FakeMessage;
    const body = request.body as Partial<FakeMessage> & { attachments?: unknown[] };
    if (body.content !== undefined) message.content = body.content;
    if (body.embeds !== undefined) message.embeds = body.embeds;
    if (body.components !== undefined) message.components = body.components;
    if (body.flags !== undefined) message.flags = body.flags;
    if (body.attachments !== undefined) {
      message.attachments = request.files.map((file) => ({ filename: file.name, text: file.text }));
    }
    return { ...message, ...this.messageExtras(message) };
  }

  private messageExtras(message: FakeMessage) {
    return {
      type: 0,
      author: {
        id: IDS.bot,
        username: 'inchannel',
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
      },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      attachments: message.attachments.map((file, index) => ({
        id: String(index),
        filename: file.filename,
        size: file.text.length,
        url: 'http://127.0.0.1/unused',
        proxy_url: 'http://127.0.0.1/unused',
      })),
    };
  }

  private readyPayload(sessionId: string): Record<string, unknown> {
    return {
      v: 10,
      user: {
        id: IDS.bot,
        username: 'inchannel',
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
      },
      guilds: [{ id: IDS.guild, unavailable: true }],
      session_id: sessionId,
      resume_gateway_url: this.gatewayUrl,
      application: { id: IDS.application, flags: 0 },
      shard: [0, 1],
    };
  }

  private guildPayload(): Record<string, unknown> {
    const role = (id: string, name: string, permissions: string) => ({
      id,
      name,
      permissions,
      position: 0,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
      icon: null,
      unicode_emoji: null,
    });
    return {
      id: IDS.guild,
      name: 'Annotation Lab',
      owner_id: IDS.owner,
      channels: [{ id: IDS.channel, type: 0, name: 'annotation', position: 0 }],
      roles: [role(IDS.guild, '@everyone', '0'), role(IDS.adminRole, 'inchannel-admin', '0')],
      members: [],
      member_count: 3,
      emojis: [],
      stickers: [],
      features: [],
    };
  }
}
