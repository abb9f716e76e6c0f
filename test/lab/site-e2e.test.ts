import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { RunPlan } from '../../src/core/run.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltNmstatectl, kernelLabMissing, runKernelLab } from '../../packages/lab/src/kernel/kernel-lab.js';
import type { GuestRunResult } from '../../packages/lab/src/uml/uml-guest.js';

/**
 * The seed's whole site on a real data plane, in ONE User-Mode Linux guest (the lab's kernel/): three node hosts with
 * real sshd, NetworkManager and nmstatectl; switch1, the NX-OS simulator, whose ports program a VLAN-filtering bridge;
 * a router-on-a-stick firewall; five VM namespaces on the nodes' bridges. The built CLI drives it from inside the
 * guest. site-e2e.payload.sh runs every scenario in order and records into out/; each test below reads the records.
 */
const root = new URL('../../', import.meta.url).pathname;
const skipReason = kernelLabMissing();
const NODES = ['node0', 'node1', 'node2'] as const;

describe.skipIf(skipReason !== undefined)(
  `the seed's site on a real kernel data plane${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    // ACP_SITE_E2E_DIR=DIR re-asserts the records of a run kept with ACP_KEEP_LAB=1, without booting a guest.
    const reused = process.env['ACP_SITE_E2E_DIR'];
    const workDir = reused ?? mkdtempSync(join(tmpdir(), 'acp-site-e2e-'));
    let run: GuestRunResult;
    const file = (name: string): string => readFileSync(join(workDir, 'out', name), 'utf8');
    const code = (name: string): number => Number(file(`${name}.code`).trim());
    const stdout = (name: string): string => file(`${name}.out`);
    /** `name.out` plus stderr, as the message of a failed expectation. */
    const shown = (name: string): string => `${stdout(name)}\n${file(`${name}.err`)}`;
    /** One interface's block of `ip -d link show` output. */
    const link = (text: string, name: string): string | undefined =>
      text.split(/\n(?=\d+: )/).find((block) => new RegExp(`^\\d+: ${name.replace(/\./g, '\\.')}[@:]`).test(block));
    /** `bridge vlan show` of one bridge port: its lines, VLAN ids and flags. */
    const portVlans = (text: string, port: string): string => {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`${port} `));
      if (at < 0) return '';
      const end = lines.findIndex((l, i) => i > at && /^\S/.test(l));
      return lines
        .slice(at, end < 0 ? undefined : end)
        .join('\n')
        .trimEnd();
    };
    /** One scenario's flow results: `vm1-vm3` -> `ok ttl=63` | `FAILED`. */
    const flows = (suffix: string): Record<string, string> =>
      Object.fromEntries(
        [...file(`flows${suffix}.txt`).matchAll(/^ping (\S+) (ok ttl=\d+|FAILED)$/gm)].map((m) => [
          m[1]!.slice(0, m[1]!.length - suffix.length),
          m[2]!,
        ]),
      );
    const seedFlows = {
      'vm1-pod2': 'ok ttl=64',
      'vm1-vm3': 'ok ttl=63',
      'vm1-vm4': 'ok ttl=64',
      'vm1-vm6': 'ok ttl=63',
    };

    beforeAll(async () => {
      if (reused) {
        const output = readFileSync(join(workDir, 'payload.out'), 'utf8');
        run = { exitCode: 0, timedOut: false, output, consoleText: '', files: [], workDir, durationMs: 0 };
        return;
      }
      run = await runKernelLab({
        workDir,
        nmstatectl: findBuiltNmstatectl().path!,
        scenarioScript: readFileSync(join(root, 'test/lab/site-e2e.payload.sh'), 'utf8'),
        switchReject: '^description node2-vm-trunk$',
        timeoutMs: 900_000,
      });
    }, 920_000);
    afterAll(() => {
      if (!process.env['ACP_KEEP_LAB'] && !reused) rmSync(workDir, { recursive: true, force: true });
    });

    it('the guest ran every scenario, and the switch mirror programmed the bridge without an error', () => {
      expect(run.timedOut, run.output + run.consoleText.slice(-2000)).toBe(false);
      expect(run.output).toContain('payload done');
      expect(file('mirror-errors.txt')).toBe('');
    });

    it('from an empty site, plan exits 2 listing every change; apply does the switch first, then the nodes one at a time', () => {
      expect(code('plan-first'), shown('plan-first')).toBe(2);
      const plan = stdout('plan-first');
      expect(plan).toContain('Plan: 34 change(s) on 4 host(s).');
      for (const id of [2000, 2001, 2002, 2003, 2004, 2005]) expect(plan).toContain(`+ vlan ${id}`);
      for (const port of ['48', '3', '7', '11', '1', '5', '9', '2', '6', '10'])
        expect(plan).toContain(`~ Ethernet1/${port}\n`);
      for (const node of NODES) {
        const section = plan.slice(plan.indexOf(`${node}: 6 change(s)`));
        for (const id of [2003, 2004, 2005])
          expect(section).toMatch(
            new RegExp(
              `\\+ enp4s0f0\\.${id} {2}vlan ${id} on enp4s0f0\\n[\\s\\S]*\\+ bridge${id} {2}linux-bridge, STP off`,
            ),
          );
      }

      expect(code('apply-first'), shown('apply-first')).toBe(0);
      const lines = stdout('apply-first').split('\n');
      const at = (re: RegExp): number => {
        const i = lines.findIndex((l) => re.test(l));
        expect(i, `no line matches ${re}`).toBeGreaterThanOrEqual(0);
        return i;
      };
      const order = [
        at(/^switch1: VLANs: changed \(6 change/),
        at(/^switch1: Access and trunk ports: changed \(10 change/),
        ...NODES.flatMap((n) => [
          at(new RegExp(`^${n}: .*nmstatectl apply --no-commit`)),
          at(new RegExp(`^${n}: .*changed \\(6 change`)),
        ]),
      ];
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const node of NODES) {
        const links = file(`after-apply-${node}-links.txt`);
        for (const id of [2003, 2004, 2005]) {
          const vlan = link(links, `enp4s0f0.${id}`);
          expect(vlan).toMatch(new RegExp(`vlan protocol 802\\.1Q id ${id} `));
          expect(vlan).toMatch(new RegExp(`master bridge${id} `));
        }
      }
      const swbr = file('after-apply-swbr-vlans.txt');
      for (const port of ['t-node0', 't-node1', 't-node2'])
        expect(portVlans(swbr, port)).toMatch(/^t-node\d\s+2003\s+2004\s+2005$/);
      expect(portVlans(swbr, 't-fw')).toMatch(/^t-fw\s+2000 PVID Egress Untagged\s+2001\s+2002\s+2003\s+2004\s+2005$/);
    });

    it("the seed's flows hold: same bridge, through the firewall (TTL 63), through the switch (TTL 64); 802.1Q on the trunk", () => {
      expect(file('attach-first.txt')).toBe('');
      expect(flows('')).toEqual(seedFlows);
      // VM1 -> VM4 leaves node0 on enp4s0f0 tagged 2003 (steps 4 and 8 of the seed's third table).
      const dump = file('tcpdump-node0-enp4s0f0.txt');
      expect(dump).toMatch(
        /ethertype 802\.1Q \(0x8100\).*vlan 2003, .*172\.16\.4\.11 > 172\.16\.4\.14: ICMP echo request/,
      );
      expect(dump).toMatch(
        /ethertype 802\.1Q \(0x8100\).*vlan 2003, .*172\.16\.4\.14 > 172\.16\.4\.11: ICMP echo reply/,
      );
      // VM1 -> VM3: the firewall changes the tag from 2003 to 2004 (step 6 of the seed's second table).
      const uplink = file('tcpdump-switch-uplink.txt');
      expect(uplink).toMatch(/vlan 2003, .*172\.16\.4\.11 > 172\.16\.5\.13: ICMP echo request/);
      expect(uplink).toMatch(/vlan 2004, .*172\.16\.4\.11 > 172\.16\.5\.13: ICMP echo request/);
    });

    it('with the VMs attached, the site is in sync: plan exits 0 and a second apply changes nothing', () => {
      expect(code('plan-again'), shown('plan-again')).toBe(0);
      // Two gathers of the unchanged site by real nmstatectl and the switch: the same fingerprint for every task.
      expect(code('plan-again-2'), shown('plan-again-2')).toBe(0);
      const prints = (name: string) =>
        (JSON.parse(file(name)) as RunPlan).hosts.map((h) => [h.host, h.tasks.map((t) => t.fingerprint?.digest)]);
      expect(prints('again-1.plan').flatMap(([, d]) => d as string[])).not.toContain(undefined);
      expect(prints('again-2.plan')).toEqual(prints('again-1.plan'));
      expect(code('apply-again'), shown('apply-again')).toBe(0);
      const again = stdout('apply-again');
      for (const host of ['switch1', ...NODES])
        expect(again).toMatch(new RegExp(`^${host} +: ok=\\d+ changed=0 failed=0 unreachable=0`, 'm'));
      expect(again).not.toMatch(/nmstatectl apply|taking checkpoint/);
      expect(file('apply-again-switch-commands.txt')).not.toMatch(/^(configure|checkpoint)/m);
      expect(flows('-after-again')).toEqual(seedFlows);
    });

    it('drift behind the back (VLAN 2004 off a trunk by the switch CLI, a bridge deleted on a node) is planned and repaired', () => {
      expect(code('drift-switch-session'), file('drift-switch-session.txt')).toBe(0);
      expect(portVlans(file('drift-swbr-vlans.txt'), 't-node0')).toMatch(/^t-node0\s+2003\s+2005$/);
      // `ip link del` alone is undone by NetworkManager (the profile autoconnects); deleting the profile is not.
      expect(code('drift-ip-link-del')).toBe(0);
      expect(file('drift-after-ip-link-del.txt')).toMatch(/^\d+: bridge2005:/);
      expect(link(file('drift-node1-links.txt'), 'bridge2005')).toBeUndefined();
      expect(flows('-drift')).toEqual({ ...seedFlows, 'vm1-vm3': 'FAILED', 'vm1-vm6': 'FAILED' });

      expect(code('plan-drift'), shown('plan-drift')).toBe(2);
      const plan = stdout('plan-drift');
      expect(plan).toMatch(/~ Ethernet1\/3\n/);
      // Deleting the bridge's profile took its VLAN port (a NetworkManager port profile of that bridge) with it.
      expect(plan.slice(plan.indexOf('node1: 2 change(s)'))).toMatch(
        /^ {4}\+ enp4s0f0\.2005 {2}vlan 2005 on enp4s0f0\n[\s\S]*^ {4}\+ bridge2005 {2}linux-bridge, STP off/m,
      );
      expect(plan).toMatch(/^node0: in sync$/m);
      expect(plan).toMatch(/^node2: in sync$/m);
      expect(plan).toContain('Plan: 3 change(s) on 2 host(s).');

      expect(code('apply-drift'), shown('apply-drift')).toBe(0);
      expect(stdout('apply-drift')).toMatch(/^switch1 +: ok=2 changed=1 failed=0/m);
      expect(stdout('apply-drift')).toMatch(/^node1 +: ok=1 changed=1 failed=0/m);
      expect(portVlans(file('repaired-swbr-vlans.txt'), 't-node0')).toMatch(/^t-node0\s+2003\s+2004\s+2005$/);
      expect(link(file('repaired-node1-links.txt'), 'enp4s0f0.2005')).toMatch(/master bridge2005/);
      expect(file('attach-repaired.txt')).toBe('');
      expect(flows('-repaired')).toEqual(seedFlows);
      expect(code('plan-repaired'), shown('plan-repaired')).toBe(0);
    });

    it('a wrong host key is refused before any change', () => {
      expect(code('apply-badkey'), shown('apply-badkey')).toBe(1);
      expect(shown('apply-badkey')).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED/);
      expect(stdout('apply-badkey')).not.toMatch(/nmstatectl apply/);
      // node1's drift (bridge2005 gone) was still there after the refused run.
      expect(code('after-badkey-bridge2005')).not.toBe(0);
    });

    it('a switch command rejected: the checkpoint rollback restores the prior config', () => {
      expect(code('apply-reject'), shown('apply-reject')).toBe(1);
      const out = shown('apply-reject');
      expect(out).toMatch(/switch1: .*failed.*description node2-vm-trunk/);
      expect(out).toMatch(/rolled back/);
      const before = file('before-reject-switch-running.txt');
      const after = file('after-reject-switch-running.txt');
      expect(after).toContain('description node0-virtualization');
      expect(after).not.toContain('vm-trunk');
      expect(after.replace(/!Time:.*\n/g, '')).toBe(before.replace(/!Time:.*\n/g, ''));
      expect(code('plan-after-reject'), shown('plan-after-reject')).toBe(0);
    });

    it('a node change that cuts its own management path is rolled back by timeout; the node answers again', () => {
      expect(code('apply-cut'), shown('apply-cut')).toBe(1);
      expect(stdout('apply-cut')).toMatch(
        /node2: apply failed: lost the connection .*\(rolled back \(verified: the device matches its state before the run\): by timeout: .*node2 answers again on a new connection and is back in its old state\)/,
      );
      expect(file('after-cut-mgmt0.txt')).toContain('inet 172.16.0.12/24');
      expect(code('plan-after-cut'), shown('plan-after-cut')).toBe(0);
    });

    it('sshd killed on node1 mid-apply: node0 and node2 finish, node1 is reported and rolled back by the checkpoint timeout', () => {
      expect(file('sshd-kill.txt')).toMatch(/^killed node1 sshd/);
      expect(code('apply-sshd-kill'), shown('apply-sshd-kill')).toBe(1);
      const out = stdout('apply-sshd-kill');
      expect(out).toMatch(/^node0 +: ok=1 changed=1 failed=0/m);
      expect(out).toMatch(/^node2 +: ok=1 changed=1 failed=0/m);
      expect(out).toMatch(
        /node1: .*(lost the connection|connection).*rolled back \(verified: the device matches its state before the run\): by timeout/,
      );
      expect(link(file('after-sshd-kill-node0-links.txt'), 'bridge2006')).toBeDefined();
      expect(link(file('after-sshd-kill-node2-links.txt'), 'bridge2006')).toBeDefined();
      expect(link(file('after-sshd-kill-node1-links.txt'), 'bridge2006')).toBeUndefined();
      expect(link(file('after-sshd-kill-node1-links.txt'), 'enp4s0f0.2006')).toBeUndefined();
    });

    it('VLAN 2005 leaves the site: one plan removes the bridges, narrows the trunks, deletes the VLAN; the 2003/2004 flows hold', () => {
      // The VLANs were created under inventories/lab and copied with it: the record proves 2005 is acp-play's.
      expect(file('owned-before-minus2005.yaml')).toMatch(/^ {2}- \{id: 2005, name: virtual-machines-3, /m);
      expect(code('plan-minus2005'), shown('plan-minus2005')).toBe(2);
      const plan = stdout('plan-minus2005');
      expect(plan).toContain('    - vlan 2005\n        vlan 2005 delete (created by acp-play as virtual-machines-3;');
      for (const port of ['48', '3', '7', '11'])
        expect(plan).toMatch(new RegExp(`Ethernet1/${port} allowed: -2005\\n`));
      for (const node of NODES) {
        // The node's part of the plan: its header line and the indented lines under it.
        const section = plan.slice(plan.search(new RegExp(`\\n${node}: \\d+ change`)) + 1).split(/\n(?=\S)/)[0]!;
        expect(section).toMatch(/^ {4}- bridge2005 {2}linux-bridge, removed/m);
        expect(section).toMatch(/^ {4}- enp4s0f0\.2005 {2}vlan, removed/m);
      }
      // node1 was rolled back in the scenario before: it gets 2006 in the same plan.
      expect(plan).toMatch(/\+ bridge2006 {2}linux-bridge, STP off, port enp4s0f0\.2006/);

      expect(code('apply-minus2005'), shown('apply-minus2005')).toBe(0);
      for (const node of NODES) {
        const links = file(`after-minus2005-${node}-links.txt`);
        expect(link(links, 'bridge2005')).toBeUndefined();
        expect(link(links, 'enp4s0f0.2005')).toBeUndefined();
        expect(link(links, 'enp4s0f0.2004')).toMatch(/master bridge2004 /);
      }
      expect(file('after-minus2005-switch-running.txt')).toContain('name virtual-machines-2');
      expect(file('after-minus2005-switch-running.txt')).not.toContain('name virtual-machines-3');
      for (const port of ['t-node0', 't-node1', 't-node2'])
        expect(portVlans(file('after-minus2005-swbr-vlans.txt'), port)).toMatch(
          new RegExp(`^${port}\\s+2003\\s+2004\\s+2006$`),
        );
      expect(flows('-minus2005')).toEqual({ ...seedFlows, 'vm1-vm6': 'FAILED' });
      expect(code('plan-after-minus2005'), shown('plan-after-minus2005')).toBe(0);
    });

    it('a node whose checkpoint rollback is blocked: the runner reads it again, ROLLBACK NOT VERIFIED, exit 1', () => {
      expect(code('apply-blocked'), shown('apply-blocked')).toBe(1);
      expect(stdout('apply-blocked')).toMatch(
        /node1: verify failed: probe failed: .*\(ROLLBACK NOT VERIFIED: .*bridge2005 \(linux-bridge\) \(before the run: absent, now: present\).*; the rollback was: nmstatectl rollback /,
      );
      // The change stayed: the blocked rollback did nothing, and the message says so instead of "rolled back".
      expect(link(file('after-blocked-node1-links.txt'), 'bridge2005')).toBeDefined();
      const result = JSON.parse(file('apply-blocked-result.json')) as {
        hosts: { host: string; status: string; tasks: { message?: string; rolledBack?: boolean }[] }[];
      };
      const node1 = result.hosts.find((h) => h.host === 'node1')!;
      expect(node1.status).toBe('failed');
      expect(node1.tasks[0]).toMatchObject({
        rolledBack: false,
        message: expect.stringContaining('ROLLBACK NOT VERIFIED'),
      });
    });
  },
);
