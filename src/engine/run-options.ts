import type { Clock } from '../core/clock.js';
import type { Inventory } from '../core/inventory.js';
import type { Site } from '../core/site.js';
import type { Playbook } from '../core/playbook.js';
import type { Connect } from './connection-pool.js';
import type { ModuleRegistry } from './module-registry.js';
import type { Reporter, RunPlan } from '../core/run.js';

export interface RunOptions {
  readonly inventory: Inventory;
  readonly site: Site;
  readonly playbook: Playbook;
  readonly modules: ModuleRegistry;
  readonly connect: Connect;
  readonly reporter: Reporter;
  readonly runId: string;
  readonly limit?: string;
  readonly tags?: readonly string[];
  /** Hosts worked on at once (default 50). */
  readonly forks: number;
  /** Aborted on Ctrl-C: no new work starts; in-flight steps finish or roll back. */
  readonly signal: AbortSignal;
  /** The modules' clock (default: real time). */
  readonly clock?: Clock;
}

export interface ApplyOptions extends RunOptions {
  /** The plan the user reviewed; a host whose fresh plan differs is not changed (the state moved since). */
  readonly approved?: RunPlan;
  /** Check mode: plan per play and report, change nothing. */
  readonly check?: boolean;
}
