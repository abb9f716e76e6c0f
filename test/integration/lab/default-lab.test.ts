import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunning } from '../../../packages/lab/src/hosts/process-tree.js';
import type { SiteLabState } from '../../../packages/lab/src/site/site-lab-state.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import type { Transport } from '../../../src/core/transport.js';
import { runCli, type CliRun } from '../engine/cli-harness.js';
import { setLabVmVlans } from './lab-site-vlans.js';

// The default lab (`acp-play lab up`) end to end through the built CLI (npm run build first): an empty simulated
// site, plan, apply (switch first, nodes one at a time), idempotency, drift behind the tool's back, a VLAN leaving
// the site, lab down.
const cwd = mkdtempSync(join(tmpdir(), 'acp-default-lab-'));
const labDir = join(cwd, '.acp-play', 'lab');
const inventory = join(cwd, 'inventories', 'lab');
const cli = (...args: string[]): Promise<CliRun> => runCli(args, cwd);
const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
let state: SiteLabState | undefined;

function device(name: string): SiteLabState['devices'][number] {
  return state!.devices.find((d) => d.name === name)!;
}

function connect(name: string, user: string): Promise<Transport> {
  const d = device(name);
  return connectHost(
    {
      name,
      address: '127.0.0.1',
      port: d.port,
      user,
      auth: { identityFiles: [state!.keyFile], agentSocket: false },
      hostKeyCheck: (blob) => `ssh-ed25519 ${blob.toString('base64')}` === d.hostKeyPublic || 'not the lab key',
      hostKeyAlgorithms: ['ssh-ed25519'],
    },
    { sshConfigPath: false, connectAttempts: 1, keepaliveIntervalMs: 0 },
  );
}

/** Lines typed into switch1's own CLI over SSH, as an operator would: a change behind the tool's back. */
async function typeOnSwitch(lines: readonly string[]): Promise<void> {
  const sw = await connect('switch1', 'admin');
  const cliSession = await sw.shell();
  const prompt = /^switch1(\([\w-]+\))?# $/;
  await cliSession.readUntil(prompt, 5_000);
  for (const line of lines) await cliSession.send(line, { prompt, timeoutMs: 5_000 });
  await cliSession.close();
  await sw.close();
}

/** An nmstate state (printf text) applied on node1 by hand, behind the tool's back. */
async function applyOnNode1(state: string): Promise<void> {
  const n1 = await connect('node1', 'core');
  const r = await n1.exec(`printf '${state}' > mine.yml && nmstatectl apply mine.yml && rm mine.yml`);
  expect(r.exitCode, r.stderr).toBe(0);
  await n1.close();
}

afterAll(async () => {
  if (existsSync(join(labDir, 'lab.json'))) await cli('lab', 'down');
  rmSync(cwd, { recursive: true, force: true });
});

