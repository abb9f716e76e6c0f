import type { Held } from '../core/change.js';
import { ApplyError, InternalError } from '../core/errors.js';
import type { Host } from '../core/inventory.js';
import type { ModulePlan, TaskContext, TaskModule } from '../core/module.js';
import type { PlatformCatalog } from '../core/platform.js';
import type { Site, SwitchModel } from '../core/site.js';
import { wordList } from '../inventory/word-list.js';
import { moduleArgs } from '../playbook/module-args.js';
import type { Heard } from '../cabling/compare-cabling.js';
import { portsOfStage, type PortStage } from '../cabling/port-roles.js';
import { normaliseInterfaceName } from './interface-names.js';
import type { PlatformSpec } from './platform-spec.js';
import type { DriverContext, DriverTimeouts, SwitchCurrent, SwitchPlan } from './switch-driver.js';
import { switchFacts } from './switch-facts.js';
import { completeSwitchPlan, planSwitch } from './switch-plan.js';
import { recordOwnership } from './switch-ownership.js';
import type { SwitchSpec } from './switch-spec.js';
import { compareSwitchStates } from './switch-state-compare.js';
import { holdMiswired, portsFacingNodes, readHeard, touchesFacingPort } from './switch-cabling-guard.js';

/** The desired state of one switch for one task. */
export interface SwitchDesired {
  readonly model: SwitchModel;
  /** The site's VLAN ids: with the switch's owned VLANs, the only ones merge ports may touch. */
  readonly managedVlans: readonly number[];
  /** Remove owned VLAN definitions the inventory no longer lists (`switch_vlans`; `prune: false` keeps them). */
  readonly prune: boolean;
  /** Every port the inventory configures on the switch (the model above holds one half: VLANs or ports). */
  readonly inventoryPorts: readonly string[];
  /** Copy running-config to startup-config after the commit (task arg `save`, else the inventory's switch.save). */
  readonly save: boolean;
  /** Which of the inventory's ports this task configures (`switch_ports` arg `ports`: day0, day1, all). */
  readonly stage: PortStage;
}

/** What `switch_ports` gathers: the switch, and its LLDP neighbours when a port facing a node is about to change. */
type GatheredSwitch = SwitchCurrent<unknown> & { readonly heard?: Heard };

type Scope = 'vlans' | 'ports';
type SwitchModuleName = 'switch_vlans' | 'switch_ports';

const SCOPES: Readonly<Record<SwitchModuleName, Scope>> = { switch_vlans: 'vlans', switch_ports: 'ports' };

const isVlanResource = (resource: string): boolean => /^vlan \d+$/.test(resource);

function switchOf(host: Host, site: Site): SwitchModel | undefined {
  return site.switches.find((s) => s.name === host.name);
}

/** Seconds from a host var (Ansible's `ansible_command_timeout` is understood), as ms. */
function secondsVar(host: Host, names: readonly string[], fallback: number): number {
  for (const name of names) {
    const v = host.vars[name];
    if (typeof v === 'number' && v > 0) return v * 1000;
  }
  return fallback * 1000;
}

/** A host's command timeouts: `command_timeout` (Ansible's `ansible_command_timeout`), `slow_command_timeout`. */
export function hostTimeouts(host: Host): DriverTimeouts {
  return {
    commandMs: secondsVar(host, ['command_timeout', 'ansible_command_timeout'], 30),
    slowMs: secondsVar(host, ['slow_command_timeout'], 300),
  };
}

function driverContext(ctx: TaskContext, name: SwitchModuleName): DriverContext {
  return {
    host: ctx.host,
    runId: ctx.runId,
    note: (text) => ctx.note(text),
    timeouts: hostTimeouts(ctx.host),
    args: moduleArgs(ctx.task, name),
    session: ctx.session,
    ...(ctx.run ? { run: ctx.run } : {}),
  };
}

/** Keeps what the module owns: VLAN definitions (`switch_vlans`) or ports (`switch_ports`). */
function scoped(scope: Scope, plan: SwitchPlan): SwitchPlan & ModulePlan {
  const keep = (resource: string) => (scope === 'vlans') === isVlanResource(resource);
  const changes = plan.changes.filter((c) => keep(c.resource));
  const inSync = plan.inSync.filter((s) => keep(s.resource));
  return plan.document !== undefined && changes.length > 0
    ? { changes, inSync, document: plan.document }
    : { changes, inSync };
}

/**
 * `switch_vlans` / `switch_ports` on every switch platform of the registry: render the switch's desired state from
 * the site model, gather and plan with the shared planner, and change the device through the platform's driver under
 * its safety mechanism. The runner verifies by gathering again (the re-plan must be empty) before `commit`. Each
 * scope plans only what it owns (`switch_vlans` no ports, `switch_ports` no VLAN definitions), so a document-based
 * platform's document holds only that scope's changes.
 */
