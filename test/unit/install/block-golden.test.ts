import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { prepareInstallFiles } from '../../../src/install/install-files.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import type { RenderedFile } from '../../../src/template/render-site.js';
import { VaultKeyring } from '../../../src/transport/vault-keyring.js';

/**
 * inventories/site1 carries the day-0 values of the pattern's block agent-config-and-install-config (see
 * test/fixtures/install/MANIFEST.tsv). Its rendered install files are compared, as data, with the block's examples.
 */
const fixture = (name: string): Record<string, unknown> =>
  YAML.parse(readFileSync(new URL(`../../fixtures/install/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

// The block's own placeholders, given the way a user gives the real values: through the environment site1 names.
const env = { ACP_PLAY_PULL_SECRET: 'your-pull-secret', ACP_PLAY_SSH_KEY: 'your-ssh-key' };

async function renderSite1(): Promise<Map<string, RenderedFile>> {
  const { site, inventory } = await loadSite('inventories/site1', defaultPlatforms());
  const { files } = prepareInstallFiles(site, inventory, { keyring: new VaultKeyring({ env: {} }), reveal: true, env });
  return new Map(files.map((f) => [f.path, f]));
}

describe("site1's day-0 files and the pattern's block", () => {
  it('renders install/agent-config.yaml equal, as data, to the block example', async () => {
    const agent = (await renderSite1()).get('install/agent-config.yaml')!;
    expect(YAML.parse(agent.text)).toEqual(fixture('block-agent-config.yaml'));
  });

  it('renders install/install-config.yaml equal, as data, to the block example but for two fields openshift-install requires', async () => {
    const install = YAML.parse((await renderSite1()).get('install/install-config.yaml')!.text) as Record<string, any>;
    const block = fixture('block-install-config.yaml') as Record<string, any>;
    // openshift-install's install-config validation accepts only `master` as the control-plane pool name (the
    // block writes `node`), and platform baremetal requires apiVIPs and ingressVIPs, which the block does not
    // give: without VIPs the installable platform is `none`.
    expect(install['controlPlane'].name).toBe('master');
    expect(block['controlPlane'].name).toBe('node');
    expect(install['platform']).toEqual({ none: {} });
    expect(block['platform']).toEqual({ baremetal: {} });
    const asBlock = {
      ...install,
      controlPlane: { ...install['controlPlane'], name: 'node' },
      platform: { baremetal: {} },
    };
    expect(asBlock).toEqual(block);
  });

  it('marks install-config.yaml as secret (written 0600) and not agent-config.yaml', async () => {
    const files = await renderSite1();
    expect(files.get('install/install-config.yaml')!.secret).toBe(true);
    expect(files.get('install/agent-config.yaml')!.secret).toBeFalsy();
  });
});