describe('acp-play lab (default: the site as simulators, no root)', () => {
  it('lab up starts one background process and writes an inventory that validates', async () => {
    const up = await cli('lab', 'up');
    expect(up.code, said(up)).toBe(0);
    state = JSON.parse(readFileSync(join(labDir, 'lab.json'), 'utf8')) as SiteLabState;
    expect(state.devices.map((d) => d.name)).toEqual(['switch1', 'node0', 'node1', 'node2']);
    expect(isRunning(state.keeperPid)).toBe(true);
    expect(readFileSync(join(inventory, 'known_hosts'), 'utf8').trim().split('\n')).toHaveLength(4);
    const validate = await cli('validate', 'inventories/lab');
    expect(validate.code, said(validate)).toBe(0);
    const status = await cli('lab', 'status');
    expect(status.code, said(status)).toBe(0);
    expect(status.stdout).toMatch(/node2 +node +nmstate +\d+ +yes/);
  });

  it('plan from the empty site exits 2 and lists every switch and node change', async () => {
    const plan = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(plan.code, said(plan)).toBe(2);
    for (const id of [2000, 2001, 2002, 2003, 2004, 2005]) expect(plan.stdout).toContain(`+ vlan ${id}`);
    for (const port of ['Ethernet1/48', 'Ethernet1/1', 'Ethernet1/2', 'Ethernet1/3', 'Ethernet1/7', 'Ethernet1/11'])
      expect(plan.stdout).toContain(`~ ${port}\n`);
    for (const node of ['node0', 'node1', 'node2']) {
      const section = plan.stdout.slice(plan.stdout.indexOf(`\n${node}: 6 change(s)`));
      for (const iface of ['enp4s0f0.2003', 'bridge2003', 'enp4s0f0.2004', 'bridge2004', 'enp4s0f0.2005', 'bridge2005'])
        expect(section).toContain(`+ ${iface}`);
    }
  }, 60_000);

  it('apply configures the switch first, then the nodes one at a time; a second apply changes nothing', async () => {
    const apply = await cli('apply', 'inventories/lab', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    const at = (line: RegExp): number => apply.stdout.search(line);
    const order = [
      /switch1: VLANs: changed/,
      /switch1: Access and trunk ports: changed/,
      /node0: .*: nmstatectl apply/,
      /node0: .*: changed/,
      /node1: .*: nmstatectl apply/,
      /node1: .*: changed/,
      /node2: .*: nmstatectl apply/,
      /node2: .*: changed/,
    ].map(at);
    expect(
      order.every((i) => i >= 0),
      said(apply),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const again = await cli('apply', 'inventories/lab', '--yes');
    expect(again.code, said(again)).toBe(0);
    for (const host of ['switch1', 'node0', 'node1', 'node2'])
      expect(again.stdout).toMatch(new RegExp(`${host} +: ok=\\d+ changed=0 failed=0`));
  }, 240_000);

  it("drift behind the tool's back (a trunk loses VLAN 2004, a node loses a bridge) is planned and repaired", async () => {
    await typeOnSwitch([
      'configure terminal',
      'interface Ethernet1/7',
      'switchport trunk allowed vlan 2003,2005',
      'end',
    ]);
    await applyOnNode1('interfaces:\\n- name: bridge2004\\n  type: linux-bridge\\n  state: absent\\n');

    const plan = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(plan.code, said(plan)).toBe(2);
    expect(plan.stdout).toMatch(/~ Ethernet1\/7\n\s+Ethernet1\/7 allowed: \+2004\n/);
    expect(plan.stdout).toMatch(/node1: 1 change\(s\)[\s\S]*\+ bridge2004/);
    expect(plan.stdout).toMatch(/node0: VLAN interfaces and bridges.*: in sync/);

    const apply = await cli('apply', 'inventories/lab', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    const after = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(after.code, said(after)).toBe(0);
  }, 240_000);

  it('removing VLAN 2005 from the site: one plan removes the bridges and VLAN interfaces, narrows the trunks and removes the VLAN definition; what acp-play did not make is left alone', async () => {
    // Made behind the tool's back: a VLAN on the switch, an unmarked VLAN interface on node1's trunk NIC.
    await typeOnSwitch(['configure terminal', 'vlan 3000', 'name someone-elses', 'end']);
    await applyOnNode1(
      'interfaces:\\n- name: enp4s0f0.2099\\n  type: vlan\\n  vlan: {base-iface: enp4s0f0, id: 2099}\\n',
    );
    expect(readFileSync(join(inventory, '.acp-play-owned.yaml'), 'utf8')).toMatch(
      /^ {2}- \{id: 2005, name: virtual-machines-3, run: \w+, at: [\d:.TZ-]+\}$/m,
    );

    setLabVmVlans(inventory, [2003, 2004]);
    const plan = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(plan.code, said(plan)).toBe(2);
    const out = plan.stdout;
    expect(out).toContain('Plan: 11 change(s) on 4 host(s).');
    expect(out).toContain(
      '  [VLANs]\n    - vlan 2005\n        vlan 2005 delete (created by acp-play as virtual-machines-3; no longer in the inventory for switch1)\n',
    );
    expect(out).toContain(
      '    = vlan 3000: not in the inventory for switch1 and not created by acp-play: unmanaged, left alone\n',
    );
    for (const port of ['Ethernet1/48', 'Ethernet1/3', 'Ethernet1/7', 'Ethernet1/11'])
      expect(out).toContain(`    ~ ${port}\n        ${port} allowed: -2005\n`);
    for (const node of ['node0', 'node1', 'node2']) {
      const section = out.slice(out.indexOf(`\n${node}: 2 change(s)`));
      expect(section).toMatch(
        /^ {4}- bridge2005 {2}linux-bridge, removed \(created by acp-play, no longer in the inventory\)\n {4}- enp4s0f0\.2005 {2}vlan, removed/m,
      );
    }
    expect(out).toContain("    = enp4s0f0.2099: on enp4s0f0 but without acp-play's mark: unmanaged, left alone\n");

    const apply = await cli('apply', 'inventories/lab', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    const after = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(after.code, said(after)).toBe(0);
    expect(after.stdout).toMatch(/^ {4}= vlan 3000: /m);
    expect(after.stdout).not.toMatch(/2005/);
    expect(readFileSync(join(inventory, '.acp-play-owned.yaml'), 'utf8')).not.toContain('id: 2005');
    const n0 = await connect('node0', 'core');
    const shown = await n0.exec('nmstatectl show --json');
    await n0.close();
    const names = (JSON.parse(shown.stdout) as { interfaces: { name: string }[] }).interfaces.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['bridge2003', 'bridge2004', 'enp4s0f0.2004']));
    expect(names).not.toContain('bridge2005');
    expect(names).not.toContain('enp4s0f0.2005');
  }, 240_000);

  it('lab down leaves no process, no lab folder, no inventory and no uploaded temp file behind', async () => {
    const runIds = readdirSync(join(cwd, '.acp-play', 'runs')).map((r) => r.split('-').pop()!);
    const down = await cli('lab', 'down');
    expect(down.code, said(down)).toBe(0);
    // Gone, or a zombie waiting for whoever adopted it (the launching CLI has exited).
    expect(isRunning(state!.keeperPid)).toBe(false);
    expect(existsSync(labDir)).toBe(false);
    expect(existsSync(inventory)).toBe(false);
    expect(readdirSync(tmpdir()).filter((f) => runIds.some((id) => f.startsWith(`acp-play-${id}-`)))).toEqual([]);
    const status = await cli('lab', 'status');
    expect(status.stdout).toMatch(/no lab is up/);
  }, 60_000);
});
