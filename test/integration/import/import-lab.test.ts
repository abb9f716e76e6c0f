import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, type CliRun } from '../engine/cli-harness.js';

// `acp-play import` on the default lab through the built CLI (npm run build first): the lab's site is applied, then
// an inventory that lists only the hosts, their platforms and credentials is imported; it validates and the first
// plan against it is empty.
const cwd = mkdtempSync(join(tmpdir(), 'acp-import-lab-'));
const cli = (...args: string[]): Promise<CliRun> => runCli(args, cwd);
const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
const lab = join(cwd, 'inventories', 'lab');
const bare = join(cwd, 'inventories', 'edge1');

afterAll(async () => {
  if (existsSync(join(cwd, '.acp-play', 'lab', 'lab.json'))) await cli('lab', 'down');
  rmSync(cwd, { recursive: true, force: true });
});

/** The lab's hosts file and pinned keys, with platforms and logins: no site, no switch ports, no node keys. */
function writeBareInventory(): void {
  mkdirSync(join(bare, 'group_vars'), { recursive: true });
  for (const f of ['hosts.yaml', 'known_hosts']) copyFileSync(join(lab, f), join(bare, f));
  // A host that is neither a switch nor a node: listed as not read, not skipped in silence.
  const hosts = readFileSync(join(bare, 'hosts.yaml'), 'utf8');
  writeFileSync(
    join(bare, 'hosts.yaml'),
    hosts.replace(
      '  children:\n',
      '  children:\n    firewalls:\n      hosts:\n        fw1: {address: 127.0.0.1, platform: linux}\n',
    ),
  );
  writeFileSync(join(bare, 'group_vars', 'switches.yaml'), 'platform: cisco_nxos\nuser: admin\n');
  writeFileSync(
    join(bare, 'group_vars', 'nodes.yaml'),
    '# the nodes log in as core\nplatform: nmstate\nuser: core\nbecome: false\n',
  );
}

describe('acp-play import adopts a running site (default lab)', () => {
  it('after apply, import writes a description that validates and plans empty', async () => {
    expect((await cli('lab', 'up')).code).toBe(0);
    const apply = await cli('apply', 'inventories/lab', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    writeBareInventory();

    const imported = await cli('import', 'inventories/edge1');
    expect(imported.code, said(imported)).toBe(0);
    expect(imported.stdout).toContain('6 VLAN(s) (3 bridged to VMs), 10 port(s), 3 node(s) described');
    expect(imported.stdout).toContain('  - fw1: platform linux: not read (import reads switches and nmstate nodes)\n');
    const all = parse(readFileSync(join(bare, 'group_vars', 'all.yaml'), 'utf8')) as { site: unknown };
    expect(all.site).toEqual({
      name: 'edge1',
      vlans: [
        { id: 2000, name: 'out-of-band' },
        { id: 2001, name: 'Storage' },
        { id: 2002, name: 'cluster' },
        { id: 2003, name: 'virtual-machines-1', vm: true },
        { id: 2004, name: 'virtual-machines-2', vm: true },
        { id: 2005, name: 'virtual-machines-3', vm: true },
      ],
    });
    const node1 = parse(readFileSync(join(bare, 'host_vars', 'node1.yaml'), 'utf8')) as { node: unknown };
    expect(node1.node).toEqual({ trunk_nic: 'enp4s0f0', uplink: { switch: 'switch1', port: 'Ethernet1/7' } });
    const sw = parse(readFileSync(join(bare, 'host_vars', 'switch1.yaml'), 'utf8')) as {
      switch: { ports: Record<string, unknown> };
    };
    expect(sw.switch.ports['Ethernet1/9']).toEqual({
      description: 'node2-cluster',
      mode: 'access',
      access_vlan: 2002,
      faces: 'node2:eno1',
    });
    // What was in the files before stays.
    expect(readFileSync(join(bare, 'group_vars', 'nodes.yaml'), 'utf8')).toContain('# the nodes log in as core\n');

    const validate = await cli('validate', 'inventories/edge1');
    expect(validate.code, said(validate)).toBe(0);
    const plan = await cli('plan', 'inventories/edge1', '--detailed-exitcode');
    expect(plan.code, said(plan)).toBe(0);
  }, 240_000);

  it('a second import refuses an inventory that already describes the site (exit 3, nothing read)', async () => {
    const before = readFileSync(join(bare, 'host_vars', 'switch1.yaml'), 'utf8');
    const again = await cli('import', 'inventories/edge1');
    expect(again.code, said(again)).toBe(3);
    expect(again.stderr).toMatch(
      /host_vars\/switch1\.yaml:\d+:\d+: .* already describes the site: switch1 has `switch`/,
    );
    expect(readFileSync(join(bare, 'host_vars', 'switch1.yaml'), 'utf8')).toBe(before);
  }, 60_000);
});
