import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runFakeBusctl, runFakeNmstatectl } from '../../../packages/lab/src/node-sim/fake-nmstatectl.js';
import { applyDesired } from '../../../packages/lab/src/node-sim/nmstate-sim-apply.js';
import {
  baseNodeState,
  showText,
  type SimIface,
  type SimNodeState,
} from '../../../packages/lab/src/node-sim/nmstate-sim-state.js';
import { readNodeState, writeNodeState } from '../../../packages/lab/src/node-sim/node-state-file.js';
import { planNmstate } from '../../../src/platforms/nmstate/nmstate-plan.js';
import { toNmstateState } from '../../../src/platforms/nmstate/nmstate-state.js';

const fixtures = new URL('../../fixtures/nmstate/', import.meta.url);
const recorded = (name: string): { interfaces: SimIface[] } & Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`recorded/${name}`, fixtures), 'utf8'));
const desiredText = readFileSync(new URL('desired/node0.yml', fixtures), 'utf8');
const desired = parse(desiredText) as unknown;
const CP = '/org/freedesktop/NetworkManager/Checkpoint/';

function applied(state: SimNodeState, doc: unknown = desired): SimNodeState {
  const r = applyDesired(state.interfaces, doc, state.hostname);
  if (!r.ok) throw new Error(r.error);
  return { ...state, interfaces: r.interfaces };
}

function show(state: SimNodeState, name?: string): { interfaces: SimIface[] } & Record<string, unknown> {
  return JSON.parse(showText(state, name));
}

describe('show: nmstatectl 2.2.62 output shape', () => {
  it('has the recorded top-level keys, interfaces sorted by name, lo exactly as recorded', () => {
    const out = show(baseNodeState('node0', 0));
    expect(Object.keys(out)).toEqual(Object.keys(recorded('show-before.json')));
    expect(out.interfaces.map((i) => i.name)).toEqual(['eno1', 'enp4s0f0', 'lo']);
    expect(out.interfaces.find((i) => i.name === 'lo')).toEqual(
      recorded('show-before.json').interfaces.find((i) => i.name === 'lo'),
    );
  });

  it('filters on ONE exact name and prints only interfaces; a comma list matches nothing (as 2.2.62 does)', () => {
    const state = baseNodeState('node0', 0);
    expect(show(state, 'enp4s0f0')).toEqual({
      interfaces: [expect.objectContaining({ name: 'enp4s0f0', type: 'ethernet' })],
    });
    expect(show(state, 'enp4s0f0,lo')).toEqual({ interfaces: [] });
    expect(show(state, 'enp*')).toEqual({ interfaces: [] });
  });

  it('fills in a new VLAN interface and bridge exactly as the recorded after-state (but the MAC and the live gc-timer)', () => {
    const after = show(applied(baseNodeState('node0', 0)));
    const real = recorded('show-after.json');
    for (const i of [...after.interfaces, ...real.interfaces])
      delete (i['bridge'] as { options?: Record<string, unknown> } | undefined)?.options?.['gc-timer'];
    for (const name of ['enp4s0f0.2003', 'bridge2005']) {
      const { 'mac-address': mine, ...ours } = after.interfaces.find((i) => i.name === name)!;
      const { 'mac-address': theirs, ...recordedIface } = real.interfaces.find((i) => i.name === name)!;
      expect(ours).toEqual(recordedIface);
      expect(Object.keys(ours)).toEqual(Object.keys(recordedIface));
      expect(typeof mine).toBe(typeof theirs);
    }
    const nic = after.interfaces.find((i) => i.name === 'enp4s0f0')!;
    expect(after.interfaces.find((i) => i.name === 'bridge2003')!['mac-address']).toBe(nic['mac-address']);
  });

  it('is in sync for the driver planner after the apply (idempotent), and not before', () => {
    const want = toNmstateState(desired, 'node0.yml');
    expect(planNmstate(want, toNmstateState(show(baseNodeState('node0', 0)), 'before')).changes).toHaveLength(6);
    expect(planNmstate(want, toNmstateState(show(applied(baseNodeState('node0', 0))), 'after')).changes).toEqual([]);
  });
});

