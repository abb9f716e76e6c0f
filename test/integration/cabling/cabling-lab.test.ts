import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../engine/cli-harness.js';

// The cabling check on the default lab through the built CLI (npm run build first): node1's trunk port Ethernet1/7
// holds node2's trunk cable. `check cabling` names both ends; `apply` leaves that port alone, applies the rest and
// exits 1; with the cable put back (`lab wire`), apply finishes and the site is in sync.
const cwd = mkdtempSync(join(tmpdir(), 'acp-cabling-lab-'));
const cli = (...args: string[]): Promise<CliRun> => runCli(args, cwd);
const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
const MISWIRED = 'switch1 Ethernet1/7 sees node2:enp4s0f0; the inventory says node1:enp4s0f0';

interface CheckJson {
  findings: { severity: string; switch?: string; port?: string; message: string }[];
  links: number;
  confirmed: number;
}

afterAll(async () => {
  if (existsSync(join(cwd, '.acp-play', 'lab', 'lab.json'))) await cli('lab', 'down');
  rmSync(cwd, { recursive: true, force: true });
});

describe('cabling checked with LLDP before node-facing switch ports change (default lab)', () => {
  it('check cabling on a miswired lab exits 1, naming both ends from the switch and from the node', async () => {
    const up = await cli('lab', 'up', '--miswire', 'switch1:Ethernet1/7=node2:enp4s0f0');
    expect(up.code, said(up)).toBe(0);
    const check = await cli('check', 'cabling', 'inventories/lab');
    expect(check.code, said(check)).toBe(1);
    expect(check.stdout).toContain(`error: ${MISWIRED}\n`);
    expect(check.stdout).toContain(
      'error: node2 enp4s0f0 sees switch1:Ethernet1/7; the inventory says switch1:Ethernet1/11\n',
    );
    // The port the cable left and the NIC that lost its cable hear nothing: warnings, not errors.
    expect(check.stdout).toMatch(/^warning: switch1 Ethernet1\/11 hears no LLDP neighbour/m);
    expect(check.stdout).toMatch(/^warning: node1 enp4s0f0 hears no LLDP neighbour/m);
    expect(check.stdout).toContain('Cabling: 7 of 9 cable(s) confirmed by LLDP, 2 error(s), 2 warning(s).');

    const json = await cli('check', 'cabling', 'inventories/lab', '--json');
    expect(json.code, said(json)).toBe(1);
    const report = JSON.parse(json.stdout) as CheckJson;
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.port)).toContain('Ethernet1/7');
    expect(report.confirmed).toBe(7);
  }, 60_000);

  it('apply --tags day0 sets up the VLANs and the uplink and touches no node port, so no cabling stops it', async () => {
    const day0 = await cli('apply', 'inventories/lab', '--tags', 'day0', '--yes');
    expect(day0.code, said(day0)).toBe(0);
    expect(day0.stdout).toMatch(/switch1: VLANs: changed/);
    expect(day0.stdout).toMatch(/switch1: Cluster-link, out-of-band and uplink ports: changed/);
    expect(day0.stdout).not.toMatch(/^node\d: .*changed/m);
    const plan = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    // The plan of the rest fails on the held port (exit 1), as apply will.
    expect(plan.code, said(plan)).toBe(1);
    expect(plan.stdout).not.toMatch(/\+ vlan 20\d\d/);
    expect(plan.stdout).not.toContain('~ Ethernet1/48\n');
    expect(plan.stdout).toContain('~ Ethernet1/3\n');
  }, 120_000);

  it('apply leaves the miswired port alone, applies everything else and exits 1', async () => {
    const apply = await cli('apply', 'inventories/lab', '--yes');
    expect(apply.code, said(apply)).toBe(1);
    expect(apply.stdout).toContain(`! Ethernet1/7  not changed: ${MISWIRED}`);
    for (const node of ['node0', 'node1', 'node2'])
      expect(apply.stdout).toMatch(new RegExp(`^${node} +: ok=1 changed=1 failed=0`, 'm'));

    // Only the held port still differs: everything else is in sync.
    const plan = await cli('plan', 'inventories/lab', '--json');
    const json = JSON.parse(plan.stdout) as {
      hosts: { host: string; tasks: { changes: { resource: string }[]; held?: { resource: string }[] }[] }[];
    };
    const changes = json.hosts.flatMap((h) => h.tasks.flatMap((t) => t.changes.map((c) => `${h.host} ${c.resource}`)));
    const held = json.hosts.flatMap((h) =>
      h.tasks.flatMap((t) => (t.held ?? []).map((c) => `${h.host} ${c.resource}`)),
    );
    expect(changes).toEqual([]);
    expect(held).toEqual(['switch1 Ethernet1/7']);
  }, 240_000);

  it('with the cable put back, check cabling passes, apply configures the port and the site is in sync', async () => {
    const wire = await cli('lab', 'wire');
    expect(wire.code, said(wire)).toBe(0);
    const check = await cli('check', 'cabling', 'inventories/lab');
    expect(check.code, said(check)).toBe(0);
    expect(check.stdout).toContain('Cabling: 9 of 9 cable(s) confirmed by LLDP, 0 error(s), 0 warning(s).');
    const apply = await cli('apply', 'inventories/lab', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    expect(apply.stdout).toContain('~ Ethernet1/7\n');
    const plan = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(plan.code, said(plan)).toBe(0);
  }, 240_000);
});
