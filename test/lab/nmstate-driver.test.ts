import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNmstateLab } from '../../packages/lab/src/uml/nmstate-lab.js';
import { findLinuxUml, type GuestRunResult } from '../../packages/lab/src/uml/uml-guest.js';

/**
 * The nmstate module against the real stack: nmstatectl 2.2.62 + NetworkManager on two node hosts (network
 * namespaces inside ONE User-Mode Linux guest, each with its own D-Bus, NetworkManager and sshd), driven over SSH
 * by the built acp-play CLI running inside the same guest. The payload (nmstate-driver.payload.sh) runs every
 * scenario in order and records exit codes, output and `ip -d link`; the tests below read those files.
 */
const root = new URL('../../', import.meta.url).pathname;

function builtNmstatectl(): { path?: string; missing?: string } {
  const cacheRoot = process.env.ACP_PLAY_CACHE ?? join(process.env.HOME ?? '/root', '.cache/acp-play');
  const script = readFileSync(join(root, 'scripts/build-nmstatectl.sh'), 'utf8');
  const version = process.env.NMSTATE_VERSION ?? /NMSTATE_VERSION:-([0-9.]+)/.exec(script)?.[1] ?? '?';
  const path = join(cacheRoot, `nmstate-${version}`, 'bin', 'nmstatectl');
  return existsSync(path) ? { path } : { missing: `nmstatectl not built at ${path}: run scripts/build-nmstatectl.sh` };
}

const nmstatectl = builtNmstatectl();
const skipReason =
  process.getuid?.() !== 0
    ? 'needs root (the guest runs NetworkManager, dbus and sshd as root on a hostfs root)'
    : !findLinuxUml()
      ? 'linux.uml missing: apt-get install user-mode-linux'
      : !existsSync('/usr/sbin/NetworkManager') || !existsSync('/usr/sbin/sshd')
        ? 'NetworkManager or sshd missing: install scripts/system-packages.txt'
        : !existsSync(join(root, 'dist/cli/main.js'))
          ? 'dist/ not built: npm run build'
          : nmstatectl.missing;

