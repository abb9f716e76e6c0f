import { describe, expect, it } from 'vitest';
import { HostSessionSlot } from '../../../src/engine/host-session-slot.js';
import { applyStep, planStep } from '../../../src/engine/task-step.js';
import { ApplyError } from '../../../src/core/errors.js';
import type { SwitchModel, SwitchPort } from '../../../src/core/site.js';
import { cumulusDriver } from '../../../src/platforms/cumulus/cumulus-driver.js';
import { cumulusState } from '../../../src/platforms/cumulus/cumulus-state.js';
import {
  driverContext,
  switchHost,
  switchPortsModule,
  switchVlansModule,
  taskContext,
} from './switch-driver-harness.js';
import { cumulusFixture, FakeCumulusHost, INTERFACES } from './cumulus-fake-host.js';
import { readFileSync } from 'node:fs';

const trunk = (name: string, description: string, allowed: number[], native?: number): SwitchPort => ({
  name,
  description,
  enabled: true,
  mode: 'trunk',
  allowedVlans: allowed,
  policy: 'replace',
  ...(native ? { nativeVlan: native } : {}),
});

/** The lab inventory (test/fixtures/lab-cumulus): the model the recorded files were made from. */
function leaf1(extra: SwitchPort[] = [], vars: Record<string, unknown> = {}): SwitchModel {
  return {
    name: 'switch1',
    host: switchHost('cumulus', vars),
    platform: 'cumulus',
    vlans: [2003, 2004, 2005].map((id) => ({ id, name: `virtual-machines-${id - 2002}` })),
    ports: [
      trunk('swp1', 'node0-virtualization', [2003, 2004, 2005]),
      trunk('swp2', 'node1-virtualization', [2003, 2004, 2005], 2003),
      {
        name: 'swp3',
        description: 'node0-cluster',
        enabled: true,
        mode: 'access',
        accessVlan: 2004,
        policy: 'replace',
      },
      ...extra,
    ],
    save: false,
  };
}

async function run(
  module: typeof switchVlansModule,
  model: SwitchModel,
  host: FakeCumulusHost,
  notes: string[] = [],
  session = new HostSessionSlot(),
) {
  const ctx = taskContext(model, module.name, {}, notes, session);
  const step = await planStep(module, ctx, host);
  await applyStep(module, step);
  return step.plan;
}

const ALL = ['before', 'after-vlans', 'after-ports'];

