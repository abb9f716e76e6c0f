import { ApplyError } from '../core/errors.js';
import type { ModulePlan, TaskContext, TaskModule } from '../core/module.js';
import type { Host } from '../core/inventory.js';
import type { Site, SwitchModel } from '../core/site.js';
import type { DriverContext, SwitchDriver } from './switch-driver.js';
import { MISSING_DRIVER_REASON, SWITCH_DRIVERS } from './switch-drivers.js';
import { withCumulusPins } from './cumulus/cumulus-pins.js';
import { planSwitch, type SwitchPlan } from './switch-plan.js';
import type { SwitchState } from './switch-state.js';

/** The desired state of one switch for one task. */
export interface SwitchDesired {
  readonly model: SwitchModel;
  /** The site's VLAN ids: the only ones `prune` and merge ports may touch. */
  readonly managedVlans: readonly number[];
  readonly prune: boolean;
  /** Copy running-config to startup-config after the commit (task arg `save`, else the inventory's switch.save). */
  readonly save: boolean;
  readonly configureArchive: boolean;
}

type Scope = 'vlans' | 'ports';

const isVlanResource = (resource: string): boolean => /^vlan \d+$/.test(resource);

function switchOf(host: Host, site: Site): SwitchModel | undefined {
  return site.switches.find((s) => s.name === host.name);
}

function driverOf(model: SwitchModel): SwitchDriver<unknown> {
  const driver = SWITCH_DRIVERS[model.platform];
  if (!driver) throw new Error(`${model.name}: no driver for ${model.platform}`); // unsupported() keeps this unreachable
  return driver;
}

/** Seconds from a host var (Ansible's `ansible_command_timeout` is understood), as ms. */
function secondsVar(host: Host, names: readonly string[], fallback: number): number {
  for (const name of names) {
    const v = host.vars[name];
    if (typeof v === 'number' && v > 0) return v * 1000;
  }
  return fallback * 1000;
}

function driverContext(ctx: TaskContext, desired?: SwitchDesired): DriverContext {
  return {
    host: ctx.host,
    runId: ctx.runId,
    note: (text) => ctx.note(text),
    timeouts: {
      commandMs: secondsVar(ctx.host, ['command_timeout', 'ansible_command_timeout'], 30),
      slowMs: secondsVar(ctx.host, ['slow_command_timeout'], 300),
    },
    configureArchive: desired?.configureArchive ?? ctx.task.args['configure_archive'] === true,
  };
}

/** A switch module's plan; Cumulus adds the whole desired interfaces file. */
export interface SwitchModulePlan extends ModulePlan {
  readonly document?: string;
}

/** Keeps what the module owns: VLAN definitions (`switch_vlans`) or ports (`switch_ports`). */
function scoped(scope: Scope, plan: SwitchPlan): SwitchModulePlan {
  const keep = (resource: string) => (scope === 'vlans') === isVlanResource(resource);
  const changes = plan.changes.filter((c) => keep(c.resource));
  const inSync = plan.inSync.filter((s) => keep(s.resource));
  return plan.document !== undefined && changes.length > 0
    ? { changes, inSync, document: plan.document }
    : { changes, inSync };
}

/**
 * Plans one module's scope. Cumulus writes one file for both scopes, so the file a scope renders must hold only that
 * scope's changes: `switch_ports` plans with no VLAN definitions of its own (the bridge keeps its `bridge-vids`).
 */
function planScope(scope: Scope, desired: SwitchDesired, current: SwitchState): SwitchModulePlan {
  const isCumulus = desired.model.platform === 'cumulus';
  const model = isCumulus && scope === 'ports' ? { ...desired.model, vlans: [] } : desired.model;
  const plan = scoped(
    scope,
    planSwitch(model, current, {
      prune: desired.prune,
      managedVlans: desired.managedVlans,
      ...(isCumulus && current.interfacesFile ? { cumulusDocument: current.interfacesFile } : {}),
    }),
  );
  return isCumulus && scope === 'vlans' && current.interfacesFile ? withCumulusPins(plan, current) : plan;
}

/**
 * `switch_vlans` / `switch_ports` on every switch platform: render the switch's desired state from the site model,
 * gather and plan with the shared planner, and change the device through its platform driver under the platform's
 * safety mechanism. The runner verifies by gathering again (the re-plan must be empty) before `commit`.
 */
function switchModule(
  name: 'switch_vlans' | 'switch_ports',
  scope: Scope,
): TaskModule<SwitchDesired, SwitchState, unknown> {
  return {
    name,
    unsupported(host, site) {
      const model = switchOf(host, site);
      if (!model)
        return `${host.name} is not a switch in the site model (${name} configures cisco_nxos, arista_eos, cisco_ios and cumulus switches)`;
      if (SWITCH_DRIVERS[model.platform]) return undefined;
      return MISSING_DRIVER_REASON[model.platform] ?? `no driver for platform ${model.platform} yet`;
    },
    render(ctx) {
      const model = switchOf(ctx.host, ctx.site)!;
      const args = ctx.task.args;
      const managed = new Set([...ctx.site.vlans.map((v) => v.id), ...model.vlans.map((v) => v.id)]);
      return {
        model: scope === 'vlans' ? { ...model, ports: [] } : model,
        managedVlans: [...managed].sort((a, b) => a - b),
        prune: scope === 'vlans' && args['prune'] === true,
        save: typeof args['save'] === 'boolean' ? args['save'] : model.save,
        configureArchive: args['configure_archive'] === true,
      };
    },
    gather(conn, desired, ctx) {
      return driverOf(desired.model).gather(conn, driverContext(ctx, desired));
    },
    plan(desired, current) {
      return planScope(scope, desired, current);
    },
    async begin(conn, ctx) {
      const model = switchOf(ctx.host, ctx.site)!;
      try {
        return await driverOf(model).begin(conn, driverContext(ctx));
      } catch (error) {
        // Nothing has changed yet: fail the host without a rollback.
        if (error instanceof ApplyError) throw error;
        throw new ApplyError(ctx.host.name, 'begin', (error as Error).message, false, { cause: error });
      }
    },
    async apply(conn, plan, desired, ctx, txn) {
      await driverOf(desired.model).apply(
        conn,
        plan.changes,
        driverContext(ctx, desired),
        txn,
        (plan as SwitchModulePlan).document,
      );
    },
    async commit(conn, ctx, txn) {
      const model = switchOf(ctx.host, ctx.site)!;
      const driver = driverOf(model);
      const dctx = driverContext(ctx);
      await driver.commit(conn, dctx, txn);
      const save = typeof ctx.task.args['save'] === 'boolean' ? ctx.task.args['save'] : model.save;
      if (!save) return;
      try {
        await driver.save(conn, dctx);
      } catch (error) {
        // The change is good and committed; only the copy to startup-config failed, so there is nothing to roll back.
        throw new ApplyError(
          ctx.host.name,
          'save',
          `${(error as Error).message} (the change is committed in running-config but NOT saved to startup-config)`,
          false,
          { cause: error },
        );
      }
    },
    async rollback(conn, ctx, txn) {
      return driverOf(switchOf(ctx.host, ctx.site)!).rollback(conn, driverContext(ctx), txn);
    },
  };
}

export const switchVlansModule = switchModule('switch_vlans', 'vlans');
export const switchPortsModule = switchModule('switch_ports', 'ports');
