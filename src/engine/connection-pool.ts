import type { Host } from '../core/inventory.js';
import type { HostSession } from '../core/host-session.js';
import type { Transport } from '../core/transport.js';
import { HostSessionSlot } from './host-session-slot.js';

export type Connect = (host: Host) => Promise<Transport>;

/**
 * One connection per host for the whole run: opened on first use, reused by every play and task, closed at the
 * end. A failed connect is remembered, so an unreachable host is not retried by every later task. Each host's
 * session (its CLI session on that connection) lives here too, and is closed before the connection.
 */
export class ConnectionPool {
  private readonly open = new Map<string, Promise<Transport>>();
  private readonly sessions = new Map<string, HostSessionSlot>();

  constructor(private readonly connect: Connect) {}

  get(host: Host): Promise<Transport> {
    let conn = this.open.get(host.name);
    if (!conn) {
      conn = this.connect(host);
      // Keep the rejection observed here; callers still see it through the returned promise.
      conn.catch(() => undefined);
      this.open.set(host.name, conn);
    }
    return conn;
  }

  /** A fresh connection that the pool does not keep (the caller closes it). */
  fresh(host: Host): Promise<Transport> {
    return this.connect(host);
  }

  /** What `host` keeps for the run on its connection. */
  session(host: Host): HostSession {
    let slot = this.sessions.get(host.name);
    if (!slot) {
      slot = new HostSessionSlot();
      this.sessions.set(host.name, slot);
    }
    return slot;
  }

  async closeAll(): Promise<void> {
    const slots = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(slots.map((s) => s.close()));
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.close().catch(() => undefined)));
  }
}
