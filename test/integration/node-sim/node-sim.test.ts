import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEd25519Key } from '../../../packages/lab/src/ed25519-key.js';
import { startNodeSim, type NodeSimHandle } from '../../../packages/lab/src/node-sim/start-node-sim.js';
import { LAB_SITE_YAML } from '../../../packages/lab/src/site/site-lab-inventory.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import type { Transport } from '../../../src/core/transport.js';
import { runCli } from '../engine/cli-harness.js';

// Needs the compiled fake nmstatectl and CLI (npm run build), like every test of the built CLI.
const work = mkdtempSync(join(tmpdir(), 'acp-node-sim-it-'));
const client = generateEd25519Key('node-sim test');
const keyFile = join(work, 'id_ed25519');
const execs: string[] = [];
let node: NodeSimHandle;
let conn: Transport;

function readCmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

beforeAll(async () => {
  writeFileSync(keyFile, client.privateKey, { mode: 0o600 });
  node = await startNodeSim({
    name: 'node0',
    dir: join(work, 'node0'),
    username: 'core',
    publicKeys: [client.publicLine],
    onExec: (c) => execs.push(c),
  });
  conn = await connectHost(
    {
      name: 'node0',
      address: '127.0.0.1',
      port: node.port,
      user: 'core',
      auth: { identityFiles: [keyFile], agentSocket: false },
      hostKeyCheck: (blob) =>
        `ssh-ed25519 ${blob.toString('base64')}` === node.hostKeyPublic || 'host key differs from the simulator',
      hostKeyAlgorithms: ['ssh-ed25519'],
    },
    { sshConfigPath: false, connectAttempts: 1, keepaliveIntervalMs: 0 },
  );
});

