// The fake Discord Gateway: HELLO, heartbeat ACKs, IDENTIFY -> READY + GUILD_CREATE, RESUME with
// replay of every dispatch the client missed, RECONNECT (op 7) and dropped sockets on demand.
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';

import { WebSocket, WebSocketServer } from 'ws';

const OP = {
  dispatch: 0,
  heartbeat: 1,
  identify: 2,
  resume: 6,
  reconnect: 7,
  hello: 10,
  heartbeatAck: 11,
} as const;

interface Frame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export interface GatewayIdentity {
  url: () => string;
  ready: (sessionId: string) => Record<string, unknown>;
  guild: () => Record<string, unknown>;
}

export class FakeGateway extends EventEmitter {
  readonly server: WebSocketServer;
  private socket: WebSocket | undefined;
  private history: Frame[] = [];
  private sequence = 0;
  private sessionCount = 0;
  identifies = 0;
  resumes = 0;

  constructor(
    http: Server,
    private readonly identity: GatewayIdentity,
  ) {
    super();
    this.server = new WebSocketServer({ server: http });
    this.server.on('connection', (socket) => this.accept(socket));
  }

  /** Sends a dispatch now if connected; either way it is kept for a resume to replay. */
  dispatch(t: string, d: unknown): void {
    this.sequence += 1;
    const frame: Frame = { op: OP.dispatch, t, s: this.sequence, d };
    this.history.push(frame);
    this.send(frame);
  }

  /** Asks the client to reconnect and resume (op 7), as Discord does before maintenance. */
  requestReconnect(): void {
    this.send({ op: OP.reconnect, d: null, s: null, t: null });
  }

  /** Drops the connection without a close frame, as a network failure would. */
  drop(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }

  private send(frame: Frame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private accept(socket: WebSocket): void {
    this.socket = socket;
    socket.on('message', (raw) =>
      this.receive(socket, JSON.parse((raw as Buffer).toString('utf8')) as Frame),
    );
    socket.send(
      JSON.stringify({ op: OP.hello, d: { heartbeat_interval: 41_250 }, s: null, t: null }),
    );
  }

  private receive(socket: WebSocket, frame: Frame): void {
    if (frame.op === OP.heartbeat) {
      socket.send(JSON.stringify({ op: OP.heartbeatAck, d: null, s: null, t: null }));
    }
    if (frame.op === OP.identify) this.identify();
    if (frame.op === OP.resume) this.resume(frame.d as { seq: number });
  }

  private identify(): void {
    this.identifies += 1;
    this.sessionCount += 1;
    this.history = [];
    this.sequence = 0;
    this.dispatch('READY', this.identity.ready(`session-${this.sessionCount}`));
    this.dispatch('GUILD_CREATE', this.identity.guild());
    this.emit('identify');
  }

  private resume(resume: { seq: number }): void {
    this.resumes += 1;
    for (const frame of this.history.filter((f) => (f.s ?? 0) > resume.seq)) this.send(frame);
    this.dispatch('RESUMED', {});
    this.emit('resumed');
  }
}
