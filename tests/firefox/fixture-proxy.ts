import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { FixtureAnswer, FixtureRequest } from '../support/fixture-routes';
import { selfSignedCert } from './self-signed-cert';

/** The fixture that answers requests to `hostname`; undefined: the host is not a fixture's. */
export type FixtureFor = (hostname: string) => ((url: URL, req?: FixtureRequest) => FixtureAnswer) | undefined;

/** Node's request headers as the fixtures take them: one string per (lower-case) name. */
const flatHeaders = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]])));

export interface FixtureProxy {
  port: number;
  /** `host:port` of every connection or request refused (any host that is not a fixture's), in order. */
  refused: string[];
  /** Every request the fixture server answered, in order, with its headers. */
  served: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/**
 * The Firefox suite's network: an HTTP proxy that hands CONNECTs to fixture hosts (port 443) to an
 * in-process HTTPS server answering from the fixtures, and refuses every other connection, counting it.
 * Firefox is pointed at it for http and https, so nothing reaches the real network.
 */
export async function startFixtureProxy(fixtureFor: FixtureFor, certHosts: string[]): Promise<FixtureProxy> {
  const refused: string[] = [];
  const served: FixtureProxy['served'] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // Firefox drops connections as it pleases (e.g. on quit).
  };

  const https = createHttpsServer(selfSignedCert(certHosts), (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const answer = fixtureFor(url.hostname);
    if (!answer) {
      refused.push(`${url.hostname}:${url.port || 443}`);
      res.writeHead(421).end();
      return;
    }
    served.push({ url: url.href, headers: req.headers });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
      const { status, headers, body: answered } = answer(url, { method: req.method ?? 'GET', headers: flatHeaders(req.headers), body });
      res.writeHead(status, headers).end(answered);
    });
  });
  https.on('tlsClientError', () => undefined);

  const proxy = createHttpServer((req, res) => {
    // A plain-http request through the proxy: never served.
    const url = new URL(req.url ?? '/', 'http://unknown');
    refused.push(`${url.hostname}:${url.port || 80}`);
    res.writeHead(403).end();
  });
  proxy.on('connection', track);
  proxy.on('connect', (req, socket: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const [host = '', port] = target.split(':');
    if (port !== '443' || !fixtureFor(host)) {
      refused.push(target);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    https.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    refused,
    served,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(resolve));
      https.close();
    },
  };
}