afterAll(async () => {
  await conn?.close();
  await node?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('node simulator over SSH (the project transport)', () => {
  it('runs commands with the real /bin/sh in the node folder: output, exit status, stdin', async () => {
    const r = await conn.exec('echo "$PWD"; echo oops >&2; exit 3');
    expect(r).toMatchObject({ stdout: `${node.dir}\n`, stderr: 'oops\n', exitCode: 3 });
    expect((await conn.exec('tr a-z A-Z', { stdin: 'hello' })).stdout).toBe('HELLO');
  });

  it('answers nmstatectl and busctl from the node state file', async () => {
    const show = await conn.exec('nmstatectl show --json enp4s0f0');
    expect(show.exitCode).toBe(0);
    expect(JSON.parse(show.stdout)).toEqual({
      interfaces: [expect.objectContaining({ name: 'enp4s0f0', type: 'ethernet', state: 'up' })],
    });
    expect(show.stderr).toMatch(/^\[\S+Z INFO {2}nmstatectl\] Nmstate version: 2\.2\.62\n$/);
    const bus = await conn.exec(
      'busctl --system get-property org.freedesktop.NetworkManager /org/freedesktop/NetworkManager org.freedesktop.NetworkManager Checkpoints',
    );
    expect(bus).toMatchObject({ stdout: 'ao 0\n', exitCode: 0 });
  });

  it('answers a plain `nmstatectl show` in its own process exactly as the fake run by /bin/sh does', async () => {
    // `command nmstatectl ...` is shell syntax, so it goes through /bin/sh and the fake's own process.
    const timestamp = /^\[\S+Z /;
    for (const args of ['show --json', 'show --json enp4s0f0', 'show enp4s0f0', 'show', 'show --json nosuch0']) {
      const inProcess = await conn.exec(`nmstatectl ${args}`);
      const throughShell = await conn.exec(`command nmstatectl ${args}`);
      expect(inProcess.exitCode).toBe(throughShell.exitCode);
      expect(inProcess.stdout).toBe(throughShell.stdout);
      expect(inProcess.stderr.replace(timestamp, '')).toBe(throughShell.stderr.replace(timestamp, ''));
    }
    const children = (await conn.exec('nmstatectl show --json; echo $PPID')).stdout;
    expect(children).toMatch(/\d+\n$/);
  });

  it('offers no SFTP: upload falls back to `cat > FILE` over exec', async () => {
    const path = join(work, 'uploaded.yaml');
    execs.length = 0;
    await conn.upload(path, 'interfaces: []\n', { mode: 0o600 });
    expect(readFileSync(path, 'utf8')).toBe('interfaces: []\n');
    expect(execs.some((c) => c.includes(`cat > '${path}'`) || c.includes(`cat > ${path}`))).toBe(true);
  });
});

describe('node simulator through the real nmstate driver (built CLI)', () => {
  const cwd = join(work, 'run');
  const inv = join(cwd, 'inventory');
  beforeAll(() => {
    mkdirSync(join(inv, 'group_vars'), { recursive: true });
    writeFileSync(
      join(inv, 'hosts.yaml'),
      `all:\n  children:\n    nodes:\n      hosts:\n        node0: {address: 127.0.0.1, port: ${node.port}}\n`,
    );
    writeFileSync(join(inv, 'group_vars', 'all.yaml'), LAB_SITE_YAML);
    writeFileSync(
      join(inv, 'group_vars', 'nodes.yaml'),
      `platform: nmstate\nuser: core\nbecome: false\nssh_private_key_file: ${keyFile}\nnode:\n  trunk_nic: enp4s0f0\n`,
    );
    writeFileSync(join(inv, 'known_hosts'), `[127.0.0.1]:${node.port} ${node.hostKeyPublic}\n`);
    // A probe that outlasts the 5 s window: the driver loses the node's answer and NetworkManager rolls back by
    // timeout.
    writeFileSync(
      join(cwd, 'slow-probe.yaml'),
      '- name: Node VLAN bridges\n  hosts: nodes\n  tasks:\n    - name: bridges\n      module: nmstate\n      args:\n        timeout: 5\n        probes:\n          - {command: "sleep 37"}\n',
    );
  });

  it('plans the bridges, applies them, re-plans empty', async () => {
    const plan = await runCli(['plan', 'inventory', '--detailed-exitcode'], cwd);
    expect(plan.code, plan.stderr + plan.stdout).toBe(2);
    for (const name of ['enp4s0f0.2003', 'bridge2003', 'enp4s0f0.2005', 'bridge2005'])
      expect(plan.stdout).toContain(`+ ${name}`);
    const apply = await runCli(['apply', 'inventory', '--yes'], cwd);
    expect(apply.code, apply.stderr + apply.stdout).toBe(0);
    expect(apply.stdout).toMatch(/nmstatectl commit \/org\/freedesktop\/NetworkManager\/Checkpoint\/1/);
    expect(
      node
        .state()
        .interfaces.map((i) => i.name)
        .sort(),
    ).toEqual([
      'bridge2003',
      'bridge2004',
      'bridge2005',
      'eno1',
      'enp4s0f0',
      'enp4s0f0.2003',
      'enp4s0f0.2004',
      'enp4s0f0.2005',
      'lo',
    ]);
    const again = await runCli(['plan', 'inventory', '--detailed-exitcode'], cwd);
    expect(again.code, again.stdout).toBe(0);
    expect(existsSync(join(node.dir, 'state.json'))).toBe(true);
  }, 120_000);

  it('a change whose checks never answer is rolled back by NetworkManager when the checkpoint times out', async () => {
    const state = node.state();
    node.setState({
      ...state,
      interfaces: state.interfaces.filter((i) => i.name !== 'bridge2004' && i.name !== 'enp4s0f0.2004'),
    });
    const apply = await runCli(['apply', 'inventory', '-p', 'slow-probe.yaml', '--yes'], cwd);
    expect(apply.code, apply.stdout + apply.stderr).toBe(1);
    expect(apply.stdout + apply.stderr).toMatch(
      /by timeout: NetworkManager restored \/org\/freedesktop\/NetworkManager\/Checkpoint\/\d+/,
    );
    const after = node.state();
    expect(after.checkpoints).toEqual([]);
    expect(after.expired.length).toBe(1);
    expect(after.interfaces.map((i) => i.name)).not.toContain('bridge2004');
    // The probe the driver gave up on was killed with its whole process group, not left running.
    const sleepers = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && readCmdline(p) === 'sleep\u000037\u0000');
    expect(sleepers).toEqual([]);
  }, 120_000);
});
