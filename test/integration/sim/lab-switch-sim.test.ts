import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimPlatformId, SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';
import { labSwitchOptions } from '../../../packages/lab/src/site/lab-switch.js';
import { connectSim, USER } from './sim-client.js';

/** The lab switch as `lab up` starts it: LLDP from the site's wiring (and miswirings), over SSH. */
const sims: SimulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function labSwitch(platform: SimPlatformId, miswire = {}): Promise<SimulatorHandle> {
  const opts = labSwitchOptions(platform, ['node0', 'node1', 'node2'], { miswire });
  const sim = await startSimulator({ platform, hostname: 'sw1', users: [{ ...USER, privilege: 15 }], ...opts });
  sims.push(sim);
  return sim;
}

async function exec(sim: SimulatorHandle, command: string): Promise<string> {
  const conn = await connectSim(sim);
  try {
    const r = await conn.exec(command);
    expect(r.exitCode, r.stdout).toBe(0);
    return r.stdout;
  } finally {
    await conn.close();
  }
}

describe('the lab switch hears the nodes the site cables to it', () => {
  it('NX-OS: show lldp neighbors lists each node NIC on its port; a miswired port reports the wrong node', async () => {
    const sim = await labSwitch('cisco_nxos', { 'Ethernet1/7': { systemName: 'node2', portId: 'enp4s0f0' } });
    // The lab boots its ports Layer 2 and up; a shut port hears nothing.
    await exec(sim, 'configure terminal ; interface Ethernet1/3 ; shutdown ; end');
    expect(await exec(sim, 'show lldp neighbors')).not.toMatch(/Eth1\/3 /);
    await exec(sim, 'configure terminal ; interface Ethernet1/3 ; no shutdown ; end');
    const out = await exec(sim, 'show lldp neighbors');
    expect(out).toMatch(/^node0 +Eth1\/3 +120 +BR +enp4s0f0 *$/m);
    expect(out).toMatch(/^node0 +Eth1\/1 +120 +BR +eno1 *$/m);
    expect(out).toMatch(/^node2 +Eth1\/7 +120 +BR +enp4s0f0 *$/m);
    // node2's trunk cable moved from Ethernet1/11 to 1/7 (and node1's trunk NIC is unplugged): 8 cables.
    expect(out).not.toMatch(/Eth1\/11 /);
    expect(out).toMatch(/^Total entries displayed: 8$/m);
    expect(await exec(sim, 'show lldp neighbors detail')).toContain('Port id: enp4s0f0\nLocal Port id: Eth1/7\n');
  });

  it.each(['arista_eos', 'cisco_ios'] as const)('%s: LLDP on, the wiring listed', async (platform) => {
    const sim = await labSwitch(platform);
    const out = await exec(sim, 'show lldp neighbors');
    expect(out.match(/enp4s0f0/g)).toHaveLength(3);
    expect(out).toMatch(
      platform === 'arista_eos' ? /^Et3 +node0 +enp4s0f0 +120$/m : /^node0 +Gi1\/0\/3 +120 +B,R +enp4s0f0$/m,
    );
  });
});