export function switchModule(
  name: SwitchModuleName,
  platforms: PlatformCatalog<PlatformSpec>,
): TaskModule<SwitchDesired, GatheredSwitch, unknown> {
  const scope = SCOPES[name];
  const specOf = (model: SwitchModel): SwitchSpec => {
    const spec = platforms.resolve(model.platform)?.switch;
    if (!spec) throw new InternalError(`${model.name}: ${model.platform} is not a switch platform`); // see unsupported
    return spec;
  };
  const isNamed = (model: SwitchModel): boolean => specOf(model).planning.unnamedVlans === undefined;
  const canonicalIn =
    (site: Site) =>
    (switchName: string, port: string): string => {
      const model = site.switches.find((s) => s.name === switchName);
      const naming = model && platforms.resolve(model.platform)?.switch?.interfaceNames;
      return naming ? normaliseInterfaceName(naming, port) : port;
    };
  const planOf = (desired: SwitchDesired, current: SwitchCurrent<unknown>) =>
    planSwitch(specOf(desired.model), desired.model, current.state, {
      prune: desired.prune,
      managedVlans: desired.managedVlans,
      owned: desired.model.ownedVlans ?? [],
      portsOnly: scope === 'ports',
      inventoryPorts: desired.inventoryPorts,
    });
  return {
    name,
    unsupported(host, site) {
      const model = switchOf(host, site);
      const switches = platforms.all.filter((p) => p.switch).map((p) => p.id);
      if (!model)
        return `${host.name} is not a switch in the site model (${name} configures ${wordList(switches, 'and')} switches)`;
      return platforms.resolve(model.platform)?.switch ? undefined : `no driver for platform ${model.platform} yet`;
    },
    render(ctx) {
      const model = switchOf(ctx.host, ctx.site)!;
      const args = moduleArgs(ctx.task, name);
      const managed = new Set([...ctx.site.vlans.map((v) => v.id), ...model.vlans.map((v) => v.id)]);
      // The playbook schema allows day0, day1 or all (a picklist the loader checks); absent is all.
      const stage: PortStage = ('ports' in args ? args.ports : undefined) ?? 'all';
      const ports = portsOfStage(ctx.site, model, stage, canonicalIn(ctx.site));
      return {
        model: scope === 'vlans' ? { ...model, ports: [], members: [] } : { ...model, vlans: [], ports },
        managedVlans: [...managed].sort((a, b) => a - b),
        inventoryPorts: model.ports.map((p) => p.name),
        prune: scope === 'vlans' && !('prune' in args && args.prune === false),
        save: args.save ?? model.save,
        stage,
      };
    },
    async gather(conn, desired, ctx) {
      const spec = specOf(desired.model);
      const dctx = driverContext(ctx, name);
      const current = await spec.driver.gather(conn, dctx);
      if (scope !== 'ports') return current;
      // The cabling guard reads LLDP only when a port facing a node is about to change (switch-cabling-guard.ts).
      const facing = portsFacingNodes(ctx.site, desired.model, canonicalIn(ctx.site));
      if (!touchesFacingPort(planOf(desired, current).changes, facing)) return current;
      const lldp = platforms.resolve(desired.model.platform)?.lldp;
      if (!lldp) {
        ctx.note(`cabling not checked: ${desired.model.platform} cannot read LLDP`);
        return current;
      }
      return { ...current, heard: await readHeard(lldp, conn, dctx) };
    },
    plan(desired, current, ctx) {
      const spec = specOf(desired.model);
      let planned = planOf(desired, current);
      let held: Held[] = [];
      if (current.heard) {
        const canonical = canonicalIn(ctx.site);
        ({ planned, held } = holdMiswired(ctx.site, desired.model, current.heard, canonical, planned, ctx.note));
      }
      const plan = scoped(scope, completeSwitchPlan(spec, planned, current));
      return held.length > 0 ? { ...plan, held } : plan;
    },
    facts: (current) => switchFacts(current),
    async begin({ conn, ctx, desired }) {
      try {
        return await specOf(desired.model).driver.begin(conn, driverContext(ctx, name));
      } catch (error) {
        // Nothing has changed yet: fail the host without a rollback.
        if (error instanceof ApplyError) throw error;
        throw new ApplyError(ctx.host.name, 'begin', (error as Error).message, false, { cause: error });
      }
    },
    async apply({ conn, ctx, desired, plan, txn }) {
      await specOf(desired.model).driver.apply(conn, plan as SwitchPlan, driverContext(ctx, name), txn);
    },
    async commit({ conn, ctx, desired, current, plan, txn }) {
      const driver = specOf(desired.model).driver;
      const dctx = driverContext(ctx, name);
      await driver.commit(conn, dctx, txn);
      if (scope === 'vlans') recordOwnership(ctx, desired.model, current.state, plan.changes, isNamed(desired.model));
      if (!desired.save) return;
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
    async rollback({ conn, ctx, desired, txn }) {
      return specOf(desired.model).driver.rollback(conn, driverContext(ctx, name), txn);
    },
    // The whole switch, whatever the scope: a rollback restores all of it.
    compareStates(before, after) {
      const differences = compareSwitchStates(before.state, after.state);
      if (JSON.stringify(before.document) !== JSON.stringify(after.document))
        differences.push('its configuration file differs from the one before the run');
      return differences;
    },
  };
}
