import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimPlatformId } from '../../../packages/lab/src/sim/sim-types.js';
import type { CliRun } from '../engine/cli-harness.js';
import { acpPlay, labSim, lastRun, siteDir, switchSite, type LabSim } from './lab-sim-cli.js';

// `acp-play lab sim` with its fault and fidelity flags, driven through the built CLI as a user would (npm run build
// first): a rollback the switch ignores, an old switch's SSH, a privilege-1 login with an enable secret, ISL ports.

const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
const running: { sim: LabSim; cwd: string }[] = [];

async function start(platform: SimPlatformId, flags: string[], vars: string[] = [], env: Record<string, string> = {}) {
  const cwd = siteDir();
  const sim = await labSim(cwd, platform, flags, env);
  running.push({ sim, cwd });
  switchSite(cwd, platform, sim, vars);
  return { cwd, sim };
}

afterEach(async () => {
  for (const { sim, cwd } of running.splice(0)) {
    await sim.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
});

/** A refused command after the change has begun: NX-OS and IOS mid-change; EOS its confirming commit. */
const FAULTS: readonly { platform: SimPlatformId; reject: string }[] = [
  { platform: 'cisco_nxos', reject: '^switchport trunk allowed vlan 2003-2005$' },
  { platform: 'arista_eos', reject: '^configure session \\S+ commit$' },
  { platform: 'cisco_ios', reject: '^switchport trunk allowed vlan 2003-2005$' },
];

describe.each(FAULTS)('lab sim --platform $platform: a failing apply and its rollback', ({ platform, reject }) => {
  it('--ignore-rollback: ROLLBACK NOT VERIFIED naming what differs, exit 1, in the run record', async () => {
    const { cwd } = await start(platform, ['--ignore-rollback', '--reject-command', reject]);
    const apply = await acpPlay(cwd, ['apply', 'inventory', '--yes']);
    expect(apply.code, said(apply)).toBe(1);
    expect(apply.stdout + apply.stderr).toMatch(/switch1: .*failed: .*\(ROLLBACK NOT VERIFIED: .+\(before the run: /);
    const { result } = lastRun(cwd);
    const task = (
      JSON.parse(result) as { hosts: { status: string; tasks: { message?: string; rolledBack?: boolean }[] }[] }
    ).hosts[0]!;
    expect(task.status).toBe('failed');
    const failed = task.tasks.find((t) => t.message)!;
    expect(failed.message).toMatch(/ROLLBACK NOT VERIFIED: /);
    expect(failed.rolledBack).toBe(false);
  });

  it('without the fault, the same failure is rolled back and verified', async () => {
    const { cwd } = await start(platform, ['--reject-command', reject]);
    const apply = await acpPlay(cwd, ['apply', 'inventory', '--yes']);
    expect(apply.code, said(apply)).toBe(1);
    expect(apply.stdout + apply.stderr).toMatch(
      /\(rolled back \(verified: the device matches its state before the run\): /,
    );
    expect(apply.stdout + apply.stderr).not.toMatch(/ROLLBACK NOT VERIFIED/);
  });
});

describe('lab sim --ssh-legacy: an old switch that offers only diffie-hellman-group14-sha1 and ssh-rsa', () => {
  it("fails naming the server's algorithms, then plans and applies once the ssh config allows them", async () => {
    const { cwd } = await start('cisco_nxos', ['--ssh-legacy']);
    expect(pinnedKey(cwd)).toMatch(/^ssh-rsa /);
    const refused = await acpPlay(cwd, ['plan', 'inventory']);
    expect(refused.code, said(refused)).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(
      /switch1: connect failed: .*the server \([^)]*\) offers diffie-hellman-group14-sha1.*KexAlgorithms \+diffie-hellman-group14-sha1/,
    );
    writeFileSync(
      join(cwd, 'ssh_config'),
      'Host 127.0.0.1\n  KexAlgorithms +diffie-hellman-group14-sha1\n  HostKeyAlgorithms +ssh-rsa\n',
    );
    const plan = await acpPlay(cwd, ['plan', 'inventory', '-F', 'ssh_config', '--detailed-exitcode']);
    expect(plan.code, said(plan)).toBe(2);
    const apply = await acpPlay(cwd, ['apply', 'inventory', '-F', 'ssh_config', '--yes']);
    expect(apply.code, said(apply)).toBe(0);
    const again = await acpPlay(cwd, ['plan', 'inventory', '-F', 'ssh_config', '--detailed-exitcode']);
    expect(again.code, said(again)).toBe(0);
  });
});

/** The key of the known_hosts line the simulator printed (and the site pinned): `TYPE BASE64`. */
function pinnedKey(cwd: string): string {
  return readFileSync(join(cwd, 'inventory', 'known_hosts'), 'utf8')
    .split(' ')
    .slice(1)
    .join(' ');
}

describe('lab sim --platform cisco_ios --privilege 1 --enable-secret-env: enable with the become password', () => {
  const SECRET = 'en4ble-s3cret';
  const flags = ['--privilege', '1', '--enable-secret-env', 'ENABLE_SECRET'];

  it('without become, the login is refused naming the inventory keys', async () => {
    const { cwd } = await start('cisco_ios', flags, [], { ENABLE_SECRET: SECRET });
    const plan = await acpPlay(cwd, ['plan', 'inventory']);
    expect(plan.code, said(plan)).toBe(1);
    expect(plan.stdout + plan.stderr).toMatch(/asks for the enable secret: set ansible_become: true/);
  });

  it('with ansible_become / become_method enable / become_password_env it applies; the secret is never recorded', async () => {
    const vars = ['ansible_become: true', 'ansible_become_method: enable', 'become_password_env: SWITCH1_ENABLE'];
    const { cwd } = await start('cisco_ios', flags, vars, { ENABLE_SECRET: SECRET });
    const apply = await acpPlay(cwd, ['apply', 'inventory', '--yes'], { SWITCH1_ENABLE: SECRET });
    expect(apply.code, said(apply)).toBe(0);
    expect(apply.stdout + apply.stderr).not.toContain(SECRET);
    const { transcript, result } = lastRun(cwd);
    expect(transcript).toMatch(/send: enable\n[\s\S]*send: \*{8}\n/);
    expect(transcript + result).not.toContain(SECRET);
    const again = await acpPlay(cwd, ['plan', 'inventory', '--detailed-exitcode'], { SWITCH1_ENABLE: SECRET });
    expect(again.code, said(again)).toBe(0);
  });
});

describe('lab sim --platform cisco_ios --isl-capable: trunk ports that must be told 802.1Q first', () => {
  it('learns it from show interfaces switchport, sends the encapsulation before the mode, and is in sync after', async () => {
    const { cwd } = await start('cisco_ios', ['--isl-capable']);
    const plan = await acpPlay(cwd, ['plan', 'inventory', '--detailed-exitcode']);
    expect(plan.code, said(plan)).toBe(2);
    expect(plan.stdout).toMatch(
      /trunk encapsulation: negotiate -> dot1q[\s\S]*switchport trunk encapsulation dot1q\n\s*switchport mode trunk/,
    );
    const apply = await acpPlay(cwd, ['apply', 'inventory', '--yes']);
    expect(apply.code, said(apply)).toBe(0);
    const again = await acpPlay(cwd, ['plan', 'inventory', '--detailed-exitcode']);
    expect(again.code, said(again)).toBe(0);
  });
});

describe('lab up --platform cisco_ios --privilege 1 --enable-secret-env VAR', () => {
  it('writes become settings reading VAR into inventories/lab, so plan and apply work as they are', async () => {
    const cwd = siteDir();
    const env = { LAB_ENABLE_SECRET: 'l4b-s3cret' };
    const up = await acpPlay(
      cwd,
      [
        'lab',
        'up',
        '--platform',
        'cisco_ios',
        '--nodes',
        '1',
        '--privilege',
        '1',
        '--enable-secret-env',
        'LAB_ENABLE_SECRET',
      ],
      env,
    );
    try {
      expect(up.code, said(up)).toBe(0);
      expect(readFileSync(join(cwd, 'inventories', 'lab', 'host_vars', 'switch1.yaml'), 'utf8')).toContain(
        'become_password_env: LAB_ENABLE_SECRET',
      );
      const apply = await acpPlay(cwd, ['apply', 'inventories/lab', '--limit', 'switch1', '--yes'], env);
      expect(apply.code, said(apply)).toBe(0);
      const without = await acpPlay(cwd, ['plan', 'inventories/lab', '--limit', 'switch1']);
      expect(without.code, said(without)).toBe(3); // the inventory names a variable that is not set
    } finally {
      await acpPlay(cwd, ['lab', 'down']);
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
