import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  LAB_SITE_YAML,
  nodePorts,
  removeSiteLabInventory,
  writeSiteLabInventory,
} from '../../../packages/lab/src/site/site-lab-inventory.js';

const site1 = (path: string): Record<string, unknown> =>
  parse(readFileSync(new URL(`../../../inventories/site1/${path}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

describe('the lab inventory', () => {
  it('carries exactly the site of inventories/site1, but for its day-0 cluster', () => {
    const { cluster, ...site } = site1('group_vars/all.yaml')['site'] as Record<string, unknown>;
    expect(cluster).toBeDefined();
    expect(parse(LAB_SITE_YAML)).toEqual({ site });
  });

  it('cables node i like site1 (cluster 4i+1, storage 4i+2, VM trunk 4i+3) in each platform naming', () => {
    const ports = (site1('host_vars/switch1.yaml')['switch'] as { ports: Record<string, { faces?: string }> }).ports;
    for (const [i, node] of ['node0', 'node1', 'node2'].entries()) {
      const p = nodePorts('cisco_nxos', i);
      expect([ports[p.trunk]?.faces, ports[p.cluster]?.faces, ports[p.storage]?.faces]).toEqual([
        `${node}:enp4s0f0`,
        `${node}:eno1`,
        `${node}:enp4s0f1`,
      ]);
    }
    expect(nodePorts('arista_eos', 1).trunk).toBe('Ethernet7');
    expect(nodePorts('cisco_ios', 2).trunk).toBe('GigabitEthernet1/0/11');
  });

  it('writes hosts, site, switch ports and pinned keys, and removes only what it wrote and the ownership record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-lab-inv-'));
    try {
      const inv = join(dir, 'inventories', 'lab');
      const files = writeSiteLabInventory({
        dir: inv,
        platform: 'cisco_nxos',
        labId: 'abc123',
        keyFile: join(dir, '.acp-play', 'lab', 'id_ed25519'),
        switch: { name: 'switch1', port: 40000, hostKeyPublic: 'ssh-ed25519 AAAAswitch' },
        nodes: [0, 1].map((i) => ({ name: `node${i}`, port: 40001 + i, hostKeyPublic: `ssh-ed25519 AAAAnode${i}` })),
      });
      const hosts = parse(readFileSync(join(inv, 'hosts.yaml'), 'utf8')) as {
        all: { vars: Record<string, string>; children: Record<string, { hosts: Record<string, unknown> }> };
      };
      expect(hosts.all.vars['ssh_private_key_file']).toBe('../../.acp-play/lab/id_ed25519');
      expect(hosts.all.children['nodes']!.hosts).toEqual({
        node0: { address: '127.0.0.1', port: 40001 },
        node1: { address: '127.0.0.1', port: 40002 },
      });
      expect(readFileSync(join(inv, 'known_hosts'), 'utf8')).toBe(
        '[127.0.0.1]:40000 ssh-ed25519 AAAAswitch\n[127.0.0.1]:40001 ssh-ed25519 AAAAnode0\n[127.0.0.1]:40002 ssh-ed25519 AAAAnode1\n',
      );
      expect(parse(readFileSync(join(inv, 'host_vars', 'node1.yaml'), 'utf8'))).toEqual({
        node: { uplink: { switch: 'switch1', port: 'Ethernet1/7' } },
      });
      // The ownership record apply writes there goes with the lab.
      writeFileSync(join(inv, '.acp-play-owned.yaml'), 'switch1:\n  - {id: 2003}\n');
      removeSiteLabInventory(inv, files);
      expect(() => readFileSync(join(inv, 'hosts.yaml'))).toThrow();
      expect(existsSync(inv)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
