import { describe, expect, it } from 'vitest';
import { applyStep, planStep } from '../../../src/engine/task-step.js';
import { ApplyError } from '../../../src/core/errors.js';
import { interpretCiscoConfig } from '../../../src/platforms/cisco-config-interpreter.js';
import { nxosDriver } from '../../../src/platforms/cisco-nxos/nxos-driver.js';
import { NXOS_DIALECT } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import { parseCheckpointNames } from '../../../src/platforms/cisco-nxos/nxos-checkpoints.js';
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
  it('checkpoint -> config -> drop checkpoint; deletes only its own stale checkpoints; idempotent', async () => {
    const { session, conn } = fakeSwitch('nxos/basic');
    const notes: string[] = [];
    const ctx = driverContext('cisco_nxos', notes);
    const model = switchModel('cisco_nxos');
    const { state: current } = await nxosDriver.gather(conn, ctx);
    const plan = planSwitch(switchSpec(model.platform), model, current, { managedVlans });
    const txn = await nxosDriver.begin(conn, ctx);
    await nxosDriver.apply(conn, plan, ctx, txn);
    await nxosDriver.commit(conn, ctx, txn);
    expect(afterOpen(session)).toEqual([
      'show running-config',
      "show running-config all | incl 'system default switchport'",
      'show checkpoint summary',
      'no checkpoint acp-play-0ld0ld00-1',
      'checkpoint acp-play-r1-1',
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
    expect(notes).toContain('deleted 1 stale acp-play checkpoint(s): acp-play-0ld0ld00-1');
    expect(notes).toContain('keeping 1 checkpoint(s) acp-play did not make: before-upgrade');
    // STYLE 10: feed the post-apply state back, re-plan, expect no changes.
    const after = interpretCiscoConfig(session.configCommands().join('\n'), NXOS_DIALECT, current);
    expect(planSwitch(switchSpec(model.platform), model, after, { managedVlans }).changes).toEqual([]);
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

  it('parses checkpoint names, leaving system checkpoints out', () => {
    const text =
      'User Checkpoint Summary\n---\n1) a-1:\nCreated by admin\n\nSystem Checkpoint Summary\n---\n2) system-fm-x:\nCreated by admin\n';
    expect(parseCheckpointNames(text)).toEqual(['a-1']);
  });

  it('saves after the commit when save is on (module arg over switch.save)', async () => {
    const { session, conn } = fakeSwitch('nxos/basic');
    const ctx = taskContext(switchModel('cisco_nxos', false), 'switch_vlans', { save: true });
    await switchVlansModule.commit!(await stepOf(switchVlansModule, ctx, conn, { checkpoint: 'acp-play-r1-1' }));
    expect(afterOpen(session)).toEqual(['no checkpoint acp-play-r1-1', 'copy running-config startup-config']);
  });
});