describe('apply: partial desired state', () => {
  it('preserves what the desired state does not name, and a new bridge gets STP on', () => {
    const state = applied(baseNodeState('node0', 0));
    const next = applied(state, {
      interfaces: [
        { name: 'bridge2003', mtu: 9000 },
        { name: 'br9', type: 'linux-bridge', state: 'up', bridge: { port: [] } },
      ],
    });
    const b = show(next).interfaces.find((i) => i.name === 'bridge2003')!;
    expect(b['mtu']).toBe(9000);
    expect((b['bridge'] as { options: { stp: { enabled: boolean } } }).options.stp.enabled).toBe(false);
    expect(
      (show(next).interfaces.find((i) => i.name === 'br9')!['bridge'] as { options: { stp: { enabled: boolean } } })
        .options.stp.enabled,
    ).toBe(true);
  });

  it('state: absent removes an interface, drops it from its bridge, and takes VLANs on a removed parent along', () => {
    const state = applied(baseNodeState('node0', 0));
    const r = applyDesired(state.interfaces, { interfaces: [{ name: 'enp4s0f0.2004', state: 'absent' }] }, 'node0');
    expect(r.ok && r.changed).toEqual(['bridge2004', 'enp4s0f0.2004']);
    const b = r.ok ? r.interfaces.find((i) => i.name === 'bridge2004')! : undefined;
    expect((b?.['bridge'] as { port: unknown[] }).port).toEqual([]);
    const gone = applyDesired(state.interfaces, { interfaces: [{ name: 'enp4s0f0', state: 'absent' }] }, 'node0');
    expect(gone.ok && gone.interfaces.map((i) => i.name).filter((n) => n.startsWith('enp'))).toEqual([]);
  });

  it('refuses a bridge port that does not exist (before any checkpoint), as nmstate words it', () => {
    const r = applyDesired(
      baseNodeState('node0', 0).interfaces,
      { interfaces: [{ name: 'br0', type: 'linux-bridge', bridge: { port: [{ name: 'nope0' }] } }] },
      'node0',
    );
    expect(r).toMatchObject({
      ok: false,
      stage: 'validate',
      error: 'NmstateError: InvalidArgument: Controller interface br0 is holding unknown port nope0',
    });
  });

  it('fails a VLAN whose base interface does not exist under the checkpoint', () => {
    const r = applyDesired(
      baseNodeState('node0', 0).interfaces,
      { interfaces: [{ name: 'eth9.5', type: 'vlan', vlan: { 'base-iface': 'eth9', id: 5 } }] },
      'node0',
    );
    expect(r).toMatchObject({ ok: false, stage: 'activate' });
  });
});

describe('fake nmstatectl and busctl: checkpoints', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  function node(): { statePath: string; file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'acp-node-sim-'));
    dirs.push(dir);
    writeNodeState(join(dir, 'state.json'), baseNodeState('node0', 0));
    writeFileSync(join(dir, 'd.yml'), desiredText);
    return { statePath: join(dir, 'state.json'), file: join(dir, 'd.yml') };
  }
  const busctl = [
    '--system',
    'get-property',
    'org.freedesktop.NetworkManager',
    '/org/freedesktop/NetworkManager',
    'org.freedesktop.NetworkManager',
    'Checkpoints',
  ];

  it('apply --no-commit names its checkpoint in the log; NetworkManager rolls it back after the timeout', () => {
    const { statePath, file } = node();
    const t0 = Date.parse('2026-11-27T22:44:47Z');
    const r = runFakeNmstatectl(['apply', '--no-commit', '--timeout', '5', file], statePath, t0);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `[2026-11-27T22:44:47Z INFO  nmstate::query_apply::net_state] Skipping commit for checkpoint ${CP}1\n`,
    );
    expect(r.stdout).toMatch(/^route-rules: \{\}\nroutes: \{\}\ninterfaces:\n- name: bridge2003\n/);
    expect(runFakeBusctl(busctl, statePath, t0 + 4_000).stdout).toBe(`ao 1 "${CP}1"\n`);
    expect(readNodeState(statePath).interfaces).toHaveLength(9);
    expect(runFakeBusctl(busctl, statePath, t0 + 5_000).stdout).toBe('ao 0\n');
    expect(readNodeState(statePath).interfaces.map((i) => i.name)).toEqual(['eno1', 'enp4s0f0', 'lo']);
    expect(readNodeState(statePath).expired).toEqual([{ path: `${CP}1`, at: t0 + 5_000 }]);
  });

  it('commit and rollback take the path, print it, and fail on an unknown one', () => {
    const { statePath, file } = node();
    runFakeNmstatectl(['apply', '--no-commit', '--timeout', '60', file], statePath);
    expect(runFakeNmstatectl(['apply', '--no-commit', file], statePath)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('CheckpointConflict'),
    });
    expect(runFakeNmstatectl(['commit', `${CP}7`], statePath)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`checkpoint ${CP}7 does not exist`),
    });
    expect(runFakeNmstatectl(['rollback', `${CP}1`], statePath)).toMatchObject({ code: 0, stdout: `${CP}1\n` });
    expect(readNodeState(statePath).interfaces).toHaveLength(3);
    runFakeNmstatectl(['apply', '--no-commit', file], statePath);
    expect(runFakeNmstatectl(['commit', `${CP}2`], statePath)).toMatchObject({ code: 0, stdout: `${CP}2\n` });
    expect(readNodeState(statePath)).toMatchObject({ checkpoints: [], nextCheckpoint: 3 });
    expect(readNodeState(statePath).interfaces).toHaveLength(9);
    expect(runFakeNmstatectl(['commit'], statePath)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('NmstateError: Bug: NotFound: Not active checkpoints'),
    });
  });

  it('a refused state leaves no checkpoint and changes nothing; a plain apply destroys its checkpoint', () => {
    const { statePath, file } = node();
    writeFileSync(file, 'interfaces:\n- name: br0\n  type: linux-bridge\n  bridge:\n    port:\n    - name: nope0\n');
    const bad = runFakeNmstatectl(['apply', file], statePath);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n').pop()).toBe(
      'NmstateError: InvalidArgument: Controller interface br0 is holding unknown port nope0',
    );
    expect(readNodeState(statePath)).toMatchObject({ checkpoints: [], nextCheckpoint: 1 });
    writeFileSync(file, desiredText);
    expect(runFakeNmstatectl(['apply', file], statePath).stderr).toContain(`Destroyed checkpoint ${CP}1`);
    expect(runFakeBusctl(busctl, statePath).stdout).toBe('ao 0\n');
  });
});
