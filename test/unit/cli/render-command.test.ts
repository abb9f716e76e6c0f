import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { runCli } from '../../helpers/cli-run.js';

const inventory = fileURLToPath(new URL('../../../inventories/site1', import.meta.url));

const run = (args: string[]) => runCli(args);

const temps: string[] = [];
beforeEach(() => {
  // site1 has day-0 keys: render reads the pull secret and SSH key from these.
  vi.stubEnv('ACP_PLAY_PULL_SECRET', '{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}');
  vi.stubEnv('ACP_PLAY_SSH_KEY', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDay0TestKeyOnlyForTheRenderCommandTest test');
});
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('acp-play render', () => {
  it('prints every file under a `# ---- path ----` header', async () => {
    const { code, out } = await run(['render', inventory]);
    expect(code).toBe(0);
    const headers = [...out.matchAll(/^# ---- (.+) ----$/gm)].map((m) => m[1]);
    expect(headers).toContain('nodes/node0.nmstate.yaml');
    expect(headers).toContain('switches/switch1.cisco_nxos.cfg');
    expect(headers).toContain('k8s/nad-vlan2003.yaml');
    expect(headers.slice(-2)).toEqual(['install/agent-config.yaml', 'install/install-config.yaml']);
    expect(out).toContain('interface Ethernet1/3\n  description node0-virtualization\n');
  });

  it('--limit renders only the matching hosts', async () => {
    const { code, out } = await run(['render', inventory, '--limit', 'switch1']);
    expect(code).toBe(0);
    expect([...out.matchAll(/^# ---- (.+) ----$/gm)].map((m) => m[1])).toEqual(['switches/switch1.cisco_nxos.cfg']);
  });

  it('--out writes the files, creating folders, and lists them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acp-play-render-'));
    temps.push(dir);
    const { code, out } = await run(['render', inventory, '--out', dir]);
    expect(code).toBe(0);
    const written = out.trim().split('\n');
    expect(written).toContain(path.join(dir, 'k8s/nncp-node0.yaml'));
    const nncp = YAML.parse(readFileSync(path.join(dir, 'k8s/nncp-node0.yaml'), 'utf8')) as { kind: string };
    expect(nncp.kind).toBe('NodeNetworkConfigurationPolicy');
  });

  it('--no-install leaves out the day-0 files and needs no secrets', async () => {
    vi.stubEnv('ACP_PLAY_PULL_SECRET', undefined);
    const { code, out } = await run(['render', inventory, '--no-install']);
    expect(code).toBe(0);
    expect(out).not.toContain('# ---- install/');
    expect((await run(['render', inventory])).code).toBe(3);
  });

  it('a site without site.cluster renders as before: no install/, no secrets needed, the same files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acp-play-render-'));
    temps.push(dir);
    const plain = path.join(dir, 'site');
    cpSync(inventory, plain, { recursive: true });
    const edit = (file: string, drop: (doc: any) => void) => {
      const doc = YAML.parseDocument(readFileSync(path.join(plain, file), 'utf8'));
      drop(doc);
      writeFileSync(path.join(plain, file), doc.toString());
    };
    edit('group_vars/all.yaml', (doc) => doc.deleteIn(['site', 'cluster']));
    edit(
      'group_vars/nodes.yaml',
      (doc) => (doc.deleteIn(['node', 'cluster_link']), doc.deleteIn(['node', 'root_device'])),
    );
    for (const node of ['node0', 'node1', 'node2'])
      edit(`host_vars/${node}.yaml`, (doc) => doc.deleteIn(['node', 'cluster_link']));
    vi.stubEnv('ACP_PLAY_PULL_SECRET', undefined);
    vi.stubEnv('ACP_PLAY_SSH_KEY', undefined);
    expect((await run(['render', plain, '--out', path.join(dir, 'plain')])).code).toBe(0);
    expect((await run(['render', inventory, '--out', path.join(dir, 'site1'), '--no-install'])).code).toBe(0);
    const files = (root: string) => readdirSync(root, { recursive: true }).map(String).sort();
    expect(files(path.join(dir, 'plain'))).not.toContain('install');
    expect(files(path.join(dir, 'plain'))).toEqual(files(path.join(dir, 'site1')));
    for (const file of files(path.join(dir, 'plain')).filter((f) => f.includes('.')))
      expect(readFileSync(path.join(dir, 'plain', file), 'utf8')).toBe(
        readFileSync(path.join(dir, 'site1', file), 'utf8'),
      );
  });

  it('--out follows the inventory: the NAD of a VLAN that left the site is removed, and only by a full render', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acp-play-render-'));
    temps.push(dir);
    const out = path.join(dir, 'out');
    const site = path.join(dir, 'site');
    cpSync(inventory, site, { recursive: true });
    expect((await run(['render', site, '--out', out])).code).toBe(0);
    expect(readdirSync(path.join(out, 'k8s'))).toContain('nad-vlan2005.yaml');
    writeFileSync(path.join(out, 'k8s', 'mine.yaml'), 'kind: ConfigMap\n'); // not written by acp-play: stays

    // VLAN 2005 leaves the site: its entry in site.vlans and the trunks' allowed lists.
    const all = YAML.parseDocument(readFileSync(path.join(site, 'group_vars/all.yaml'), 'utf8'));
    const vlans = all.getIn(['site', 'vlans']) as YAML.YAMLSeq;
    vlans.items = vlans.items.filter((v) => (v as YAML.YAMLMap).get('id') !== 2005);
    writeFileSync(path.join(site, 'group_vars/all.yaml'), all.toString());
    const sw = path.join(site, 'host_vars/switch1.yaml');
    writeFileSync(
      sw,
      readFileSync(sw, 'utf8')
        .replace(/2003-2005/g, '2003-2004')
        .replace(/2000-2005/g, '2000-2004'),
    );

    const limited = await run(['render', site, '--out', out, '--limit', 'node0']);
    expect(limited.code).toBe(0);
    expect(readdirSync(path.join(out, 'k8s'))).toContain('nad-vlan2005.yaml');
    const full = await run(['render', site, '--out', out]);
    expect(full.code, full.err).toBe(0);
    expect(
      full.out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('removed ')),
    ).toEqual([`removed ${path.join(out, 'k8s/nad-vlan2005.yaml')}`]);
    expect(readdirSync(path.join(out, 'k8s')).sort()).toEqual([
      'mine.yaml',
      'nad-vlan2003.yaml',
      'nad-vlan2004.yaml',
      'nncp-node0.yaml',
      'nncp-node1.yaml',
      'nncp-node2.yaml',
    ]);
    expect(readFileSync(path.join(out, 'k8s/nncp-node0.yaml'), 'utf8')).not.toContain('bridge2005');

    // An edited manifest cannot make render delete a file outside DIR.
    writeFileSync(path.join(dir, 'outside.txt'), 'keep');
    writeFileSync(path.join(out, '.acp-play-rendered'), '../outside.txt\n');
    expect((await run(['render', site, '--out', out])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'outside.txt'), 'utf8')).toBe('keep');
  });

  it('a bad inventory path is invalid input (exit 3)', async () => {
    const { code } = await run(['render', path.join(tmpdir(), 'acp-play-no-such-inventory')]);
    expect(code).toBe(3);
  });
});
