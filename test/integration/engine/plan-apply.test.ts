// requires root: creates a test user and sudoers entry
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSshd, isRoot, ROOT_SKIP_REASON, startManySshd, stopAllSshd, type SshdHost } from '../helpers/sshd-host.js';
import { linuxSite, runCli, type LinuxSite } from './cli-harness.js';

const PLAYBOOK = `- name: base
  hosts: linux
  tasks:
    - name: marker
      command: {cmd: "touch {{ workdir }}/marker", creates: "{{ workdir }}/marker"}
    - name: motd
      file: {template: motd.njk, dest: "{{ workdir }}/motd", mode: "0640"}
`;

describe.skipIf(!(isRoot && hasSshd))(`plan and apply against real sshd hosts (${ROOT_SKIP_REASON})`, () => {
  let hosts: SshdHost[];
  let site: LinuxSite;

  beforeAll(async () => {
    hosts = await startManySshd(3);
    site = linuxSite(hosts, {
      'playbooks/site.yaml': PLAYBOOK,
      'templates/motd.njk': 'Welcome to {{ inventory_hostname }}\n',
    });
  });
  afterAll(stopAllSshd);

  it('plan shows every change, changes nothing, and exits 2 with --detailed-exitcode', async () => {
    const r = await runCli(['plan', 'inventory', '--detailed-exitcode'], site.cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('+Welcome to h1');
    expect(r.stdout).toContain('Plan: 6 change(s) on 3 host(s).');
    expect(r.stdout).toMatch(/h0: marker: will change \(1 change\(s\)\)/);
    expect(existsSync(join(site.workdirs[0]!, 'motd'))).toBe(false);
  });

  it('apply --yes changes every host, then a second apply reports 0 changed', async () => {
    const first = await runCli(['apply', 'inventory', '--yes'], site.cwd);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/h2 +: ok=2 changed=2 failed=0 unreachable=0 skipped=0/);
    for (const [i, dir] of site.workdirs.entries()) {
      expect(readFileSync(join(dir, 'motd'), 'utf8')).toBe(`Welcome to h${i}\n`);
      expect(statSync(join(dir, 'motd')).mode & 0o777).toBe(0o640);
      expect(existsSync(join(dir, 'marker'))).toBe(true);
    }
    const second = await runCli(['apply', 'inventory', '--yes'], site.cwd);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No changes. Every host matches the inventory.');
    const plan = await runCli(['plan', 'inventory', '--detailed-exitcode'], site.cwd);
    expect(plan.code).toBe(0);
  });

  it('shows drift as a unified diff and repairs it', async () => {
    writeFileSync(join(site.workdirs[1]!, 'motd'), 'edited by hand\n');
    const plan = await runCli(['plan', 'inventory', '--detailed-exitcode', '--json'], site.cwd);
    expect(plan.code).toBe(2);
    const doc = JSON.parse(plan.stdout) as {
      format: string;
      hosts: { host: string; tasks: { changes: { diff: string }[] }[] }[];
    };
    expect(doc.format).toBe('acp-play/plan@2');
    const h1 = doc.hosts.find((h) => h.host === 'h1')!;
    expect(h1.tasks[1]!.changes[0]!.diff).toContain('-edited by hand\n+Welcome to h1');
    expect(doc.hosts.filter((h) => h.tasks.some((t) => t.changes.length > 0)).map((h) => h.host)).toEqual(['h1']);
    const apply = await runCli(['apply', 'inventory', '--yes'], site.cwd);
    expect(apply.code).toBe(0);
    expect(readFileSync(join(site.workdirs[1]!, 'motd'), 'utf8')).toBe('Welcome to h1\n');
  });

  it('refuses a host whose key changed before touching it; the other hosts carry on', async () => {
    const kh = join(site.inventory, 'known_hosts');
    const saved = readFileSync(kh, 'utf8');
    const forged = saved.replace(hosts[0]!.hostKeyPub, hosts[1]!.hostKeyPub);
    writeFileSync(kh, forged);
    writeFileSync(join(site.workdirs[0]!, 'motd'), 'drift\n');
    try {
      const r = await runCli(['apply', 'inventory', '--yes', '--accept-new'], site.cwd);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/h0 +: ok=0 changed=0 failed=0 unreachable=1/);
      expect(r.stdout).toContain('HOST IDENTIFICATION HAS CHANGED');
      expect(readFileSync(join(site.workdirs[0]!, 'motd'), 'utf8')).toBe('drift\n');
      expect(readFileSync(kh, 'utf8')).toBe(forged); // --accept-new never replaces a changed key
    } finally {
      writeFileSync(kh, saved);
    }
  });

  it('writes a run record with the plan, the result and a per-host transcript', async () => {
    const list = await runCli(['runs'], site.cwd);
    expect(list.code).toBe(0);
    const last = await runCli(['runs', '--show', 'last'], site.cwd);
    expect(last.stdout).toMatch(
      /---- h0 ----\n.*connect: 127\.0\.0\.1:\d+ failed\n[^-]*HOST IDENTIFICATION HAS CHANGED/,
    );
    expect(last.stdout).toMatch(/---- h1 ----\n(.*\n)*.*exec: .*stat -c/);
  });

  it('a template naming a missing variable is bad input: exit 3, nothing contacted', async () => {
    writeFileSync(join(site.cwd, 'templates', 'motd.njk'), 'Welcome to {{ no_such_var }}\n');
    const before = hosts.map((h) => h.acceptedCount());
    try {
      const r = await runCli(['plan', 'inventory'], site.cwd);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/no_such_var/);
      expect(hosts.map((h) => h.acceptedCount())).toEqual(before);
    } finally {
      writeFileSync(join(site.cwd, 'templates', 'motd.njk'), 'Welcome to {{ inventory_hostname }}\n');
    }
  });
});
