import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { TerminalSession } from './terminal-session.js';

/** `acp-play init` through the real, compiled CLI (bin/acp-play.js -> dist/), by flags and on a terminal. */
const work = mkdtempSync(join(tmpdir(), 'acp-init-cli-'));
const secrets = {
  ACP_PLAY_PULL_SECRET: '{"auths":{"cloud.openshift.com":{"auth":"aW5pdC10ZXN0"}}}',
  ACP_PLAY_SSH_KEY: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIInitTest ops@example.com',
};

function cli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/acp-play.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...secrets },
    ...(input === undefined ? {} : { input }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` with its text and modification time, to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const file = join(e.parentPath, e.name);
        return [file, `${statSync(file).mtimeMs} ${readFileSync(file, 'utf8')}`];
      }),
  );
}

beforeAll(() => {
  spawnSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { stdio: 'ignore' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('acp-play init by flags', () => {
  it('writes a site that validates and renders its day-0 files', () => {
    const dir = join(work, 'sites', 'edge7');
    const init = cli([
      'init',
      dir,
      '--site',
      'edge7',
      '--nodes',
      '3',
      '--switch-platform',
      'arista_eos',
      '--trunk-nic',
      'ens1f0',
      '--cluster-nic',
      'eno2',
      '--vlans',
      '100:oob:10.20.0.0/24,110:cluster:10.20.10.0/24,120:storage:10.20.20.0/24,130:vm-a:10.20.30.0/24:vm,131:vm-b:10.20.31.0/24:vm',
      '--node-addresses',
      '10.20.0.21,10.20.0.22,10.20.0.23',
      '--cluster-name',
      'edge7',
      '--base-domain',
      'stores.example.com',
      '--cluster-addresses',
      '10.20.10.11,10.20.10.12,10.20.10.13',
      '--rendezvous-ip',
      '10.20.10.11',
      '--api-vip',
      '10.20.10.5',
      '--ingress-vip',
      '10.20.10.6',
      '--dns',
      '10.20.10.1',
      '--macs',
      'b8:ca:3a:6e:69:40,24:6e:96:69:56:90,b8:ca:3a:6e:17:d8',
      '--root-device',
      '/dev/disk/by-path/pci-0000:02:00.0-scsi-0:2:0:0',
    ]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Wrote ${dir}: hosts.yaml, group_vars/all.yaml, group_vars/nodes.yaml,`);
    expect(init.stdout).not.toContain('TODO fill in');
    const validate = cli(['validate', dir]);
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toBe(`${dir}: valid (3 nodes, 1 switch, 5 VLANs, 2 NADs)\n`);
    expect(validate.code).toBe(0);
    const out = join(work, 'edge7-out');
    const render = cli(['render', dir, '--out', out]);
    expect(render.code, render.stderr).toBe(0);
    const agent = YAML.parse(readFileSync(join(out, 'install/agent-config.yaml'), 'utf8')) as Record<string, any>;
    expect(
      agent['hosts'].map((h: any) => [h.hostname, h.interfaces[0].name, h.networkConfig.interfaces[0].ipv4.address[0]]),
    ).toEqual([
      ['node0', 'eno2', { ip: '10.20.10.11', 'prefix-length': 24 }],
      ['node1', 'eno2', { ip: '10.20.10.12', 'prefix-length': 24 }],
      ['node2', 'eno2', { ip: '10.20.10.13', 'prefix-length': 24 }],
    ]);
    const install = YAML.parse(readFileSync(join(out, 'install/install-config.yaml'), 'utf8')) as Record<string, any>;
    expect(install['platform']).toEqual({ baremetal: { apiVIPs: ['10.20.10.5'], ingressVIPs: ['10.20.10.6'] } });
    expect(readFileSync(join(out, 'switches/switch1.arista_eos.cfg'), 'utf8')).toContain('interface Ethernet3');
  });

  it('without the MACs and disks, validates (warning) and marks them; render refuses until they are filled in', () => {
    const dir = join(work, 'partial');
    const init = cli(['init', dir]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/partial\/host_vars\/node0\.yaml:\d+: TODO fill in: the MAC of eno1 on node0/);
    expect(init.stdout).toMatch(/partial\/group_vars\/nodes\.yaml:\d+: TODO fill in: the disk RHCOS is installed on/);
    const validate = cli(['validate', dir]);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain('warning: node0 has no MAC for its cluster link eno1 yet');
    expect(cli(['render', dir, '--out', join(work, 'partial-out')]).code).toBe(3);
  });

  it('refuses an existing directory, empty or not, with exit 3, and changes nothing', () => {
    const full = join(work, 'existing');
    mkdirSync(join(full, 'host_vars'), { recursive: true });
    writeFileSync(join(full, 'hosts.yaml'), 'all:\n  hosts:\n    old:\n');
    writeFileSync(join(full, 'host_vars', 'old.yaml'), 'address: 192.0.2.1\n');
    const empty = join(work, 'empty');
    mkdirSync(empty);
    for (const dir of [full, empty]) {
      const before = snapshot(dir);
      const r = cli(['init', dir, '--site', 'x']);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${dir} already exists; init writes a new site only into a directory it creates`);
      expect(snapshot(dir)).toEqual(before);
    }
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses a bad flag value with exit 3, naming the flag, and writes nothing', () => {
    const dir = join(work, 'bad-flag');
    const r = cli(['init', dir, '--cluster-addresses', '172.16.2.2,172.16.2.2,172.16.2.4']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--cluster-addresses "172.16.2.2,172.16.2.2,172.16.2.4": 172.16.2.2 is given twice');
    expect(() => statSync(dir)).toThrow();
  });

  it('asks nothing when stdin is not a terminal: the defaults answer', () => {
    const dir = join(work, 'piped');
    const r = cli(['init', dir], 'these lines are not answers\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Site name');
    expect(YAML.parse(readFileSync(join(dir, 'group_vars/all.yaml'), 'utf8')).site.name).toBe('piped');
  });
});

describe('acp-play init on a terminal', () => {
  const start = (dir: string) =>
    new TerminalSession([process.execPath, 'bin/acp-play.js', 'init', dir], { ...process.env, ...secrets });

  it('asks with defaults, takes typed answers, asks again after a bad one, and writes a site that validates', async () => {
    const dir = join(work, 'typed');
    const t = start(dir);
    try {
      await t.waitFor('Site name [typed]: ');
      t.answer('store42');
      await t.waitFor('Nodes: how many (1, 3, 4 or 5), or their names separated by commas [3]: ');
      t.answer('2');
      await t.waitFor('! an OpenShift cluster has 1 node, or 3 to 5');
      await t.waitFor('[3]: ');
      t.answer('');
      await t.waitFor('Switch platform (cisco_nxos, arista_eos, cisco_ios, cumulus) [cisco_nxos]: ');
      t.answer('cisco_ios');
      for (const prompt of [
        'VLAN table',
        'Cluster VLAN',
        'NIC the VM VLANs',
        'Cluster-link NIC',
        'Management address of the switch',
      ]) {
        await t.waitFor(prompt);
        t.answer('');
      }
      for (const node of ['node0', 'node1', 'node2']) {
        await t.waitFor(`Management (SSH) address of ${node} [`);
        t.answer('');
      }
      await t.waitFor('OpenShift cluster name [store42]: ');
      t.answer('');
      await t.waitFor('Base domain (the cluster is NAME.DOMAIN) [example.com]: ');
      t.answer('retail.example.org');
      for (const [node, address] of [
        ['node0', '172.16.2.10'],
        ['node1', ''],
        ['node2', ''],
      ]) {
        await t.waitFor(`Cluster address of ${node} (eno1, VLAN 2002) [`);
        t.answer(address!);
      }
      await t.waitFor('Rendezvous IP (the node that bootstraps the install) [172.16.2.10]: ');
      t.answer('');
      await t.waitFor('API VIP (empty: none, platform none): ');
      t.answer('172.16.2.100');
      await t.waitFor('Ingress VIP: ');
      t.answer('172.16.2.101');
      await t.waitFor('DNS servers of the nodes [8.8.8.8,8.8.4.4]: ');
      t.answer('');
      for (const [node, mac] of [
        ['node0', 'b8:ca:3a:6e:69:40'],
        ['node1', ''],
        ['node2', 'b8:ca:3a:6e:17:d8'],
      ]) {
        await t.waitFor(`MAC of ${node}'s eno1 (empty: fill in later): `);
        t.answer(mac!);
      }
      await t.waitFor('Install disk of the nodes');
      t.answer('/dev/sda');
      await t.waitFor('Where render reads the pull secret (env:VAR or file:PATH) [env:ACP_PLAY_PULL_SECRET]: ');
      t.answer('');
      await t.waitFor('Where render reads the SSH public key (env:VAR or file:PATH) [env:ACP_PLAY_SSH_KEY]: ');
      t.answer('file:~/.ssh/id_ed25519.pub');
      expect(await t.exited).toBe(0);
    } finally {
      t.kill();
    }
    expect(t.screen).toContain(`Wrote ${dir}: hosts.yaml,`);
    expect(t.screen).toMatch(/host_vars\/node1\.yaml:\d+: TODO fill in: the MAC of eno1 on node1/);
    const validate = cli(['validate', dir]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('warning: node1 has no MAC for its cluster link eno1 yet'),
    ]);
    const all = YAML.parse(readFileSync(join(dir, 'group_vars/all.yaml'), 'utf8')) as { site: Record<string, any> };
    expect(all.site['name']).toBe('store42');
    expect(all.site['cluster']).toMatchObject({
      name: 'store42',
      base_domain: 'retail.example.org',
      rendezvous_ip: '172.16.2.10',
      api_vips: ['172.16.2.100'],
      ingress_vips: ['172.16.2.101'],
      pull_secret_env: 'ACP_PLAY_PULL_SECRET',
      ssh_key_file: '~/.ssh/id_ed25519.pub',
    });
    expect(YAML.parse(readFileSync(join(dir, 'host_vars/node0.yaml'), 'utf8')).node.cluster_link).toEqual({
      mac: 'b8:ca:3a:6e:69:40',
      address: '172.16.2.10',
    });
    expect(YAML.parse(readFileSync(join(dir, 'host_vars/switch1.yaml'), 'utf8')).platform).toBe('cisco_ios');
  });

  it('Ctrl-C stops it with exit 130 and writes nothing', async () => {
    const dir = join(work, 'interrupted');
    const t = start(dir);
    try {
      await t.waitFor('Site name [interrupted]: ');
      t.answer('half');
      await t.waitFor('Nodes: ');
      t.press('\x03');
      expect(await t.exited).toBe(130);
    } finally {
      t.kill();
    }
    expect(t.screen).toContain('init cancelled (interrupted); nothing was written');
    expect(() => statSync(dir)).toThrow();
  });
});
