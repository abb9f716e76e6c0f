import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltNmstatectl, kernelLabMissing, runKernelLab } from '../../packages/lab/src/kernel/kernel-lab.js';
import type { GuestRunResult } from '../../packages/lab/src/uml/uml-guest.js';

/**
 * `check cabling` against real lldpd (Debian) on both ends of each node's trunk cable, in the kernel lab's guest
 * (the lab's kernel/): lldpd in each node's namespaces on enp4s0f0, and one for switch1 on its bridge ports, whose
 * neighbours switch1's simulator reports in `show lldp neighbors detail`. The nodes are read with `lldpctl -f json`.
 */
const root = new URL('../../', import.meta.url).pathname;
const skipReason =
  kernelLabMissing() ??
  (existsSync('/usr/sbin/lldpd') ? undefined : '/usr/sbin/lldpd is missing: install scripts/system-packages.txt');

describe.skipIf(skipReason !== undefined)(
  `the cabling check reads real lldpd neighbours on both sides${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const workDir = mkdtempSync(join(tmpdir(), 'acp-cabling-lldpd-'));
    let run: GuestRunResult;
    const file = (name: string): string => readFileSync(join(workDir, 'out', name), 'utf8');
    const shown = (name: string): string => `${file(`${name}.out`)}\n${file(`${name}.err`)}`;

    beforeAll(async () => {
      run = await runKernelLab({
        workDir,
        nmstatectl: findBuiltNmstatectl().path!,
        scenarioScript: readFileSync(join(root, 'test/lab/cabling-lldpd.payload.sh'), 'utf8'),
        timeoutMs: 240_000,
      });
    }, 250_000);
    afterAll(() => {
      if (!process.env['ACP_KEEP_LAB']) rmSync(workDir, { recursive: true, force: true });
    });

    it('lldpd on each end hears the other: the node its switch port, the switch the node', () => {
      expect(run.timedOut, run.output + run.consoleText.slice(-2000)).toBe(false);
      expect(run.output).toContain('lldpd: every cable heard from both ends');
      const node0 = JSON.parse(file('node0-lldpctl.json')) as {
        lldp: { interface: Record<string, { chassis: Record<string, unknown>; port: { id: { value: string } } }> };
      };
      expect(Object.keys(node0.lldp.interface['enp4s0f0']!.chassis)).toEqual(['switch1']);
      expect(node0.lldp.interface['enp4s0f0']!.port.id.value).toBe('Ethernet1/3');
      // The switch's simulator reports what its lldpd heard: node1's lldpd sends its NIC's MAC as Port ID and the
      // NIC's name as Port Description (lldpd's default on Linux).
      // The switch's CLI over ssh -T ends its lines with CRLF.
      const detail = file('switch1-show-lldp.txt').replace(/\r\n/g, '\n');
      expect(detail).toMatch(/Local Port id: Eth1\/7\nPort Description: enp4s0f0\nSystem Name: node1\n/);
      expect(detail).toMatch(
        /Port id: [0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\n|Port id: ([0-9a-f]{2}:){5}[0-9a-f]{2}\n/i,
      );
      expect(detail).toContain('Port Description: enp4s0f0');
    });

    it('check cabling confirms the three trunk cables from both ends; the unwired cluster and storage ports are warnings', () => {
      const check = file('check-cabling.out');
      expect(Number(file('check-cabling.code').trim()), shown('check-cabling')).toBe(0);
      expect(check).not.toMatch(/^error:/m);
      expect(check).toMatch(/^Cabling: 3 of 9 cable\(s\) confirmed by LLDP, 0 error\(s\)/m);
      // Read from the node's side too: its trunk NIC is confirmed, its unwired NICs hear nothing.
      expect(check).toContain('warning: node0 eno1 hears no LLDP neighbour; the inventory says switch1:Ethernet1/1');
      expect(check).not.toContain('on any NIC');
      const json = JSON.parse(file('check-cabling-json.out')) as { confirmed: number; links: number };
      expect(json).toMatchObject({ confirmed: 3, links: 9 });
    });
  },
);
