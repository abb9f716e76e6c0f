#!/usr/bin/env node
// Benchmark (not a test): 50 real namespace hosts (packages/lab/src/hosts), measured in one run, each 3 times:
//   (a) floor:   connect + one exec per host through the project's transport (connectHost), all hosts in parallel
//   (b) plan:    `acp-play plan` with one `file` template task, as a fresh CLI process
//   (c) ansible: `ansible-playbook --check` running the same template task (Debian's ansible-core, forks 50,
//                pipelining, curve25519 KEX, a private ControlPath directory per run)
// Targets: plan within 1.5x of the floor; plan at least 10x faster than Ansible. Needs root and a build (dist/).
// Usage: npm run bench [-- --hosts N --repeat R]
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const { values: args } = parseArgs({
  options: { hosts: { type: 'string', default: '50' }, repeat: { type: 'string', default: '3' } },
});
const HOSTS = Number(args.hosts);
const REPEAT = Number(args.repeat);
const ANSIBLE = '/usr/bin/ansible-playbook';

const { labUnavailableReason } = await import(join(ROOT, 'packages/lab/dist/hosts/lab-prereqs.js'));
const { startLabHosts } = await import(join(ROOT, 'packages/lab/dist/hosts/lab-hosts.js'));
const { connectHost } = await import(join(ROOT, 'dist/transport/ssh-transport.js'));

const unavailable = labUnavailableReason();
if (unavailable) {
  console.error(`bench: cannot run: ${unavailable}`);
  process.exit(1);
}
const hasAnsible = existsSync(ANSIBLE);

