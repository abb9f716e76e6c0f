import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCumulusLab } from '../../packages/lab/src/uml/cumulus-lab.js';
import { findLinuxUml, type GuestRunResult } from '../../packages/lab/src/uml/uml-guest.js';

const root = new URL('../../', import.meta.url).pathname;
const isRoot = process.getuid?.() === 0;
const skipReason = !findLinuxUml()
  ? 'linux.uml missing: apt-get install user-mode-linux'
  : !existsSync('/usr/sbin/ifreload') && !existsSync('/sbin/ifreload')
    ? 'ifupdown2 missing: apt-get install ifupdown2 bridge-utils'
    : !isRoot
      ? 'needs root (namespaces, bind mounts and sshd inside the guest)'
      : !existsSync(join(root, 'dist/platforms/cumulus/cumulus-driver.js'))
        ? 'the built CLI is missing: npm run build'
        : undefined;

type VlanShow = { ifname: string; vlans: { vlan: number; vlanEnd?: number; flags?: string[] }[] }[];

/** `swp1` -> ['1 PVID untagged', '2003', ...] from a recorded `bridge -j vlan show`. */
function membership(json: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const port of JSON.parse(json) as VlanShow) {
    out[port.ifname] = port.vlans.map(
      (v) =>
        `${v.vlan}${v.vlanEnd ? `-${v.vlanEnd}` : ''}${v.flags?.includes('PVID') ? ' PVID' : ''}${v.flags?.includes('Egress Untagged') ? ' untagged' : ''}`,
    );
  }
  return out;
}

describe.skipIf(skipReason !== undefined)(
  `Cumulus driver against real ifupdown2 in a User-Mode Linux guest${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const workDir = mkdtempSync(join(tmpdir(), 'acp-cumulus-lab-'));
    let run: GuestRunResult;
    const out = (name: string): string => readFileSync(join(workDir, 'out', name), 'utf8');
    const code = (name: string): number => Number(out(`${name}.code`).trim());

    beforeAll(async () => {
      run = await runCumulusLab({
        workDir,
        fixtureDir: join(root, 'test/fixtures/lab-cumulus'),
        scenarioScript: readFileSync(join(root, 'test/lab/cumulus-driver.payload.sh'), 'utf8'),
        timeoutMs: 240_000,
      });
    }, 250_000);
    afterAll(() => rmSync(workDir, { recursive: true, force: true }));

    it('the guest ran every scenario', () => {
      expect(run.timedOut, run.consoleText.slice(-3000)).toBe(false);
      expect(run.exitCode, run.output).toBe(0);
      expect(run.output).toMatch(/payload done/);
    });

    it('plan shows set-based diffs and exits 2', () => {
      expect(code('plan-first'), out('plan-first.err')).toBe(2);
      const plan = out('plan-first.out');
      expect(plan).toMatch(/\+ vlan 2004/);
      expect(plan).toMatch(/swp1 allowed: \+2004-2005\n/);
      expect(plan).toMatch(/swp2 native: 1 -> 2003/);
      expect(plan).toMatch(/swp3 access vlan: 1 -> 2004/);
      expect(plan).toMatch(/swp1 follows the bridge's bridge-vids: pinned to bridge-vids 2003/);
      // The plan changed nothing.
      expect(out('plan-first-vlans.json')).toBe(out('before-vlans.json'));
    });

    it('apply configures the bridge: the kernel has the VLANs on the right ports, PVID untagged for access and native', () => {
      expect(code('apply-vlans'), out('apply-vlans.err')).toBe(0);
      // VLAN definitions alone change no port: swp1/swp2 followed the bridge's list and were pinned.
      expect(membership(out('apply-vlans-vlans.json'))).toEqual(membership(out('before-vlans.json')));
      expect(code('apply-first'), out('apply-first.err')).toBe(0);
      expect(out('apply-first.out')).toMatch(/leaf1 : ok=2 changed=1 failed=0/);
      expect(membership(out('apply-first-vlans.json'))).toEqual({
        swp1: ['1 PVID untagged', '2003', '2004', '2005'],
        swp2: ['2003 PVID untagged', '2004', '2005'],
        swp3: ['2004 PVID untagged'],
        swp4: ['1 PVID untagged', '2003'],
        bridge: ['1 PVID untagged'],
      });
      // What acp-play does not manage is kept: the management address, the loopback, swp4's own lines and comment.
      const file = out('apply-first-interfaces');
      for (const kept of [
        'iface mgmt0 inet static\n    address 172.16.0.20/24',
        'iface lo inet loopback',
        '# storage uplink, configured by hand\n    mtu 9000\n    bridge-vids 2003',
      ]) {
        expect(file).toContain(kept);
      }
      expect(out('apply-first-etc.txt')).not.toMatch(/acp-play/);
    });

    it('re-plan is empty (exit 0) and a second apply changes nothing', () => {
      expect(code('plan-again'), out('plan-again.out')).toBe(0);
      expect(code('apply-again'), out('apply-again.err')).toBe(0);
      expect(out('apply-again.out')).toMatch(/leaf1 : ok=2 changed=0 failed=0/);
    });

    it('a change ifreload -a refuses is rolled back: the file and the kernel state are the previous ones', () => {
      expect(code('apply-bad-port')).toBe(1);
      const text = out('apply-bad-port.out') + out('apply-bad-port.err');
      expect(text).toMatch(/apply failed: ifreload -a failed \(exit 1\): .*bridge port swp9 does not exist/);
      expect(text).toMatch(
        /rolled back \(verified: the device matches its state before the run\): restored \/etc\/network\/interfaces from \/etc\/network\/interfaces\.acp-play-\w+\.bak and ran ifreload -a/,
      );
      expect(out('apply-bad-port-interfaces')).toBe(out('apply-again-interfaces'));
      expect(membership(out('apply-bad-port-vlans.json'))).toEqual(membership(out('apply-again-vlans.json')));
      expect(out('apply-bad-port-etc.txt')).not.toMatch(/acp-play/);
      expect(code('plan-after-bad'), out('plan-after-bad.out')).toBe(0);
      expect(out('ifreload-missing-port.txt')).toMatch(/exit 1/);
    });
  },
);
