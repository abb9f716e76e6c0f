import type { Host } from '../core/inventory.js';
import type { Transport } from '../core/transport.js';

export type Connect = (host: Host) => Promise<Transport>;

/**
 * One connection per host for the whole run: opened on first use, reused by every play and task, closed at the
 * end. A failed connect is remembered, so an unreachable host is not retried by every later task.
 */
export class ConnectionPool {
  private readonly open = new Map<string, Promise<Transport>>();

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

  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.close().catch(() => undefined)));
  }
}
