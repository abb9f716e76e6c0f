import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AcpError } from '../core/errors.js';
import { formatListenAddress, type ListenAddress } from './listen-address.js';

/** What the server answers with. */
export interface MetricsEndpoints {
  /** The Prometheus text exposition and its content type. */
  metrics(): Promise<{ readonly contentType: string; readonly body: string }>;
  health(): { readonly ok: boolean; readonly text: string };
}

/**
 * The watch's HTTP server: `GET /metrics` (Prometheus), `GET /healthz` (200 or 503 with a line saying why);
 * anything else is 404. Resolves with the address it listens on (the real port when asked for port 0).
 */
export async function startMetricsServer(
  listen: ListenAddress,
  endpoints: MetricsEndpoints,
): Promise<{ readonly address: ListenAddress; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/metrics') {
      endpoints.metrics().then(
        ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${(error as Error).message}\n`),
      );
      return;
    }
    if (path === '/healthz') {
      const { ok, text } = endpoints.health();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics or /healthz\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AcpError(`cannot listen on ${formatListenAddress(listen)}: ${error.code ?? error.message}`, {
          cause: error,
        }),
      ),
    );
    server.listen(listen.port, listen.host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  return {
    address: { host: listen.host, port: bound.port },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