const work = mkdtempSync(join(tmpdir(), 'acp-bench-'));
const home = join(work, 'home');
mkdirSync(home);
let lab;
try {
  const started = Date.now();
  lab = await startLabHosts({ count: HOSTS, inventoryDir: join(work, 'inventory') });
  console.log(
    `bench: ${HOSTS} namespace hosts up in ${((Date.now() - started) / 1000).toFixed(1)} s; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  writeProject();
  const rows = { floor: [], plan: [], ansible: [] };
  const cpu = { floor: [], plan: [], ansible: [] };
  const timed = async (name, fn) => {
    const before = cpuSnapshot();
    rows[name].push(await fn());
    const after = cpuSnapshot();
    cpu[name].push(Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]])));
  };
  for (let i = 0; i < REPEAT; i++) {
    // Round robin, so a burst of load from elsewhere on the machine hits every contender alike.
    await timed('floor', measureFloor);
    await timed('plan', measurePlan);
    if (hasAnsible) await timed('ansible', () => measureAnsible(i));
    console.log(
      `bench: round ${i + 1}/${REPEAT}: floor ${fmt(rows.floor.at(-1))}, plan ${fmt(rows.plan.at(-1))}${hasAnsible ? `, ansible ${fmt(rows.ansible.at(-1))}` : ''}`,
    );
  }
  report(rows, cpu);
} finally {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
}

/** Playbooks and inventory files both tools read: the same template task, the same hosts and keys. */
function writeProject() {
  const inv = join(work, 'inventory');
  mkdirSync(join(work, 'playbooks'));
  mkdirSync(join(work, 'templates'));
  writeFileSync(join(work, 'templates', 'motd.njk'), 'Welcome to {{ inventory_hostname }}\n');
  writeFileSync(
    join(work, 'playbooks', 'site.yaml'),
    '- name: bench\n  hosts: linux\n  tasks:\n    - name: motd\n      file: {template: motd.njk, dest: /var/tmp/motd}\n',
  );
  writeFileSync(join(work, 'motd.j2'), 'Welcome to {{ inventory_hostname }}\n');
  writeFileSync(
    join(work, 'ansible-site.yml'),
    `- name: bench\n  hosts: linux\n  gather_facts: false\n  tasks:\n    - name: motd\n      ansible.builtin.template: {src: ${join(work, 'motd.j2')}, dest: /var/tmp/motd}\n`,
  );
  const sshArgs = `-o UserKnownHostsFile=${join(inv, 'known_hosts')} -o StrictHostKeyChecking=yes -o KexAlgorithms=curve25519-sha256`;
  writeFileSync(
    join(work, 'ansible-hosts.ini'),
    [
      '[linux]',
      ...lab.hosts.map((h) => `${h.name} ansible_host=127.0.0.1 ansible_port=${h.port}`),
      '[linux:vars]',
      'ansible_user=acplab',
      `ansible_ssh_private_key_file=${join(inv, 'id_ed25519')}`,
      `ansible_ssh_common_args='${sshArgs}'`,
      'ansible_python_interpreter=/usr/bin/python3',
      '',
    ].join('\n'),
  );
}

async function measureFloor() {
  const key = join(work, 'inventory', 'id_ed25519');
  const t0 = performance.now();
  await Promise.all(
    lab.hosts.map(async (h) => {
      const [type, blob] = h.hostKeyPub.split(' ');
      const conn = await connectHost(
        {
          name: h.name,
          address: '127.0.0.1',
          port: h.port,
          user: 'acplab',
          auth: { identityFiles: [key] },
          hostKeyCheck: (b) => b.toString('base64') === blob || 'host key does not match',
          hostKeyAlgorithms: [type],
        },
        { sshConfigPath: false, connectAttempts: 1 },
      );
      const r = await conn.exec('true');
      await conn.close();
      if (r.exitCode !== 0) throw new Error(`${h.name}: floor exec failed`);
    }),
  );
  return performance.now() - t0;
}

async function measurePlan() {
  const t0 = performance.now();
  const r = await child(process.execPath, [join(ROOT, 'bin', 'acp-play.js'), 'plan', 'inventory'], {
    NO_COLOR: '1',
    CI: 'true',
  });
  const ms = performance.now() - t0;
  if (r.code !== 0 || !r.stdout.includes(`Plan: ${HOSTS} change(s) on ${HOSTS} host(s).`))
    throw new Error(`acp-play plan did not plan every host (exit ${r.code}):\n${r.stdout.slice(-2000)}\n${r.stderr}`);
  return ms;
}

async function measureAnsible(round) {
  const controlDir = join(work, `cp-${round}`);
  mkdirSync(controlDir);
  writeFileSync(
    join(work, 'ansible.cfg'),
    [
      '[defaults]',
      'forks = 50',
      'host_key_checking = True',
      'retry_files_enabled = False',
      'interpreter_python = /usr/bin/python3',
      '[ssh_connection]',
      'pipelining = True',
      `control_path_dir = ${controlDir}`,
      '',
    ].join('\n'),
  );
  const t0 = performance.now();
  const r = await child(
    ANSIBLE,
    ['-i', 'ansible-hosts.ini', 'ansible-site.yml', '--check'],
    { ANSIBLE_CONFIG: join(work, 'ansible.cfg'), ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(work, 'ansible-tmp') },
    600_000,
  );
  const ms = performance.now() - t0;
  await closeMasters(controlDir);
  const changed = (r.stdout.match(/: ok=1 +changed=1 +unreachable=0 +failed=0/g) ?? []).length;
  if (r.code !== 0 || changed !== HOSTS)
    throw new Error(
      `ansible-playbook --check did not check every host (exit ${r.code}, ${changed} changed):\n${r.stdout.slice(-2000)}\n${r.stderr}`,
    );
  return ms;
}

/** Ends the ControlPersist masters of one Ansible run (a stale master once made a later run hang for minutes). */
async function closeMasters(controlDir) {
  for (const sock of readdirSync(controlDir)) {
    await run('ssh', ['-o', `ControlPath=${join(controlDir, sock)}`, '-O', 'exit', 'bench-master']).catch(
      () => undefined,
    );
  }
}

function child(cmd, argv, env, timeoutMs = 120_000) {
  return new Promise((done, fail) => {
    const c = spawn(cmd, argv, {
      cwd: work,
      env: { PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin', HOME: home, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => (c.kill('SIGKILL'), fail(new Error(`${cmd} took longer than ${timeoutMs / 1000} s`))),
      timeoutMs,
    );
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    c.on('close', (code) => (clearTimeout(timer), done({ code, stdout, stderr })));
  });
}

/**
 * CPU seconds so far, by side: this process, its reaped children (the CLI; ansible-playbook and the ssh clients it
 * reaped), every host's sshd (listener + reaped per-connection processes), every forwarder (socat + ip netns exec).
 */
function cpuSnapshot() {
  const ticks = (pid, withChildren) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime stime cutime cstime are fields 14-17 of stat (1-based), i.e. 11-14 after the command name.
      return (Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0)) / 100;
    } catch {
      return 0;
    }
  };
  const self = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const { user, system } = process.cpuUsage();
  return {
    client: (user + system) / 1e6 + (Number(self[13]) + Number(self[14])) / 100,
    sshd: lab.hosts.reduce((n, h) => n + ticks(h.sshdPid, true), 0),
    forwarders: lab.hosts.reduce((n, h) => n + ticks(h.socatPid, true), 0),
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function fmt(ms) {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`;
}

function report(rows, cpu) {
  const line = (name, xs) => `| ${name.padEnd(44)} | ${xs.map(fmt).join(' | ')} | ${fmt(median(xs))} |`;
  const floor = median(rows.floor);
  const plan = median(rows.plan);
  const ansible = rows.ansible.length > 0 ? median(rows.ansible) : undefined;
  const planRatio = plan / floor;
  const ansibleRatio = ansible === undefined ? undefined : ansible / plan;
  console.log(
    `\n${HOSTS} hosts, ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `| measurement ${' '.repeat(32)} | ${Array.from({ length: REPEAT }, (_, i) => `run ${i + 1}  `).join(' | ')} | median |`,
  );
  console.log(line('(a) floor: connect + 1 exec per host', rows.floor));
  console.log(line('(b) acp-play plan (file template)', rows.plan));
  if (ansible !== undefined) console.log(line('(c) ansible-playbook --check (template)', rows.ansible));
  console.log(
    '\nCPU seconds per measurement (median): client side | sshd (all hosts) | forwarders (socat + ip netns exec)',
  );
  for (const [name, xs] of Object.entries(cpu)) {
    if (xs.length === 0) continue;
    const m = (k) => median(xs.map((x) => x[k])).toFixed(2);
    console.log(
      `  ${name.padEnd(8)} ${m('client').padStart(6)} | ${m('sshd').padStart(6)} | ${m('forwarders').padStart(6)}`,
    );
  }
  console.log(`\nplan / floor   = ${planRatio.toFixed(2)}x  (target <= 1.5x: ${planRatio <= 1.5 ? 'met' : 'NOT met'})`);
  if (ansibleRatio !== undefined)
    console.log(
      `ansible / plan = ${ansibleRatio.toFixed(1)}x  (target >= 10x: ${ansibleRatio >= 10 ? 'met' : 'NOT met'})`,
    );
  else console.log(`ansible / plan: not measured (${ANSIBLE} not installed: apt-get install ansible-core)`);
}
