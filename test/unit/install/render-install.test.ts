import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { renderInstallFiles } from '../../../src/install/render-install.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import { loadSite } from '../../../src/inventory/load-site.js';

const PULL = `{"auths":{"quay.io":{"auth":"b3BlbnNoaWZ0K3JlbGVhc2U6c2VjcmV0","email":"o'neil@example.com"}}}`;
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyForRenderTests ops: the #1 key';

async function site1() {
  const { site } = await loadSite('inventories/site1', defaultPlatforms());
  return { site, cluster: site.cluster! };
}

function installConfig(files: ReturnType<typeof renderInstallFiles>): Record<string, any> {
  return YAML.parse(files.find((f) => f.path === 'install/install-config.yaml')!.text) as Record<string, any>;
}

describe('renderInstallFiles', () => {
  it('carries secrets with quotes, colons and # through YAML unchanged', async () => {
    const { site, cluster } = await site1();
    const doc = installConfig(renderInstallFiles(site, cluster, { pullSecret: PULL, sshKey: KEY, masked: false }));
    expect(doc['pullSecret']).toBe(PULL);
    expect(doc['sshKey']).toBe(KEY);
  });

  it('with VIPs, the platform is baremetal with apiVIPs and ingressVIPs', async () => {
    const { site, cluster } = await site1();
    const withVips = { ...cluster, apiVips: ['172.16.2.10'], ingressVips: ['172.16.2.11'] };
    const doc = installConfig(renderInstallFiles(site, withVips, { pullSecret: PULL, sshKey: KEY, masked: false }));
    expect(doc['platform']).toEqual({ baremetal: { apiVIPs: ['172.16.2.10'], ingressVIPs: ['172.16.2.11'] } });
  });

  it('takes the pod and service networks and the replica count from the site', async () => {
    const { site, cluster } = await site1();
    const custom = { ...cluster, clusterNetwork: '10.132.0.0/14', hostPrefix: 24, serviceNetwork: '172.31.0.0/16' };
    const doc = installConfig(renderInstallFiles(site, custom, { pullSecret: PULL, sshKey: KEY, masked: false }));
    expect(doc['networking']).toEqual({
      clusterNetwork: [{ cidr: '10.132.0.0/14', hostPrefix: 24 }],
      machineNetwork: [{ cidr: '172.16.2.0/23' }],
      networkType: 'OVNKubernetes',
      serviceNetwork: ['172.31.0.0/16'],
    });
    expect(doc['controlPlane'].replicas).toBe(3);
    expect(doc['compute']).toEqual([{ architecture: 'amd64', hyperthreading: 'Enabled', name: 'worker', replicas: 0 }]);
  });

  it('masked, it says so and holds no secret; the file is then not marked secret', async () => {
    const { site, cluster } = await site1();
    const files = renderInstallFiles(site, cluster, { pullSecret: '********', sshKey: '********', masked: true });
    const install = files.find((f) => f.path === 'install/install-config.yaml')!;
    expect(install.text).toContain('# pullSecret and sshKey are masked here');
    expect(installConfig(files)['pullSecret']).toBe('********');
    expect(install.secret).toBe(false);
  });
});
