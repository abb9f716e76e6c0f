import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../engine/cli-harness.js';

// The README's "walkthrough on the lab", run as written (npm run build first): each command of its sh block in a
// shell, with the built CLI as `acp-play` on PATH, in a fresh folder. From `init` to a site in sync.
const cwd = mkdtempSync(join(tmpdir(), 'acp-walkthrough-'));
const bin = join(cwd, 'bin');
const home = join(cwd, 'home');

/** The commands of the first sh block after the heading, continuation lines joined. */
function readmeCommands(heading: string): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf(`\n${heading}\n`);
  expect(from, `README has no ${heading}`).toBeGreaterThan(0);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from))![1]!;
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

afterAll(async () => {
  if (existsSync(join(cwd, '.acp-play', 'lab', 'lab.json'))) await runCli(['lab', 'down'], cwd);
  rmSync(cwd, { recursive: true, force: true });
});

describe('README: a new edge site on the lab, from init to in sync', () => {
  it('every command of the walkthrough exits 0; day 0 brings up only the cluster links and the uplink', () => {
    mkdirSync(bin, { recursive: true });
    mkdirSync(home, { recursive: true });
    symlinkSync(CLI, join(bin, 'acp-play'));
    const commands = readmeCommands('### The walkthrough on the lab');
    expect(commands[0]).toBe('acp-play lab up');
    const out = new Map<string, string>();
    for (const command of commands) {
      const r = spawnSync('bash', ['-c', command], {
        cwd,
        encoding: 'utf8',
        env: { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: home, NO_COLOR: '1', CI: 'true' },
        timeout: 120_000,
      });
      expect(r.status, `${command}\n${r.stdout}\n${r.stderr}`).toBe(0);
      out.set(command, r.stdout);
    }
    const of = (start: string): string => [...out].find(([c]) => c.startsWith(start))![1];
    expect(of('acp-play check cabling')).toContain('Cabling: 9 of 9 cable(s) confirmed by LLDP, 0 error(s)');
    const day0 = of('acp-play apply inventories/edge7 --tags day0');
    expect(day0).toContain('switch1: Cluster-link, out-of-band and uplink ports: changed (4 change(s))');
    for (const port of ['Ethernet1/48', 'Ethernet1/1', 'Ethernet1/5', 'Ethernet1/9'])
      expect(day0).toContain(`~ ${port}\n`);
    for (const port of ['Ethernet1/3', 'Ethernet1/2', 'Ethernet1/7']) expect(day0).not.toContain(`~ ${port}\n`);
    expect(day0).not.toMatch(/^node\d: .*changed/m);
    expect(of('acp-play plan inventories/edge7')).toContain('No changes. Every host matches the inventory.');
  }, 300_000);
});
