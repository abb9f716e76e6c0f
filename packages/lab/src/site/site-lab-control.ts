import { existsSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

/**
 * What `lab stop NODE` and `lab start NODE` ask the lab's background process, and `lab wire`: re-cable the lab as
 * the site says, with these miswirings (switch port -> the node NIC whose cable is in it).
 */
export type LabControlRequest =
  | { readonly action: 'stop' | 'start'; readonly device: string }
  | {
      readonly action: 'wire';
      readonly miswire: Readonly<Record<string, { readonly systemName: string; readonly portId: string }>>;
    };

/** Its answer: done, or why not. */
export type LabControlReply = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** The keeper's control socket: a Unix socket in the lab folder, so only who may read the lab may steer it. */
export function labControlPath(dir: string): string {
  return join(dir, 'keeper.sock');
}

/** Unix socket paths are limited to 107 bytes on Linux. */
const MAX_SOCKET_PATH = 107;

/** Serves one JSON request per connection, answered by `handle`. */
export async function serveLabControl(
  dir: string,
  handle: (request: LabControlRequest) => Promise<void>,
): Promise<Server> {
  const path = labControlPath(dir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH)
    throw new Error(`the lab folder's path is too long for its control socket (${path}): use a shorter --dir`);
  if (existsSync(path)) rmSync(path);
  const server = createServer((sock) => {
    let text = '';
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      text += chunk;
      if (!text.includes('\n')) return;
      const reply = (r: LabControlReply): void => void sock.end(`${JSON.stringify(r)}\n`);
      let request: LabControlRequest;
      try {
        request = JSON.parse(text.slice(0, text.indexOf('\n'))) as LabControlRequest;
      } catch {
        return reply({ ok: false, error: 'not a JSON request' });
      }
      handle(request).then(
        () => reply({ ok: true }),
        (error: unknown) => reply({ ok: false, error: (error as Error).message }),
      );
    });
    sock.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return server;
}

/** Sends one request to the keeper of the lab in `dir` and waits for its answer. */
export function sendLabControl(dir: string, request: LabControlRequest, timeoutMs = 15_000): Promise<LabControlReply> {
  return new Promise((resolve) => {
    const sock = connect(labControlPath(dir));
    let text = '';
    sock.setEncoding('utf8');
    sock.setTimeout(timeoutMs, () => {
      sock.destroy();
      resolve({ ok: false, error: `the lab process did not answer within ${timeoutMs / 1000} s` });
    });
    sock.on('connect', () => sock.write(`${JSON.stringify(request)}\n`));
    sock.on('data', (chunk: string) => (text += chunk));
    sock.on('end', () => {
      try {
        resolve(JSON.parse(text) as LabControlReply);
      } catch {
        resolve({ ok: false, error: `the lab process answered ${JSON.stringify(text)}` });
      }
    });
    sock.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, error: `cannot reach the lab process (${error.code ?? error.message})` }),
    );
  });
}
