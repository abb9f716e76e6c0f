import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { collectAnswers, optionKey } from '../../../src/init/collect-answers.js';
import { initFiles } from '../../../src/init/init-files.js';
import { initQuestions } from '../../../src/init/init-questions.js';
import { prepareInstallFiles } from '../../../src/install/install-files.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import { findBuiltNmstatectl } from '../../../packages/lab/src/kernel/kernel-lab.js';
import { VaultKeyring } from '../../../src/transport/vault-keyring.js';

/**
 * The installer hands each host's `networkConfig` to nmstate, so every one acp-play renders goes through the real
 * `nmstatectl gc` (nmstate 2.2.62, scripts/build-nmstatectl.sh): it must be accepted, and the NetworkManager keyfile
 * nmstate generates must say what the inventory says (static address, DNS, default route in the main table).
 */
const nmstatectl = findBuiltNmstatectl();
const dir = mkdtempSync(join(tmpdir(), 'acp-install-gc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Host {
  hostname: string;
  networkConfig: Record<string, unknown>;
}

function gc(name: string, state: unknown): { code: number | null; out: string; err: string } {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, YAML.stringify(state));
  const r = spawnSync(nmstatectl.path!, ['gc', file], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function agentHosts(inventory: string): Promise<Host[]> {
  const { site, inventory: inv } = await loadSite(inventory, defaultPlatforms());
  const env = { ACP_PLAY_PULL_SECRET: '{"auths":{}}', ACP_PLAY_SSH_KEY: 'ssh-ed25519 AAAAC3Nz test' };
  const { files } = prepareInstallFiles(site, inv, { keyring: new VaultKeyring({ env: {} }), reveal: true, env });
  const agent = files.find((f) => f.path === 'install/agent-config.yaml')!;
  return (YAML.parse(agent.text) as { hosts: Host[] }).hosts;
}

describe.skipIf(nmstatectl.path === undefined)(
  `networkConfig through the real nmstatectl gc${nmstatectl.missing ? ` (skipped: ${nmstatectl.missing})` : ''}`,
  () => {
    it("accepts every host of site1's agent-config and generates the keyfile the inventory describes", async () => {
      const hosts = await agentHosts('inventories/site1');
      expect(hosts.map((h) => h.hostname)).toEqual(['node0', 'node1', 'node2']);
      for (const [i, host] of hosts.entries()) {
        const r = gc(host.hostname, host.networkConfig);
        expect(r.code, r.err).toBe(0);
        const keyfile = (YAML.parse(r.out) as { NetworkManager: [string, string][] }).NetworkManager;
        expect(keyfile.map(([name]) => name)).toEqual(['eno1.nmconnection']);
        const text = keyfile[0]![1];
        expect(text).toContain('interface-name=eno1\n');
        expect(text).toContain(`address0=172.16.2.${i + 2}/23\n`);
        expect(text).toContain('method=manual\n');
        expect(text).toContain('dns=8.8.8.8;8.8.4.4\n');
        expect(text).toMatch(/route0=0\.0\.0\.0\/0,172\.16\.2\.1(,0)?\n/);
        expect(text).toContain('route0_options=table=254\n');
      }
    });

    it('accepts the networkConfig of a site init wrote with other VLANs, NIC and DNS', async () => {
      const site = join(dir, 'init-site');
      const flags = {
        nodes: 'n1,n2,n3,n4,n5',
        'cluster-nic': 'ens2f1',
        vlans: '100:oob:10.20.0.0/24,110:cluster:10.20.8.0/22,130:vm:10.20.30.0/24:vm',
        'cluster-addresses': '10.20.9.1,10.20.9.2,10.20.9.3,10.20.9.4,10.20.9.5',
        dns: '10.20.8.53,10.20.8.54',
        macs: '52:54:00:00:00:01,52:54:00:00:00:02,52:54:00:00:00:03,52:54:00:00:00:04,52:54:00:00:00:05',
        'root-device': '/dev/nvme0n1',
      };
      const answers = await collectAnswers(
        initQuestions(site),
        Object.fromEntries(Object.entries(flags).map(([k, v]) => [optionKey(k), v])),
      );
      for (const [path, text] of initFiles(answers)) {
        mkdirSync(dirname(join(site, path)), { recursive: true });
        writeFileSync(join(site, path), text);
      }
      const hosts = await agentHosts(site);
      expect(hosts).toHaveLength(5);
      for (const [i, host] of hosts.entries()) {
        const r = gc(`init-${host.hostname}`, host.networkConfig);
        expect(r.code, r.err).toBe(0);
        const text = (YAML.parse(r.out) as { NetworkManager: [string, string][] }).NetworkManager[0]![1];
        expect(text).toContain('interface-name=ens2f1\n');
        expect(text).toContain(`address0=10.20.9.${i + 1}/22\n`);
        expect(text).toContain('dns=10.20.8.53;10.20.8.54\n');
        expect(text).toMatch(/route0=0\.0\.0\.0\/0,10\.20\.8\.1(,0)?\n/);
      }
    });

    it('is a real judge: a networkConfig with a bad prefix length is refused', async () => {
      const [host] = await agentHosts('inventories/site1');
      const broken = structuredClone(host!.networkConfig) as { interfaces: { ipv4: { address: object[] } }[] };
      broken.interfaces[0]!.ipv4.address = [{ ip: '172.16.2.2', 'prefix-length': 33 }];
      const r = gc('broken', broken);
      expect(r.code).not.toBe(0);
    });
  },
);
