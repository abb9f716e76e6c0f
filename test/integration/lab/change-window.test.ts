import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunPlan, RunResult } from '../../../src/core/run.js';
import type { Transport } from '../../../src/core/transport.js';
import { lockId } from '../../../src/engine/local-run-identity.js';
import { acquireSiteLock, thisRun } from '../../../src/engine/site-lock.js';
import type { SiteLabState } from '../../../packages/lab/src/site/site-lab-state.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import { CLI, ROOT, runCli, type CliRun } from '../engine/cli-harness.js';
import { TerminalSession } from '../init/terminal-session.js';
import { runCliWithSignals } from './cli-signals.js';

// The change-window workflow on the default lab (`acp-play lab up`: an NX-OS simulator and three nmstate nodes), each
// step through the built CLI (npm run build first): plan --out, apply PLANFILE, refusals of a stale plan, Ctrl-C at
// known points of a plan and an apply, and two applies at once.
const cwd = mkdtempSync(join(tmpdir(), 'acp-change-window-'));
const inventory = join(cwd, 'inventories', 'lab');
const cli = (...args: string[]): Promise<CliRun> => runCli(args, cwd);
const said = (r: CliRun): string => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
const NODES = ['node0', 'node1', 'node2'];
let state: SiteLabState;

async function onDevice<T>(name: string, fn: (conn: Transport) => Promise<T>): Promise<T> {
  const d = state.devices.find((x) => x.name === name)!;
  const conn = await connectHost(
    {
      name,
      address: '127.0.0.1',
      port: d.port,
      user: name === 'switch1' ? 'admin' : 'core',
      auth: { identityFiles: [state.keyFile], agentSocket: false },
      hostKeyCheck: (blob) => `ssh-ed25519 ${blob.toString('base64')}` === d.hostKeyPublic || 'not the lab key',
      hostKeyAlgorithms: ['ssh-ed25519'],
    },
    { sshConfigPath: false, connectAttempts: 1, keepaliveIntervalMs: 0 },
  );
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

/** What every device holds now: the switch's running-config and checkpoints, each node's nmstate state. */
async function siteState(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  out['switch1'] = await onDevice('switch1', async (c) => {
    const config = (await c.exec('show running-config')).stdout.replace(/^!(Time|Running configuration).*$/gm, '');
    return `${config}\n${(await c.exec('show checkpoint summary')).stdout}`;
  });
  for (const node of NODES)
    out[node] = await onDevice(node, async (c) => (await c.exec('nmstatectl show --json')).stdout);
  return out;
}

/** Changes the switch behind the tool's back, in its own CLI. */
async function onSwitchCli(lines: string[]): Promise<void> {
  await onDevice('switch1', async (conn) => {
    const session = await conn.shell();
    const prompt = /^switch1(\([\w-]+\))?# $/;
    await session.readUntil(prompt, 5_000);
    for (const line of lines) await session.send(line, { prompt, timeoutMs: 5_000 });
    await session.close();
  });
}

function lastRecord(): { dir: string; plan?: RunPlan; result?: RunResult } {
  const runs = join(cwd, '.acp-play', 'runs');
  const dir = join(runs, readdirSync(runs).sort().at(-1)!);
  const read = <T>(f: string): T | undefined =>
    existsSync(join(dir, f)) ? (JSON.parse(readFileSync(join(dir, f), 'utf8')) as T) : undefined;
  return { dir, plan: read<RunPlan>('plan.json'), result: read<RunResult>('result.json') };
}

/** Drift on every device: VLAN 2004 gone from the switch, bridge2005 from every node. */
async function drift(): Promise<void> {
  await onSwitchCli(['configure terminal', 'no vlan 2004', 'end']);
  for (const node of NODES)
    await onDevice(node, (c) =>
      c.exec(
        "printf 'interfaces:\\n- name: bridge2005\\n  state: absent\\n' > d.yml && nmstatectl apply d.yml && rm d.yml",
      ),
    );
}

/** No host the plan did not finish may be called in sync, in the text or the JSON. */
function expectNoFalseInSync(r: CliRun, plan: RunPlan): void {
  expect(plan.interrupted).toBe(true);
  for (const h of plan.hosts.filter((x) => x.status === 'not-planned')) {
    expect(r.stdout).toContain(`${h.host}: not planned (interrupted)`);
    expect(r.stdout).not.toMatch(new RegExp(`^${h.host}: in sync$`, 'm'));
  }
  expect(r.stdout).not.toContain('No changes. Every host matches the inventory.');
}

beforeAll(async () => {
  const up = await cli('lab', 'up');
  expect(up.code, said(up)).toBe(0);
  state = JSON.parse(readFileSync(join(cwd, '.acp-play', 'lab', 'lab.json'), 'utf8')) as SiteLabState;
}, 60_000);

afterAll(async () => {
  if (existsSync(join(cwd, '.acp-play', 'lab', 'lab.json'))) await cli('lab', 'down');
  rmSync(cwd, { recursive: true, force: true });
});

describe('the change window on the default lab', () => {
  it('Ctrl-C during a plan: exit 130, unplanned hosts are "not planned", never in sync, and no plan file', async () => {
    for (const at of [/^plan [0-9a-f]{8}: /m, /^switch1: Access and trunk ports: /m, /^node0: VLAN interfaces/m]) {
      const r = await runCliWithSignals(
        ['plan', 'inventories/lab', '--forks', '1', '--out', 'cut.plan', '--json'],
        cwd,
        [{ at }],
      );
      expect(r.code, said(r)).toBe(130);
      expect(r.stderr).toMatch(/interrupt: no new work starts/);
      expect(r.stderr).toContain('cut.plan was not written: an interrupted plan is incomplete');
      expect(existsSync(join(cwd, 'cut.plan'))).toBe(false);
      const plan = JSON.parse(r.stdout) as RunPlan;
      expect(plan.interrupted).toBe(true);
      expect(plan.hosts.filter((h) => h.status === 'not-planned').length).toBeGreaterThan(0);
      expect(plan.hosts.filter((h) => h.status === 'in-sync')).toEqual([]);
      expect(lastRecord().plan).toMatchObject({ interrupted: true });
    }
    const text = await runCliWithSignals(['plan', 'inventories/lab', '--forks', '1'], cwd, [
      { at: /^switch1: Access and trunk ports: /m, signal: 'SIGTERM' },
    ]);
    expect(text.code, said(text)).toBe(130);
    expectNoFalseInSync(text, lastRecord().plan!);
    // node0 may have started before the signal arrived (then it finishes); node1 and node2 never start.
    expect(text.stdout).toMatch(/^Interrupted: [23] host\(s\) not planned\. This plan is incomplete/m);
    expect(text.stdout).toMatch(/^node2: not planned \(interrupted\)$/m);
  }, 120_000);

  it("Ctrl-C on a terminal (listr2's view): the run, not listr2, decides; exit 130; at the question, nothing applied", async () => {
    const onTerminal = (args: string): TerminalSession =>
      new TerminalSession(
        ['sh', '-c', `stty cols 150 rows 50; cd '${cwd}' && exec '${process.execPath}' '${CLI}' ${args}`],
        {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: join(cwd, 'home'),
        },
      );
    const plan = onTerminal('plan inventories/lab --forks 1');
    await plan.waitFor('PLAY [Node VLAN bridges]');
    plan.press('\x03');
    expect(await plan.exited, plan.screen).toBe(130);
    expect(plan.screen).toMatch(/node2: not planned \(interrupted\)/);
    expect(plan.screen).not.toMatch(/^node2: in sync$/m);
    await drift();
    const apply = onTerminal('apply inventories/lab');
    await apply.waitFor("Only 'yes' is accepted:");
    apply.press('\x03');
    expect(await apply.exited, apply.screen).toBe(130);
    expect(apply.screen).toMatch(/node0 +: ok=0 changed=0 failed=0 unreachable=0 skipped=0 NOT APPLIED/);
    expect(lastRecord().result).toMatchObject({ interrupted: true });
    const left = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(left.code, said(left)).toBe(2);
  }, 120_000);

  it('plan --out, apply PLANFILE --yes, then plan --detailed-exitcode exits 0; the plan holds what it was made of', async () => {
    const plan = await cli('plan', 'inventories/lab', '--out', 'site1.plan');
    expect(plan.code, said(plan)).toBe(0);
    const saved = JSON.parse(readFileSync(join(cwd, 'site1.plan'), 'utf8')) as RunPlan;
    expect(saved).toMatchObject({ format: 'acp-play/plan@2', interrupted: false });
    expect(Object.keys(saved.inputs.inventory)).toContain('host_vars/switch1.yaml');
    expect(Object.keys(saved.inputs.playbook)).toHaveLength(1);
    expect(Object.keys(saved.inputs.templates)).toContain('(packaged)/nmstate/node.yaml.njk');
    const sw = saved.hosts.find((h) => h.host === 'switch1')!;
    expect(sw.tasks[1]!.changes.find((c) => c.resource === 'Ethernet1/3')).toMatchObject({
      address: 'switch1/switch_ports/Ethernet1/3',
      pass: 'forward',
    });
    expect(sw.tasks[1]!.changes.find((c) => c.resource === 'Ethernet1/3')!.commands.map((c) => c.text)).toContain(
      'switchport trunk allowed vlan 2003-2005',
    );
    for (const h of saved.hosts) for (const t of h.tasks) expect(t.fingerprint?.digest).toMatch(/^[0-9a-f]{64}$/);
    // Two gathers of the unchanged site: the same fingerprints.
    const again = await cli('plan', 'inventories/lab', '--json');
    const second = JSON.parse(again.stdout) as RunPlan;
    expect(second.hosts.map((h) => h.tasks.map((t) => t.fingerprint!.digest))).toEqual(
      saved.hosts.map((h) => h.tasks.map((t) => t.fingerprint!.digest)),
    );

    const apply = await cli('apply', 'site1.plan', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    expect(apply.stdout).toMatch(/switch1 +: ok=2 changed=2 failed=0/);
    for (const node of NODES) expect(apply.stdout).toMatch(new RegExp(`${node} +: ok=1 changed=1 failed=0`));
    expect(lastRecord().result).toMatchObject({ planFile: 'site1.plan', interrupted: false });
    const after = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(after.code, said(after)).toBe(0);
    // Applied once: the same plan again is stale, since the devices moved (by its own apply).
    const twice = await cli('apply', 'site1.plan', '--yes');
    expect(twice.code, said(twice)).toBe(1);
  }, 180_000);

  it("a change behind the tool's back: apply PLANFILE refuses, exit 1, naming the port, and the site is untouched", async () => {
    await onSwitchCli([
      'configure terminal',
      'interface Ethernet1/7',
      'switchport trunk allowed vlan 2003,2005',
      'end',
    ]);
    const plan = await cli('plan', 'inventories/lab', '--out', 'drift.plan');
    expect(plan.code, said(plan)).toBe(0);
    expect(plan.stdout).toMatch(/~ Ethernet1\/7\n\s+Ethernet1\/7 allowed: \+2004/);
    await onSwitchCli(['configure terminal', 'interface Ethernet1/7', 'switchport trunk allowed vlan 2003', 'end']);
    const before = await siteState();
    const apply = await cli('apply', 'drift.plan', '--yes');
    expect(apply.code, said(apply)).toBe(1);
    expect(apply.stderr).toContain('drift.plan: the plan cannot be applied as it was made; nothing was changed:');
    expect(apply.stderr).toContain('switch1/switch_ports changed since the plan: Ethernet1/7');
    expect(await siteState()).toEqual(before);
  }, 120_000);

  it('an edit to the inventory: apply PLANFILE refuses before contacting anything, naming the file', async () => {
    const plan = await cli('plan', 'inventories/lab', '--out', 'edit.plan');
    expect(plan.code, said(plan)).toBe(0);
    const file = join(inventory, 'group_vars', 'all.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}# reviewed in CAB-1234\n`);
    try {
      const before = await siteState();
      const apply = await cli('apply', 'edit.plan', '--yes');
      expect(apply.code, said(apply)).toBe(1);
      expect(apply.stderr).toMatch(/^ {2}- inventory group_vars\/all\.yaml changed$/m);
      expect(apply.stdout).toBe('');
      expect(await siteState()).toEqual(before);
    } finally {
      writeFileSync(file, text);
    }
    const apply = await cli('apply', 'edit.plan', '--yes');
    expect(apply.code, said(apply)).toBe(0);
  }, 120_000);

  it('Ctrl-C at several points of an apply: work in flight finishes, nothing new starts, the rest is NOT APPLIED', async () => {
    const points = [
      /^apply [0-9a-f]{8}: /m,
      /^switch1: VLANs: taking checkpoint/m,
      /^node1: VLAN interfaces and bridges \(nmstate, commit-confirmed\): nmstatectl apply/m,
    ];
    for (const at of points) {
      await drift();
      const plan = await cli('plan', 'inventories/lab', '--out', 'repair.plan');
      expect(plan.code, said(plan)).toBe(0);
      const r = await runCliWithSignals(['apply', 'repair.plan', '--yes'], cwd, [{ at }]);
      expect(r.code, said(r)).toBe(130);
      const result = lastRecord().result!;
      expect(result.interrupted).toBe(true);
      // Every host had changes: it was either changed in full, or it is NOT APPLIED; never unchanged.
      for (const h of result.hosts)
        expect([h.host, h.status]).toEqual([h.host, expect.stringMatching(/^(changed|not-applied)$/)]);
      expect(result.hosts.find((h) => h.host === 'node2')!.status).toBe('not-applied');
      expect(r.stdout).toMatch(/^node2 +: ok=0 changed=0 failed=0 unreachable=0 skipped=0 NOT APPLIED/m);
      expect(r.stdout).not.toMatch(/^node2: VLAN interfaces/m);
      const rest = await cli('apply', 'inventories/lab', '--yes');
      expect(rest.code, said(rest)).toBe(0);
    }
  }, 300_000);

  it('a second Ctrl-C says what is still running and keeps waiting for it: the node is committed, not abandoned', async () => {
    await drift();
    const r = await runCliWithSignals(['apply', 'inventories/lab', '--yes'], cwd, [
      { at: /^node1: VLAN interfaces and bridges \(nmstate, commit-confirmed\): nmstatectl apply/m },
      { at: /^node1: .*(checking|nmstatectl commit)/m },
    ]);
    expect(r.code, said(r)).toBe(130);
    expect(r.sent).toBe(2);
    expect(r.stdout).toMatch(/interrupt: still waiting for node1 \(applying "VLAN interfaces and bridges/);
    expect(r.stdout).toMatch(/^node1: VLAN interfaces and bridges.*: changed \(1 change\(s\)\)/m);
    expect(r.stdout).toMatch(/^switch1 +: ok=2 changed=1 failed=0/m);
    expect(lastRecord().result!.hosts.find((h) => h.host === 'node2')!.status).toBe('not-applied');
    const left = await cli('plan', 'inventories/lab', '--detailed-exitcode');
    expect(left.code, said(left)).toBe(2);
    expect(left.stdout).toMatch(/^node1: in sync$/m);
    expect(left.stdout).toMatch(/^node2: 1 change\(s\)/m);
    const rest = await cli('apply', 'inventories/lab', '--yes');
    expect(rest.code, said(rest)).toBe(0);
  }, 180_000);

  it('a third Ctrl-C abandons the work in flight, records it, and leaves; NetworkManager undoes the node by itself', async () => {
    // The packaged play list with an 8 s commit-confirm window, so the abandoned node rolls back quickly, and a 2 s
    // probe before each commit, so that the three Ctrl-Cs, 100 ms apart, all land while node1's change is in flight
    // however fast the node answers.
    const playbook = readFileSync(join(ROOT, 'playbooks', 'site.yaml'), 'utf8').replace(
      'module: nmstate',
      'module: nmstate\n      args: {timeout: 8, probes: [{command: "sleep 2"}]}',
    );
    writeFileSync(join(cwd, 'short-window.yaml'), playbook);
    await drift();
    const r = await runCliWithSignals(['apply', 'inventories/lab', '--yes', '-p', 'short-window.yaml'], cwd, [
      { at: /^node1: VLAN interfaces and bridges \(nmstate, commit-confirmed\): nmstatectl apply/m },
      { afterMs: 100 },
      { afterMs: 100 },
    ]);
    expect(r.code, said(r)).toBe(130);
    expect(r.sent).toBe(3);
    expect(r.stdout).toMatch(/^interrupt: ABANDONED node1 \(applying "VLAN interfaces and bridges/m);
    const abandoned = JSON.parse(readFileSync(join(lastRecord().dir, 'abandoned.json'), 'utf8')) as {
      interrupted: boolean;
      abandoned: { host: string; phase: string }[];
    };
    expect(abandoned).toMatchObject({ interrupted: true, abandoned: [{ host: 'node1', phase: 'applying' }] });
    expect(existsSync(join(inventory, '.acp-play.lock'))).toBe(false);
    const list = await cli('runs');
    expect(list.stdout).toMatch(
      /ABANDONED with work in flight .*acp-play apply inventories\/lab --yes -p short-window\.yaml$/m,
    );
    expect(list.stdout).toMatch(/apply: \d+ changed, \d+ ok, 0 failed, \d+ not applied \(interrupted\)/);
    expect(list.stdout).toMatch(/plan: \d+ change\(s\) on \d+ host\(s\), \d+ not planned \(interrupted\)/);
    // Nobody committed node1's change: NetworkManager's checkpoint rolls it back when the 8 s window ends.
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    const left = await cli('plan', 'inventories/lab', '--detailed-exitcode', '-p', 'short-window.yaml');
    expect(left.stdout, said(left)).toMatch(/^node1: \d+ change\(s\)/m);
    expect(left.stdout, said(left)).toMatch(/^node0: in sync$/m);
    const rest = await cli('apply', 'inventories/lab', '--yes', '-p', 'short-window.yaml');
    expect(rest.code, said(rest)).toBe(0);
  }, 120_000);

  it("removes the checkpoints of runs that are gone, keeps those it cannot check, and never touches others'", async () => {
    const lock = lockId(join(inventory, '.acp-play.lock'));
    const machine = hostname().split('.')[0];
    await onSwitchCli([
      `checkpoint acp-play-dead0001-1 description acp-play run dead0001 lock ${lock} host ${machine} pid 999999`,
      'checkpoint acp-play-far00001-1 description acp-play run far00001 lock 0a0b0c0d host bastion-9 pid 42',
      'checkpoint before-upgrade',
      'configure terminal',
      'no vlan 2003',
      'end',
    ]);
    const apply = await cli('apply', 'inventories/lab', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    expect(apply.stdout).toContain('deleted 1 checkpoint(s) of acp-play runs that are gone: acp-play-dead0001-1');
    expect(apply.stdout).toMatch(/keeping 1 checkpoint\(s\) of other acp-play runs .*: acp-play-far00001-1/);
    const left = await onDevice('switch1', async (c) => (await c.exec('show checkpoint summary')).stdout);
    expect([...left.matchAll(/^\d+\) (\S+):$/gm)].map((m) => m[1])).toEqual(['acp-play-far00001-1', 'before-upgrade']);
    await onSwitchCli(['no checkpoint acp-play-far00001-1', 'no checkpoint before-upgrade']);
  }, 120_000);

  it('two applies at once: one runs, the other exits 1 naming the holder; --lock-timeout waits instead', async () => {
    await onSwitchCli(['configure terminal', 'no vlan 2003', 'end']);
    const [a, b] = await Promise.all([
      cli('apply', 'inventories/lab', '--yes'),
      cli('apply', 'inventories/lab', '--yes'),
    ]);
    const [won, lost] = a.code === 0 ? [a, b] : [b, a];
    expect([won.code, lost.code], `${said(a)}\n${said(b)}`).toEqual([0, 1]);
    const holder = /^apply ([0-9a-f]{8}): /m.exec(won.stdout)![1];
    expect(lost.stderr).toMatch(
      new RegExp(
        `^error: the site is locked by run ${holder} of \\S+ on \\S+ \\(pid \\d+\\), running since \\S+: acp-play apply inventories/lab --yes`,
        'm',
      ),
    );
    expect(existsSync(join(inventory, '.acp-play.lock'))).toBe(false);
    await onSwitchCli(['configure terminal', 'no vlan 2003', 'end']);
    // --lock-timeout: a run holding the site lock (this test, as run 7e5717e5) lets go after 3 s; the apply waits for
    // it, says so, then runs. (Two applies started together may not overlap on a loaded machine.)
    const lock = join(inventory, '.acp-play.lock');
    const held = await acquireSiteLock(lock, thisRun('7e5717e5', 'change-window test'), {});
    const waiting = cli('apply', 'inventories/lab', '--yes', '--lock-timeout', '2m');
    await new Promise((r) => setTimeout(r, 3000));
    held.release();
    const d = await waiting;
    expect(d.stderr).toMatch(
      /^waiting for the site lock: run 7e5717e5 of \S+ on \S+ holds it \(change-window test\)$/m,
    );
    expect(d.code, said(d)).toBe(0);
    expect(d.stdout).toMatch(/switch1: .*changed/);
  }, 180_000);

  it('VLAN 2005 leaves the devices: one ordered plan, node bridges removed before the VLAN definition, then in sync', async () => {
    const prune = readFileSync(join(ROOT, 'playbooks', 'site.yaml'), 'utf8')
      .replace('module: switch_vlans', 'module: switch_vlans\n      args: {prune: true}')
      .replace('module: nmstate', 'module: nmstate\n      args: {prune: true}');
    writeFileSync(join(cwd, 'prune.yaml'), prune);
    const start = await cli('apply', 'inventories/lab', '--yes');
    expect(start.code, said(start)).toBe(0);
    const edit = (file: string, from: RegExp, to: string): void => {
      const path = join(inventory, file);
      const text = readFileSync(path, 'utf8');
      expect(text).toMatch(from);
      writeFileSync(path, text.replace(from, to));
    };
    // No device carries VLAN 2005 any more: the nodes stop bridging it, the switch stops defining and trunking it.
    // (The site's own list keeps it, so pruning may remove its definition as one of the site's VLANs.)
    edit('group_vars/nodes.yaml', /^node:\n/m, 'node:\n  vlans: [2003, 2004]\n');
    edit('host_vars/switch1.yaml', /^switch:\n/m, 'switch:\n  vlans: [2000, 2001, 2002, 2003, 2004]\n');
    edit('host_vars/switch1.yaml', /allowed_vlans: 2000-2005/, 'allowed_vlans: 2000-2004');
    edit('host_vars/switch1.yaml', /allowed_vlans: 2003-2005/g, 'allowed_vlans: 2003-2004');

    const plan = await cli('plan', 'inventories/lab', '-p', 'prune.yaml', '--out', 'leave.plan', '--detailed-exitcode');
    expect(plan.code, said(plan)).toBe(2);
    const saved = JSON.parse(readFileSync(join(cwd, 'leave.plan'), 'utf8')) as RunPlan;
    const changes = saved.hosts.flatMap((h) => h.tasks.flatMap((t) => t.changes));
    const pass = (address: string) => changes.find((c) => c.address === address)?.pass;
    expect(pass('switch1/switch_vlans/vlan 2005')).toBe('reverse');
    for (const node of NODES) {
      expect(pass(`${node}/nmstate/bridge2005`)).toBe('reverse');
      expect(pass(`${node}/nmstate/enp4s0f0.2005`)).toBe('reverse');
    }
    const trunk = changes.find((c) => c.address === 'switch1/switch_ports/Ethernet1/7')!;
    expect(trunk.diff).toContain('-2005');
    const reverse = saved.order.filter((s) => s.pass === 'reverse').map((s) => s.play);
    expect(reverse.at(-1)).toBe('Switch VLAN definitions');
    expect(reverse.indexOf('Node VLAN bridges')).toBeLessThan(reverse.indexOf('Switch VLAN definitions'));
    expect(plan.stdout).toMatch(
      /then removals, in reverse play order:\n.*Node VLAN bridges.*node0, node1, node2 \(6 removals\)/,
    );

    const apply = await cli('apply', 'leave.plan', '--yes');
    expect(apply.code, said(apply)).toBe(0);
    const at = (re: RegExp): number => apply.stdout.search(re);
    const nodesRemoved = Math.max(
      ...NODES.map((n) => at(new RegExp(`^${n}: VLAN interfaces.*: changed \\(2 change`, 'm'))),
    );
    const vlanRemoved = at(/^switch1: VLANs: changed \(1 change/m);
    const narrowed = at(/^switch1: Access and trunk ports: changed/m);
    expect(Math.min(nodesRemoved, vlanRemoved, narrowed), said(apply)).toBeGreaterThan(0);
    expect(nodesRemoved).toBeLessThan(vlanRemoved);
    // The trunk narrows in the pass its plan gives it: after the node bridges when it is a removal of its own.
    if (trunk.pass === 'reverse') expect(narrowed).toBeGreaterThan(nodesRemoved);
    else expect(narrowed).toBeLessThan(nodesRemoved);
    const after = await cli('plan', 'inventories/lab', '-p', 'prune.yaml', '--detailed-exitcode');
    expect(after.code, said(after)).toBe(0);
    const gone = await onDevice('node1', async (c) => (await c.exec('nmstatectl show --json')).stdout);
    expect(gone).not.toContain('bridge2005');
    const sw = await onDevice('switch1', async (c) => (await c.exec('show running-config')).stdout);
    expect(sw).not.toMatch(/^vlan 2005$|2005/m);
  }, 180_000);
});
