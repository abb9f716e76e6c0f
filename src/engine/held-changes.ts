import type { Held } from '../core/change.js';
import { AcpError } from '../core/errors.js';

/** A task kept changes back (a miswired port): the rest of it ran, and the host fails so the run exits 1. */
export class HeldError extends AcpError {}

/** `Ethernet1/7 not changed: switch1 Ethernet1/7 sees node2:enp4s0f0; the inventory says node1:enp4s0f0`. */
export function heldMessage(held: readonly Held[]): string {
  return held.map((h) => `${h.resource} not changed: ${h.reason}`).join('; ');
}
