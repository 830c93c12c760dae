import { connect, type Socket } from 'node:net';

/**
 * A minimal client for Marionette, Firefox's own automation protocol (no npm dependency).
 * Wire format: TCP, each message `LENGTH:JSON`; a request is `[0, id, command, params]`, an answer
 * `[1, id, error, result]`; Firefox speaks first with a hello object.
 */
export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; command: string }>();
  private hello?: (msg: unknown) => void;
  private closed?: Error;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('Marionette connection closed')));
  }

  /** Connects to a running Firefox and waits for its hello. */
  static async connect(port: number, host = '127.0.0.1'): Promise<Marionette> {
    const socket = connect(port, host);
    const client = new Marionette(socket);
    await new Promise<void>((resolve, reject) => {
      client.hello = () => resolve();
      socket.once('error', reject);
    });
    return client;
  }

  /** Sends one command and resolves with its result; a Marionette error rejects with its message. */
  send<T = unknown>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const json = JSON.stringify([0, id, command, params]);
    this.socket.write(`${Buffer.byteLength(json)}:${json}`);
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, command }));
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.onMessage(message);
    }
  }

  private onMessage(message: unknown) {
    if (!Array.isArray(message)) {
      this.hello?.(message);
      this.hello = undefined;
      return;
    }
    const [, id, error, result] = message as [1, number, { error: string; message: string } | null, unknown];
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (error) waiting.reject(new Error(`Marionette ${waiting.command}: ${error.error}: ${error.message}`));
    else waiting.resolve(result);
  }

  private fail(e: Error) {
    this.closed ??= e;
    for (const { reject } of this.pending.values()) reject(e);
    this.pending.clear();
  }
}
