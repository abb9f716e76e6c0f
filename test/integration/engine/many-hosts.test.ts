// requires root: network namespaces, one sshd per namespace (packages/lab/src/hosts)
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabHosts, type LabHosts } from '../../../packages/lab/src/hosts/lab-hosts.js';
import { labUnavailableReason } from '../../../packages/lab/src/hosts/lab-prereqs.js';
import { freePortFrom } from '../../../packages/lab/src/hosts/namespace-host.js';
import { runCli } from './cli-harness.js';

const LIVE = 45;
const DOWN = 5;
const PLAYBOOK = `- name: base
  hosts: linux
  tasks:
    - name: motd
      file: {template: motd.njk, dest: /var/tmp/motd, mode: "0640"}
    - name: marker
      command: {cmd: "touch /var/tmp/marker", creates: /var/tmp/marker}
`;

const unavailable = labUnavailableReason();

describe.skipIf(unavailable !== undefined)(
  `50 hosts in one run, 5 of them unreachable (${unavailable ?? 'namespace lab'})`,
  () => {
    let lab: LabHosts;
    let cwd: string;
    const live = Array.from({ length: LIVE }, (_, i) => `h${i + 1}`);
    const down = Array.from({ length: DOWN }, (_, i) => `down${i + 1}`);

    beforeAll(async () => {
      cwd = mkdtempSync(join(tmpdir(), 'acp-play-many-'));
      lab = await startLabHosts({ count: LIVE, inventoryDir: join(cwd, 'inventory') });
      // Five more hosts on loopback ports where nothing listens (above the lab's own ports).
      let port = 24_000 + LIVE + 500;
      for (const name of down) {
        port = await freePortFrom(port + 1);
        appendFileSync(join(cwd, 'inventory', 'hosts.yaml'), `        ${name}: {address: 127.0.0.1, port: ${port}}\n`);
      }
      mkdirSync(join(cwd, 'playbooks'));
      mkdirSync(join(cwd, 'templates'));
      writeFileSync(join(cwd, 'playbooks', 'site.yaml'), PLAYBOOK);
      writeFileSync(join(cwd, 'templates', 'motd.njk'), 'Welcome to {{ inventory_hostname }}\n');
    });

    afterAll(async () => {
      await lab?.stop();
      if (cwd) rmSync(cwd, { recursive: true, force: true });
    });

    /** The file as the host itself sees it: its sshd's mount namespace holds the tmpfs /var/tmp. */
    const remoteFile = (name: string, path: string): string => {
      const host = lab.hosts.find((h) => h.name === name)!;
      return readFileSync(`/proc/${host.sshdPid}/root${path}`, 'utf8');
    };
    const logins = (): number[] => live.map((name) => lab.acceptedCount(name));
    const recapLine = (stdout: string, name: string): string =>
      stdout.split('\n').find((l) => l.startsWith(`${name} `) && l.includes(' : ok=')) ?? `(no recap line for ${name})`;

    it(
      'apply changes the 45 reachable hosts over one connection each and reports the 5 others unreachable (exit 1)',
      { timeout: 60_000 },
      async () => {
        const before = logins();
        const r = await runCli(['apply', 'inventory', '--yes'], cwd);
        expect(r.code, r.stderr).toBe(1);
        for (const name of live)
          expect(recapLine(r.stdout, name)).toMatch(/: ok=2 changed=2 failed=0 unreachable=0 skipped=0$/);
        for (const name of down)
          expect(recapLine(r.stdout, name)).toMatch(/: ok=0 changed=0 failed=0 unreachable=1 skipped=0$/);
        expect(r.stdout).toMatch(/down1: connect failed: 127\.0\.0\.1:\d+: connection refused/);
        for (const name of live) {
          expect(remoteFile(name, '/var/tmp/motd')).toBe(`Welcome to ${name}\n`);
          expect(remoteFile(name, '/var/tmp/marker')).toBe('');
        }
        // One persistent connection per host for the whole run (plan, then apply with its re-gather and verify).
        expect(logins().map((n, i) => n - before[i]!)).toEqual(live.map(() => 1));
      },
    );

    it(
      'a second apply leaves the 45 unchanged and still exits 1 for the 5 unreachable',
      { timeout: 60_000 },
      async () => {
        const before = logins();
        const r = await runCli(['apply', 'inventory', '--yes'], cwd);
        expect(r.code, r.stderr).toBe(1);
        for (const name of live)
          expect(recapLine(r.stdout, name)).toMatch(/: ok=2 changed=0 failed=0 unreachable=0 skipped=0$/);
        for (const name of down)
          expect(recapLine(r.stdout, name)).toMatch(/: ok=0 changed=0 failed=0 unreachable=1 skipped=0$/);
        expect(logins().map((n, i) => n - before[i]!)).toEqual(live.map(() => 1));
      },
    );
  },
);
