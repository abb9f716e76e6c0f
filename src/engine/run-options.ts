import type { Clock } from '../core/clock.js';
import type { Inventory } from '../core/inventory.js';
import type { RunIdentity } from '../core/run-identity.js';
import type { Site } from '../core/site.js';
import type { Playbook } from '../core/playbook.js';
import type { Connect } from './connection-pool.js';
import type { ForkLimit } from './fork-limit.js';
import type { InFlight } from './in-flight.js';
import type { ModuleRegistry } from './module-registry.js';
import type { InputDigests, Reporter, RunPlan } from '../core/run.js';

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
  /** A fork budget shared with other runs (the sites of a fleet run); without it, the run has its own of `forks`. */
  readonly forkLimit?: ForkLimit;
  /** Aborted on Ctrl-C: no new work starts; in-flight steps finish or roll back. */
  readonly signal: AbortSignal;
  /** The modules' clock (default: real time). */
  readonly clock?: Clock;
  /** The acp-play version, written into the plan. */
  readonly toolVersion?: string;
  /** Digests of the inventory, playbook and templates, written into the plan. */
  readonly inputs?: InputDigests;
  /** Where the work in flight is tracked (what a second Ctrl-C lists). */
  readonly inFlight?: InFlight;
  /** This run as its safety nets on devices name it. */
  readonly identity?: RunIdentity;
}

export interface ApplyOptions extends RunOptions {
  /**
   * The plan the user reviewed. `apply INVENTORY`: a host whose fresh plan differs is not changed. `apply PLANFILE`
   * (with `fromPlanFile`): exactly these changes are applied, with the desired states saved in it.
   */
  readonly approved?: RunPlan;
  /** The approved plan is a saved plan file: run its desired states, touch only its hosts with changes. */
  readonly fromPlanFile?: boolean;
  /** Check mode: plan per play and report, change nothing. */
  readonly check?: boolean;
}
