import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectAnswers, optionKey } from '../../../src/init/collect-answers.js';
import { initFiles } from '../../../src/init/init-files.js';
import { initQuestions } from '../../../src/init/init-questions.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import type { Site } from '../../../src/core/site.js';

const work = mkdtempSync(join(tmpdir(), 'acp-init-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function writeInit(
  name: string,
  pairs: Record<string, string>,
): Promise<{ dir: string; files: Map<string, string> }> {
  const dir = join(work, name);
  const flags = Object.fromEntries(Object.entries(pairs).map(([k, v]) => [optionKey(k), v]));
  const files = initFiles(await collectAnswers(initQuestions(dir), flags));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, files };
}

/** What the site model says, without where it was read from. */
function model(site: Site) {
  return {
    // NAD labels name the application owning the NADs: site1 has the pattern's Argo CD app, init the default.
    vlans: site.vlans.map((v) => (v.nad ? { ...v, nad: { ...v.nad, labels: {} } } : v)),
    nodes: site.nodes.map((n) => ({
      name: n.name,
      address: n.host.address,
      trunk: n.trunkNic,
      bridges: n.bridges,
      uplink: n.uplink,
    })),
    switches: site.switches.map((s) => ({ name: s.name, platform: s.platform, vlans: s.vlans, ports: s.ports })),
    cluster: site.cluster && {
      ...site.cluster,
      links: site.cluster.links.map(({ host: _host, ...link }) => link),
      pullSecret: undefined,
      sshKey: undefined,
    },
  };
}

describe('the files init writes', () => {
  it("with the block's values, make the site of inventories/site1", async () => {
    const { dir } = await writeInit('site1', {
      site: 'site1',
      'cluster-name': 'example-cluster',
      'base-domain': 'your-domain.com',
      macs: 'b8:ca:3a:6e:69:40,24:6e:96:69:56:90,b8:ca:3a:6e:17:d8',
      'root-device': '/dev/disk/by-path/pci-0000:02:00.0-scsi-0:2:0:0',
    });
    const ours = model((await loadSite(dir, defaultPlatforms())).site);
    const site1 = model((await loadSite('inventories/site1', defaultPlatforms())).site);
    // site1 names its uplink after the pattern's firewall (a UniFi); init says what it is for.
    const uplink = (m: typeof ours) => m.switches[0]!.ports.find((p) => p.name === 'Ethernet1/48')!;
    expect(uplink(ours).description).toBe('uplink-to-firewall');
    expect(uplink(site1).description).toBe('uplink-to-unifi');
    Object.assign(uplink(ours), { description: 'uplink-to-unifi' });
    const byName = <T extends { name: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect({ ...ours, switches: ours.switches.map((s) => ({ ...s, ports: byName(s.ports) })) }).toEqual({
      ...site1,
      switches: site1.switches.map((s) => ({ ...s, ports: byName(s.ports) })),
    });
  });

  it('validate without errors and with the values to fill in marked TODO, each where it belongs', async () => {
    const { dir, files } = await writeInit('defaults', {});
    const { warnings } = await loadSite(dir, defaultPlatforms());
    expect(warnings.map((w) => w.message.split(' yet ')[0])).toEqual([
      'node0 has no root device hint',
      'node0 has no MAC for its cluster link eno1',
      'node1 has no root device hint',
      'node1 has no MAC for its cluster link eno1',
      'node2 has no root device hint',
      'node2 has no MAC for its cluster link eno1',
    ]);
    expect(files.get('host_vars/node1.yaml')).toContain('# TODO fill in: the MAC of eno1 on node1');
    expect(files.get('group_vars/nodes.yaml')).toContain('# TODO fill in: the disk RHCOS is installed on');
    expect(files.get('host_vars/node1.yaml')).toContain('address: 172.16.2.3  # TODO check: a default');
    expect(files.get('group_vars/all.yaml')).toContain('base_domain: example.com  # TODO check');
  });

  it('given values carry no TODO; per-node disks go to host_vars; VIPs make them written', async () => {
    const { dir, files } = await writeInit('given', {
      'node-addresses': '10.1.0.10,10.1.0.11,10.1.0.12',
      'switch-address': '10.1.0.2',
      'cluster-addresses': '172.16.2.20,172.16.2.21,172.16.2.22',
      'base-domain': 'edge.example.net',
      dns: '172.16.2.1',
      'api-vip': '172.16.2.10',
      'ingress-vip': '172.16.2.11',
      macs: 'b8:ca:3a:6e:69:40,24:6e:96:69:56:90,b8:ca:3a:6e:17:d8',
      'root-device': '/dev/sda,/dev/sdb,/dev/nvme0n1',
      'switch-platform': 'cumulus',
    });
    expect([...files.values()].join('\n')).not.toContain('# TODO fill in:');
    expect(files.get('host_vars/node2.yaml')).toContain('root_device: /dev/nvme0n1');
    expect(files.get('group_vars/all.yaml')).toContain('api_vips: [172.16.2.10]');
    const { site, warnings } = await loadSite(dir, defaultPlatforms());
    expect(warnings).toEqual([]);
    expect(site.cluster).toMatchObject({
      apiVips: ['172.16.2.10'],
      ingressVips: ['172.16.2.11'],
      baseDomain: 'edge.example.net',
    });
    expect(site.switches[0]!.ports.map((p) => p.name)).toContain('swp48');
  });
});
