import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSimulator } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimOptions, SimPlatformId, SimulatorHandle } from '../../../packages/lab/src/sim/sim-types.js';

/**
 * Runs the real clients (netmiko, ansible-playbook from the pinned venv of test/clients/requirements.txt) against the
 * switch simulators. The venv is made by scripts/client-venv.mjs (npm test's setup does it; this does it too when it
 * is missing, so a suite run alone works).
 */

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');

export const CLIENT_USER = { username: 'admin', password: 'client-Pass-1' };

/** The venv's path, created when missing (about half a minute the first time). */
export async function clientVenv(): Promise<string> {
  const { stdout } = await run(process.execPath, [join(root, 'scripts', 'client-venv.mjs')], { timeout: 600_000 });
  return stdout.trim();
}

/** A simulator with the clients' password login. */
export function startClientSim(platform: SimPlatformId, extra: Partial<SimOptions> = {}): Promise<SimulatorHandle> {
  return startSimulator({ platform, hostname: 'sw1', users: [{ ...CLIENT_USER }], ...extra });
}

/** What test/clients/netmiko_check.py reports. */
export interface NetmikoReport {
  readonly steps: Record<string, unknown>;
  readonly failed_step?: string;
  readonly error?: string;
  readonly trace?: string;
}

export async function runNetmiko(venv: string, args: Record<string, unknown>): Promise<NetmikoReport> {
  const script = join(root, 'test', 'clients', 'netmiko_check.py');
  try {
    const { stdout } = await run(join(venv, 'bin', 'python'), [script, JSON.stringify(args)], { timeout: 120_000 });
    return JSON.parse(stdout) as NetmikoReport;
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    if (out.trim().startsWith('{')) return JSON.parse(out) as NetmikoReport;
    throw error;
  }
}

/** One task result of the ansible.posix.json callback. */
export interface TaskResult {
  readonly task: string;
  readonly changed: boolean;
  readonly failed: boolean;
  readonly result: Record<string, unknown>;
}

/** An Ansible network_cli inventory for one simulator. */
function inventory(sim: SimulatorHandle, networkOs: string, become: boolean): string {
  return [
    'all:',
    '  hosts:',
    '    sw1:',
    `      ansible_host: ${sim.host}`,
    `      ansible_port: ${sim.port}`,
    `      ansible_user: ${CLIENT_USER.username}`,
    `      ansible_password: ${CLIENT_USER.password}`,
    '      ansible_connection: ansible.netcommon.network_cli',
    `      ansible_network_os: ${networkOs}`,
    '      ansible_network_cli_ssh_type: paramiko',
    ...(become ? ['      ansible_become: true', '      ansible_become_method: enable'] : []),
    '',
  ].join('\n');
}

/**
 * Runs one play of `tasks` (YAML, indented for a play's `tasks:` list) with ansible-playbook and returns each task's
 * result. A fresh folder per run holds the inventory, the playbook and Ansible's persistent-connection sockets.
 */
export async function runPlay(
  venv: string,
  sim: SimulatorHandle,
  opts: { networkOs: string; become?: boolean; tasks: string },
): Promise<TaskResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'acp-ansible-'));
  try {
    writeFileSync(join(dir, 'hosts.yaml'), inventory(sim, opts.networkOs, opts.become ?? false));
    writeFileSync(join(dir, 'play.yaml'), `- hosts: sw1\n  gather_facts: false\n  tasks:\n${opts.tasks}`);
    const site = join(
      venv,
      'lib',
      readdirSync(join(venv, 'lib')).find((d) => d.startsWith('python'))!,
      'site-packages',
    );
    const env = {
      PATH: `${join(venv, 'bin')}:/usr/bin:/bin`,
      HOME: dir,
      LANG: 'C.UTF-8',
      ANSIBLE_COLLECTIONS_PATH: site,
      ANSIBLE_STDOUT_CALLBACK: 'ansible.posix.json',
      ANSIBLE_HOST_KEY_CHECKING: 'False',
      ANSIBLE_DEPRECATION_WARNINGS: 'False',
      ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'),
      ANSIBLE_PERSISTENT_CONTROL_PATH_DIR: join(dir, 'pc'),
      ANSIBLE_PERSISTENT_CONNECT_TIMEOUT: '30',
      ANSIBLE_PERSISTENT_COMMAND_TIMEOUT: '30',
      ANSIBLE_NOCOLOR: '1',
    };
    const args = ['-i', join(dir, 'hosts.yaml'), join(dir, 'play.yaml')];
    let stdout: string;
    try {
      ({ stdout } = await run(join(venv, 'bin', 'ansible-playbook'), args, { env, cwd: dir, timeout: 180_000 }));
    } catch (error) {
      stdout = (error as { stdout?: string }).stdout ?? '';
      if (!stdout.includes('"plays"')) throw error;
    }
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      plays: { tasks: { task: { name: string }; hosts: Record<string, Record<string, unknown>> }[] }[];
    };
    return report.plays[0]!.tasks.map((t) => {
      const result = t.hosts['sw1'] ?? {};
      return { task: t.task.name, changed: result['changed'] === true, failed: result['failed'] === true, result };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
