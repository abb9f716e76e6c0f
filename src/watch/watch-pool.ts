import { ConnectError } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { HostSession } from '../core/host-session.js';
import type { Transport } from '../core/transport.js';
import { ConnectionPool, type Connect } from '../engine/connection-pool.js';
import { HostSessionSlot } from '../engine/host-session-slot.js';
import { formatDuration } from './duration.js';

/** How a host that could not be dialled is tried again. */
export interface RedialBackoff {
  /** Wait after the first failed dial; doubles with each further failure. Default 1 s. */
  readonly firstMs: number;
  /** The longest wait between two dials. Default 5 min. */
  readonly maxMs: number;
}

/** What the pool tells about each dial (the watch counts them). */
export type DialListener = (host: Host, outcome: 'ok' | 'failed') => void;

interface Link {
  conn?: Transport;
  dialling?: Promise<Transport>;
  session: HostSessionSlot;
  failures: number;
  nextDialAt: number;
  lastError?: ConnectError;
}

/**
 * The watch's connections: one per host, kept open from round to round. A connection that closed (the device went
 * away, keepalives went unanswered) is dialled again on the next use; a failed dial waits a backoff before the next
 * (1 s, 2 s, 4 s, ... up to 5 min), so a dead host is not hammered. Every dial goes through the run's connect,
 * which checks the host key against known_hosts as it is on disk at that moment.
 */
export class WatchPool extends ConnectionPool {
  private readonly links = new Map<string, Link>();

  constructor(
    private readonly dial: Connect,
    private readonly backoff: RedialBackoff = { firstMs: 1_000, maxMs: 300_000 },
    private readonly onDial: DialListener = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    super(dial);
  }

  override get(host: Host): Promise<Transport> {
    const link = this.linkOf(host);
    if (link.conn?.isOpen !== false && link.conn) return Promise.resolve(link.conn);
    if (link.dialling) return link.dialling;
    if (link.conn) this.drop(link);
    const wait = link.nextDialAt - this.now();
    if (wait > 0 && link.lastError) {
      return Promise.reject(
        new ConnectError(
          host.name,
          `${stripPrefix(link.lastError.message, host.name)} (next dial in ${formatDuration(wait)})`,
          { cause: link.lastError },
        ),
      );
    }
    link.dialling = this.dial(host).then(
      (conn) => {
        Object.assign(link, { conn, failures: 0, nextDialAt: 0, dialling: undefined, lastError: undefined });
        this.onDial(host, 'ok');
        return conn;
      },
      (error: unknown) => {
        link.failures += 1;
        link.nextDialAt = this.now() + Math.min(this.backoff.firstMs * 2 ** (link.failures - 1), this.backoff.maxMs);
        link.lastError =
          error instanceof ConnectError
            ? error
            : new ConnectError(host.name, (error as Error).message, { cause: error });
        link.dialling = undefined;
        this.onDial(host, 'failed');
        throw link.lastError;
      },
    );
    return link.dialling;
  }

  /** True while the host's kept connection is open (false after it closed, and before the first dial). */
  isConnected(hostName: string): boolean {
    const conn = this.links.get(hostName)?.conn;
    return conn !== undefined && conn.isOpen !== false;
  }

  /** The host's session lives as long as its connection: a new connection starts a new session. */
  override session(host: Host): HostSession {
    return this.linkOf(host).session;
  }

  override async closeAll(): Promise<void> {
    const links = [...this.links.values()];
    this.links.clear();
    await Promise.all(
      links.map(async (link) => {
        await link.session.close();
        const conn = link.conn ?? (await link.dialling?.catch(() => undefined));
        await conn?.close().catch(() => undefined);
      }),
    );
  }

  private linkOf(host: Host): Link {
    let link = this.links.get(host.name);
    if (!link) {
      link = { session: new HostSessionSlot(), failures: 0, nextDialAt: 0 };
      this.links.set(host.name, link);
    }
    return link;
  }

  /** Forgets a connection that closed, and the CLI session that lived on it. */
  private drop(link: Link): void {
    const { conn, session } = link;
    link.conn = undefined;
    link.session = new HostSessionSlot();
    void session.close();
    void conn?.close().catch(() => undefined);
  }
}

/** `node1: connect failed: ECONNREFUSED` -> `ECONNREFUSED`, so a wrapped message names the host once. */
function stripPrefix(message: string, host: string): string {
  const prefix = `${host}: connect failed: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