describe.skipIf(skipReason !== undefined)(
  `nmstate module over SSH against real nmstatectl + NetworkManager${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const workDir = mkdtempSync(join(tmpdir(), 'acp-nmstate-driver-'));
    let run: GuestRunResult;
    const file = (name: string): string => readFileSync(join(workDir, 'out', name), 'utf8');
    const code = (name: string): number => Number(file(`${name}.code`).trim());
    const stdout = (name: string): string => file(`${name}.out`);
    const links = (when: string, node: string): string => file(`${when}-${node}-links.txt`);
    /** One interface's block of `ip -d link show` output (`5: enp4s0f0.2003@enp4s0f0: <...>` and its lines). */
    const link = (text: string, name: string): string | undefined =>
      text.split(/\n(?=\d+: )/).find((block) => new RegExp(`^\\d+: ${name.replace(/\./g, '\\.')}[@:]`).test(block));

    beforeAll(async () => {
      run = await runNmstateLab({
        workDir,
        nmstatectl: nmstatectl.path!,
        fixtureDir: join(root, 'test/fixtures/lab-nodes'),
        scenarioScript: readFileSync(join(root, 'test/lab/nmstate-driver.payload.sh'), 'utf8'),
        timeoutMs: 300_000,
      });
    }, 320_000);
    afterAll(() => {
      if (!process.env.ACP_KEEP_LAB) rmSync(workDir, { recursive: true, force: true });
    });

    it('the guest ran every scenario', () => {
      expect(run.timedOut, run.output + run.consoleText.slice(-2000)).toBe(false);
      expect(run.output).toContain('payload done');
    });

    it('plan shows the change (exit 2); apply creates enp4s0f0.2003 (802.1Q id 2003) in bridge2003 on every node', () => {
      expect(code('plan-first'), stdout('plan-first')).toBe(2);
      expect(stdout('plan-first')).toContain('Plan: 12 change(s) on 2 host(s).');
      expect(code('apply-first'), stdout('apply-first')).toBe(0);
      expect(stdout('apply-first')).toMatch(/node1 +: ok=1 changed=1 failed=0/);
      for (const node of ['node0', 'node1']) {
        expect(link(links('before', node), 'enp4s0f0.2003')).toBeUndefined();
        const vlan = link(links('after-apply', node), 'enp4s0f0.2003');
        expect(vlan).toMatch(/vlan protocol 802\.1Q id 2003/);
        expect(vlan).toMatch(/master bridge2003/);
        expect(link(links('after-apply', node), 'bridge2005')).toMatch(/bridge forward_delay/);
      }
    });

    it('the ownership mark (interface description) round-trips through nmstatectl show', () => {
      const shown = JSON.parse(file('show-bridge2003.json')) as {
        interfaces: { name: string; description?: string }[];
      };
      expect(shown.interfaces.find((i) => i.name === 'bridge2003')?.description).toBe(
        'acp-play:managed VLAN 2003 virtual-machines-1',
      );
    });

    it('re-plan is empty (exit 0) and a second apply changes nothing', () => {
      expect(code('plan-again'), stdout('plan-again')).toBe(0);
      expect(code('apply-again'), stdout('apply-again')).toBe(0);
      expect(stdout('apply-again')).toContain('No changes.');
      expect(stdout('apply-again')).toMatch(/node0 +: ok=1 changed=0 failed=0/);
    });

    it('a failing probe rolls node0 back and stops the rollout: node1 is not touched', () => {
      expect(code('apply-probe-fail'), stdout('apply-probe-fail')).toBe(1);
      expect(stdout('apply-probe-fail')).toMatch(
        /node0: verify failed: probe failed: command test -e \/nonexistent\/acp-play-probe \(exit 1\) \(rolled back \(verified: the device matches its state before the run\): nmstatectl rollback \/org\/freedesktop\/NetworkManager\/Checkpoint\/\d+\)/,
      );
      expect(stdout('apply-probe-fail')).toContain('not touched: node1');
      for (const node of ['node0', 'node1']) {
        expect(link(links('after-probe-fail', node), 'enp4s0f0.2006')).toBeUndefined();
        expect(link(links('after-probe-fail', node), 'bridge2006')).toBeUndefined();
        expect(link(links('after-probe-fail', node), 'bridge2003')).toBeDefined();
      }
    });

    it('a change that cuts node0 off is rolled back by timeout; node0 answers again, node1 (in sync) is not applied', () => {
      expect(code('apply-cut'), stdout('apply-cut')).toBe(1);
      expect(stdout('apply-cut')).toMatch(
        /node0: apply failed: lost the connection during nmstatectl apply .*\(rolled back \(verified: the device matches its state before the run\): by timeout: NetworkManager restored its checkpoint after 10 s; node0 answers again on a new connection and is back in its old state\)/,
      );
      // node1 is in sync: the apply never contacts it, and the recap says it changed nothing.
      expect(stdout('apply-cut')).toMatch(/^node1 +: ok=1 changed=0 failed=0/m);
      expect(stdout('apply-cut')).not.toMatch(/^node1: VLAN interfaces and bridges: nmstatectl apply/m);
      expect(file('after-cut-mgmt0.txt')).toContain('inet 172.16.0.10/24');
      expect(code('plan-after-cut'), stdout('plan-after-cut')).toBe(0);
    });

    it('removes by default only the marked interfaces the inventory dropped (prune: false keeps them); a bridge made by hand survives', () => {
      expect(code('plan-pruned-keep'), stdout('plan-pruned-keep')).toBe(0);
      expect(stdout('plan-pruned-keep')).toContain(
        '    = bridge2005, enp4s0f0.2005: created by acp-play, no longer in the inventory; kept (prune: false)\n',
      );
      expect(code('plan-prune'), stdout('plan-prune')).toBe(2);
      expect(stdout('plan-prune')).toContain('Plan: 4 change(s) on 2 host(s).');
      expect(stdout('plan-prune')).toContain(
        '    - bridge2005  linux-bridge, removed (created by acp-play, no longer in the inventory)\n',
      );
      expect(code('apply-prune'), stdout('apply-prune')).toBe(0);
      for (const node of ['node0', 'node1']) {
        const after = links('after-prune', node);
        expect(link(after, 'enp4s0f0.2005')).toBeUndefined();
        expect(link(after, 'bridge2005')).toBeUndefined();
        expect(link(after, 'enp4s0f0.2004')).toMatch(/master bridge2004/);
      }
      expect(link(links('after-prune', 'node0'), 'bridge2099')).toBeDefined();
    });
  },
);
