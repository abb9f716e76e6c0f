import type { HostSession, SessionResource } from '../core/host-session.js';

/** The engine's HostSession of one host for one run: the host's one session resource, and its sequence. */
export class HostSessionSlot implements HostSession {
  private kept: Promise<SessionResource> | undefined;
  private sequence = 0;

  async reuse<T extends SessionResource>(open: () => Promise<T>): Promise<T> {
    if (this.kept) {
      const kept = await this.kept.catch(() => undefined);
      if (kept?.isUsable) return kept as T;
    }
    // Kept before the first await, so a second step asking at once waits for this one instead of opening another.
    const opening = open();
    this.kept = opening;
    return opening;
  }

  nextSequence(): number {
    return ++this.sequence;
  }

  /** Closes the session resource, if one was opened; a failure to close is not the run's failure. */
  async close(): Promise<void> {
    const kept = await this.kept?.catch(() => undefined);
    this.kept = undefined;
    await kept?.close().catch(() => undefined);
  }
}