describe('Cumulus driver (fake switch answering with recordings of real ifupdown2)', () => {
  it('backs up, uploads the file, moves it into place, ifreload -a, re-gathers, drops the backup; then re-plans empty', async () => {
    const host = new FakeCumulusHost(ALL);
    const notes: string[] = [];
    const session = new HostSessionSlot(); // the host's session for the whole run
    const vlans = await run(switchVlansModule, leaf1(), host, notes, session);
    expect(vlans.changes.map((c) => c.resource)).toEqual(['vlan 2004', 'vlan 2005']);
    expect(vlans.changes[0]!.diff).toContain("swp1 follows the bridge's bridge-vids: pinned to bridge-vids 2003");
    expect(host.log).toEqual([
      "cat '/etc/network/interfaces'",
      'bridge -j vlan show',
      "cp -p '/etc/network/interfaces' '/etc/network/interfaces.acp-play-r1.bak'",
      'upload /etc/network/interfaces.acp-play-r1.new mode 644',
      "mv -f '/etc/network/interfaces.acp-play-r1.new' '/etc/network/interfaces'",
      'ifreload -a',
      "cat '/etc/network/interfaces'",
      'bridge -j vlan show',
      "rm -f '/etc/network/interfaces.acp-play-r1.bak'",
    ]);
    expect(host.files.get(INTERFACES)).toBe(cumulusFixture('after-vlans.interfaces'));
    host.log.length = 0;
    const ports = await run(switchPortsModule, leaf1(), host, notes, session);
    expect(ports.changes.map((c) => c.diff)).toEqual([
      'swp1 allowed: +2004-2005',
      'swp2 native: 1 -> 2003\nswp2 allowed: +2004-2005\nswp2 description: "" -> "node1-virtualization"',
      'swp3 mode: unknown -> access\nswp3 access vlan: 1 -> 2004\nswp3 description: "" -> "node0-cluster"',
    ]);
    // A second step of the same run on the same connection takes its own backup name.
    expect(host.log[2]).toBe("cp -p '/etc/network/interfaces' '/etc/network/interfaces.acp-play-r1-2.bak'");
    expect(host.files.get(INTERFACES)).toBe(cumulusFixture('after-ports.interfaces'));
    expect([...host.files.keys()]).toEqual([INTERFACES]);
    // STYLE 10: the post-apply state fed back plans nothing, for both modules.
    for (const module of [switchVlansModule, switchPortsModule]) {
      const { plan } = await planStep(module, taskContext(leaf1(), module.name), host);
      expect(plan.changes).toEqual([]);
    }
  });

  it('a failed ifreload -a is the apply failure in its own words; the backup is restored and reloaded', async () => {
    const host = new FakeCumulusHost(['after-ports', 'before']);
    const before = host.files.get(INTERFACES);
    const kernelBefore = host.kernel;
    const err = (await run(switchPortsModule, leaf1([trunk('swp9', 'typo', [2003])]), host).catch(
      (e: unknown) => e,
    )) as ApplyError;
    expect(err).toBeInstanceOf(ApplyError);
    expect(err.rolledBack).toBe(true);
    expect(err.message).toBe(
      "switch1: apply failed: ifreload -a failed (exit 1): error: netlink: swp9: cannot enslave link swp9 to bridge: operation failed with 'No such device' (19); " +
        'error: bridge: bridge port swp9 does not exist ' +
        '(rolled back (verified: the device matches its state before the run): restored /etc/network/interfaces from /etc/network/interfaces.acp-play-r1.bak and ran ifreload -a)',
    );
    expect(host.log.slice(2)).toEqual([
      "cp -p '/etc/network/interfaces' '/etc/network/interfaces.acp-play-r1.bak'",
      'upload /etc/network/interfaces.acp-play-r1.new mode 644',
      "mv -f '/etc/network/interfaces.acp-play-r1.new' '/etc/network/interfaces'",
      'ifreload -a',
      "cp -p '/etc/network/interfaces.acp-play-r1.bak' '/etc/network/interfaces'",
      "rm -f '/etc/network/interfaces.acp-play-r1.new'",
      'ifreload -a',
      "rm -f '/etc/network/interfaces.acp-play-r1.bak'",
      // The runner reads the switch again: file and kernel match their state before the run.
      "cat '/etc/network/interfaces'",
      'bridge -j vlan show',
    ]);
    expect(host.files.get(INTERFACES)).toBe(before);
    expect(host.kernel).toBe(kernelBefore);
    expect([...host.files.keys()]).toEqual([INTERFACES]);
  });

  it('works through sudo for a non-root user, reads interfaces_file, keeps the backup when asked; save only says why not', async () => {
    const host = new FakeCumulusHost(ALL);
    host.files.set('/srv/interfaces', host.files.get(INTERFACES)!);
    host.files.delete(INTERFACES);
    const notes: string[] = [];
    const vars = { interfaces_file: '/srv/interfaces', keep_interfaces_backup: true };
    const ctx = { ...driverContext('cumulus', notes), host: { ...switchHost('cumulus', vars), user: 'cumulus' } };
    await cumulusDriver.gather(host, ctx);
    const txn = await cumulusDriver.begin(host, ctx);
    await cumulusDriver.commit(host, ctx, txn);
    await cumulusDriver.save(host, ctx);
    expect(host.log).toEqual([
      "sudo cat '/srv/interfaces'",
      'sudo bridge -j vlan show',
      "sudo cp -p '/srv/interfaces' '/srv/interfaces.acp-play-r1.bak'",
    ]);
    expect(notes).toContain('kept the backup /srv/interfaces.acp-play-r1.bak (keep_interfaces_backup)');
    expect(notes).toContain('save: nothing to do on Cumulus; /srv/interfaces is the startup configuration');
  });

  it('gathers VLAN definitions from the file and port membership from the kernel (ifupdown2 corpus bridge3)', () => {
    const dir = new URL('../../fixtures/switch-configs/cumulus/', import.meta.url);
    const { state } = cumulusState({
      interfacesText: readFileSync(new URL('ifupdown2_test_bridge3.eni', dir), 'utf8'),
      bridgeVlanJson: readFileSync(new URL('ifupdown2_test_bridge3.vlan.show.json', dir), 'utf8'),
    });
    expect([...state.vlans.keys()]).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(state.interfaces.get('swp_AA_')).toMatchObject({ mode: 'access', accessVlan: 100, allowedVlans: [100] });
    expect(state.interfaces.get('swp_BB_')).toMatchObject({ mode: 'trunk', nativeVlan: 2, allowedVlans: [200] });
  });

  it('leaves out a bridge port the kernel does not have, and says so', () => {
    const warnings: string[] = [];
    const { state } = cumulusState(
      {
        interfacesText: cumulusFixture('before.interfaces').replace('bridge-ports swp1', 'bridge-ports swp9 swp1'),
        bridgeVlanJson: cumulusFixture('before.vlans.json'),
      },
      warnings,
    );
    expect(state.interfaces.has('swp9')).toBe(false);
    expect(warnings).toEqual([
      "swp9 is in bridge-ports of the interfaces file but not in the kernel's bridge (does the port exist?)",
    ]);
  });
});
