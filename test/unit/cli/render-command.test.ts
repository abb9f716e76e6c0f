import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli } from '../../helpers/cli-run.js';

const inventory = fileURLToPath(new URL('../../../inventories/site1', import.meta.url));

const run = (args: string[]) => runCli(args);

const temps: string[] = [];
afterEach(() => {
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

  it('a bad inventory path is invalid input (exit 3)', async () => {
    const { code } = await run(['render', path.join(tmpdir(), 'acp-play-no-such-inventory')]);
    expect(code).toBe(3);
  });
});
