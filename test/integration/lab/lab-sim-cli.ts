import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimPlatformId } from '../../../packages/lab/src/sim/sim-types.js';
import { labSwitchConfig } from '../../../packages/lab/src/site/lab-switch.js';
import { portName } from '../../../packages/lab/src/site/site-lab-inventory.js';
import { CLI, runCli, type CliRun } from '../engine/cli-harness.js';

/** The login password of every `lab sim` here, from the environment (as `--password-env` reads it). */
export const SIM_PASSWORD = 'lab-sim-pw';

/** One `acp-play lab sim` process in the foreground, as a user runs it, with what it printed. */
export interface LabSim {
  readonly port: number;
  /** The `known_hosts:` line it printed. */
  readonly knownHosts: string;
  stop(): Promise<void>;
}

/** A new working folder for one simulator and its site. */
export function siteDir(): string {
  return mkdtempSync(join(tmpdir(), 'acp-lab-sim-'));
}

/**
 * Starts `acp-play lab sim --platform P` (the built CLI) in `cwd`, booted from the lab switch's configuration (48
 * ports, IOS's archive path), with extra flags; resolves once it printed how to connect.
 */
export function labSim(
  cwd: string,
  platform: SimPlatformId,
  flags: readonly string[],
  env: Record<string, string> = {},
): Promise<LabSim> {
  const config = join(cwd, `${platform}.cfg`);
  writeFileSync(config, labSwitchConfig(platform));
  const child = spawn(
    process.execPath,
    [CLI, 'lab', 'sim', '--platform', platform, '--config', config, '--password-env', 'SIM_PASSWORD', ...flags],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', SIM_PASSWORD, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (why: string) => reject(new Error(`lab sim did not start: ${why}\n${out}`));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const port = /listening on 127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      const known = /^known_hosts: +(.+)$/m.exec(out)?.[1];
      if (port && known && out.includes('Ctrl-C stops'))
        resolve({ port: Number(port), knownHosts: known.trim(), stop: () => stop(child) });
    });
    child.on('exit', (code) => fail(`exit ${code}`));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Writes `cwd/inventory`: one switch, switch1, on the simulator: VLANs 2003-2005, the node trunk (port 3) carrying
 * them, the cluster access port (port 1) on 2003. `vars` are switch1's extra host variables (YAML lines).
 */
export function switchSite(cwd: string, platform: SimPlatformId, sim: LabSim, vars: string[] = []): void {
  const inventory = join(cwd, 'inventory');
  mkdirSync(inventory);
  writeFileSync(
    join(inventory, 'hosts.yaml'),
    [
      'all:',
      '  vars:',
      '    site:',
      '      name: sim',
      '      vlans:',
      '        - {id: 2003, name: virtual-machines-1, vm: true}',
      '        - {id: 2004, name: virtual-machines-2, vm: true}',
      '        - {id: 2005, name: virtual-machines-3, vm: true}',
      '  children:',
      '    switches:',
      '      hosts:',
      '        switch1:',
      `          platform: ${platform}`,
      '          address: 127.0.0.1',
      `          port: ${sim.port}`,
      '          user: admin',
      '          password_env: SIM_PASSWORD',
      ...vars.map((v) => `          ${v}`),
      '          switch:',
      '            ports:',
      `              ${portName(platform, 3)}: {description: node0-virtualization, mode: trunk, allowed_vlans: 2003-2005}`,
      `              ${portName(platform, 1)}: {description: node0-cluster, mode: access, access_vlan: 2003}`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(inventory, 'known_hosts'), `${sim.knownHosts}\n`);
}

/** Runs the built CLI in `cwd` with the simulator's password in the environment. */
export function acpPlay(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, cwd, { SIM_PASSWORD, ...env });
}

/** The last run's record: result.json and switch1's transcript. */
export function lastRun(cwd: string): { result: string; transcript: string } {
  const runs = join(cwd, '.acp-play', 'runs');
  const last = readdirSync(runs).sort().at(-1)!;
  return {
    result: readFileSync(join(runs, last, 'result.json'), 'utf8'),
    transcript: readFileSync(join(runs, last, 'switch1.log'), 'utf8'),
  };
}
