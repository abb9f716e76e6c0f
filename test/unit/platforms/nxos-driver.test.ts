import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { localRunIdentity } from '../../../src/engine/local-run-identity.js';
import { applyStep, planStep } from '../../../src/engine/task-step.js';
import { ApplyError } from '../../../src/core/errors.js';
import { interpretCiscoConfig } from '../../../src/platforms/cisco-config-interpreter.js';
import { nxosDriver } from '../../../src/platforms/cisco-nxos/nxos-driver.js';
import { NXOS_DIALECT } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import { parseCheckpointNames, parseCheckpoints } from '../../../src/platforms/cisco-nxos/nxos-checkpoints.js';
import { planSwitch } from '../../../src/platforms/switch-plan.js';
import { switchSpec } from './switch-plan-case-loader.js';
import {
  afterOpen,
  driverContext,
  fakeSwitch,
  switchModel,
  switchPortsModule,
  stepOf,
  switchVlansModule,
  taskContext,
} from './switch-driver-harness.js';

const managedVlans = [2003, 2004, 2005];

describe('NX-OS driver', () => {
  it('checkpoint -> config -> drop checkpoint; deletes only checkpoints of its own and dead runs; idempotent', async () => {
    const notes: string[] = [];
    // This run holds the site lock /site/inventory/.acp-play.lock (lock id c775ed65): run deadbeef, which tagged its
    // checkpoint with the same lock, cannot be running; 0ther0ne (another lock, another machine) and 0ld0ld00 (no
    // tag) cannot be checked, so they stay.
    const ctx = {
      ...driverContext('cisco_nxos', notes),
      run: localRunIdentity('r1', '/site/inventory/.acp-play.lock'),
    };
    // NX-OS answers a checkpoint with "Done"; this one's name carries the run's tag (pid and machine vary).
    const taken = `checkpoint acp-play-r1-1 description ${ctx.run.tag}`;
    const { session, conn } = fakeSwitch('nxos/basic', new Map([[taken, 'Done']]));
    const model = switchModel('cisco_nxos');
    const { state: current } = await nxosDriver.gather(conn, ctx);
    const plan = planSwitch(switchSpec(model.platform), model, current, { managedVlans });
    const txn = await nxosDriver.begin(conn, ctx);
    await nxosDriver.apply(conn, plan, ctx, txn);
    await nxosDriver.commit(conn, ctx, txn);
    const machine = hostname().split('.')[0];
    expect(afterOpen(session)).toEqual([
      'show running-config',
      "show running-config all | incl 'system default switchport'",
      'show checkpoint summary',
      'no checkpoint acp-play-deadbeef-1',
      `checkpoint acp-play-r1-1 description acp-play run r1 lock c775ed65 host ${machine} pid ${process.pid}`,
      'configure terminal',
      'vlan 2004',
      'name virtual-machines-2',
      'exit',
      'interface Ethernet1/3',
      'switchport trunk allowed vlan 2003-2005',
      'exit',
      'end',
      'no checkpoint acp-play-r1-1',
    ]);
    expect(notes).toContain('deleted 1 checkpoint(s) of acp-play runs that are gone: acp-play-deadbeef-1');
    expect(notes.find((n) => n.startsWith('keeping 2 checkpoint(s) of other acp-play runs'))).toContain(
      'acp-play-0ld0ld00-1, acp-play-0ther0ne-2',
    );
    expect(notes).toContain('keeping 1 checkpoint(s) acp-play did not make: before-upgrade');
    // STYLE 10: feed the post-apply state back, re-plan, expect no changes.
    const after = interpretCiscoConfig(session.configCommands().join('\n'), NXOS_DIALECT, current);
    expect(planSwitch(switchSpec(model.platform), model, after, { managedVlans }).changes).toEqual([]);
  });

  it('refuses to begin next to a checkpoint of an acp-play run still running on this machine', async () => {
    const machine = hostname().split('.')[0];
    const summary = [
      'User Checkpoint Summary',
      '-'.repeat(80),
      '1) acp-play-11ve0000-1:',
      'Created by admin',
      `Description: acp-play run 11ve0000 lock 99999999 host ${machine} pid ${process.pid}`,
      '',
    ].join('\n');
    const { session, conn } = fakeSwitch('nxos/basic', new Map([['show checkpoint summary', summary]]));
    const ctx = { ...driverContext('cisco_nxos'), run: localRunIdentity('r1', '/site/inventory/.acp-play.lock') };
    const err = (await nxosDriver.begin(conn, ctx).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(
      /^checkpoint acp-play-11ve0000-1 belongs to acp-play run 11ve0000, which is still running/,
    );
    expect(afterOpen(session)).toEqual(['show checkpoint summary']);
  });

  it('names checkpoints uniquely within a run (the second step of a session takes -2)', async () => {
    const { session, conn } = fakeSwitch('nxos/basic');
    const ctx = driverContext('cisco_nxos');
    await nxosDriver.begin(conn, ctx);
    await nxosDriver.begin(conn, ctx);
    expect(session.sent.filter((l) => l.startsWith('checkpoint '))).toEqual([
      'checkpoint acp-play-r1-1',
      'checkpoint acp-play-r1-2',
    ]);
  });

  it('rolls back atomically to its checkpoint on a refused command, and says exactly that', async () => {
    const { session, conn } = fakeSwitch('nxos/rejected-trunk');
    const model = switchModel('cisco_nxos');
    const ctx = taskContext(model, 'switch_ports');
    const step = await planStep(switchPortsModule, ctx, conn);
    const err = (await applyStep(switchPortsModule, step).catch((e: unknown) => e)) as ApplyError;
    expect(err).toBeInstanceOf(ApplyError);
    expect(err.message).toBe(
      "switch1: apply failed: interface Ethernet1/3: switchport trunk allowed vlan 2003-2005: % Invalid command at '^' marker. (rolled back (verified: the device matches its state before the run): rollback running-config checkpoint acp-play-r1-1 atomic)",
    );
    expect(err.rolledBack).toBe(true);
    expect(afterOpen(session).slice(-9)).toEqual([
      'checkpoint acp-play-r1-1',
      'configure terminal',
      'interface Ethernet1/3',
      'switchport trunk allowed vlan 2003-2005',
      'end',
      'rollback running-config checkpoint acp-play-r1-1 atomic',
      'no checkpoint acp-play-r1-1',
      // The runner reads the switch again: it matches its state before the run.
      'show running-config',
      "show running-config all | incl 'system default switchport'",
    ]);
  });

  it('refuses to begin when 10 foreign checkpoints exist, naming them, and changes nothing', async () => {
    const { session, conn } = fakeSwitch('nxos/checkpoints-full');
    const ctx = taskContext(switchModel('cisco_nxos'), 'switch_vlans');
    const err = (await switchVlansModule.begin!(await stepOf(switchVlansModule, ctx, conn)).catch(
      (e: unknown) => e,
    )) as ApplyError;
    expect(err).toBeInstanceOf(ApplyError);
    expect(err.message).toMatch(
      /^switch1: begin failed: the switch already holds 10 user checkpoints \(ops-1, .*ops-10\) and NX-OS allows 10/,
    );
    expect(err.rolledBack).toBe(false);
    expect(afterOpen(session)).toEqual(['show checkpoint summary']);
  });

  it('parses checkpoint names and descriptions, leaving system checkpoints out', () => {
    const text =
      'User Checkpoint Summary\n---\n1) a-1:\nCreated by admin\nDescription: None\n2) b-2:\nDescription: kept for the upgrade\n\n' +
      'System Checkpoint Summary\n---\n3) system-fm-x:\nCreated by admin\nDescription: Created by Feature Manager.\n';
    expect(parseCheckpointNames(text)).toEqual(['a-1', 'b-2']);
    expect(parseCheckpoints(text)).toEqual([{ name: 'a-1' }, { name: 'b-2', description: 'kept for the upgrade' }]);
  });

  it('saves after the commit when save is on (module arg over switch.save)', async () => {
    const { session, conn } = fakeSwitch('nxos/basic');
    const ctx = taskContext(switchModel('cisco_nxos', false), 'switch_vlans', { save: true });
    await switchVlansModule.commit!(await stepOf(switchVlansModule, ctx, conn, { checkpoint: 'acp-play-r1-1' }));
    expect(afterOpen(session)).toEqual(['no checkpoint acp-play-r1-1', 'copy running-config startup-config']);
  });
});
