import { describe, expect, it } from 'vitest';
import { HostSessionSlot } from '../../../src/engine/host-session-slot.js';
import { applyStep, planStep } from '../../../src/engine/task-step.js';
import { ApplyError } from '../../../src/core/errors.js';
import { eosDriver } from '../../../src/platforms/arista-eos/eos-driver.js';
import { EOS_DIALECT } from '../../../src/platforms/arista-eos/eos-parse.js';
import { interpretCiscoConfig } from '../../../src/platforms/cisco-config-interpreter.js';
import { archivePath } from '../../../src/platforms/cisco-ios/ios-archive.js';
import { iosDriver } from '../../../src/platforms/cisco-ios/ios-driver.js';
import { IOS_DIALECT } from '../../../src/platforms/cisco-ios/ios-parse.js';
import { parseIosVlanBrief } from '../../../src/platforms/cisco-ios/ios-vlan-brief.js';
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

describe('EOS driver', () => {
  it('stages in a configure session, shows the diff, commits with a timer, confirms; idempotent', async () => {
    const { session, conn } = fakeSwitch('eos/basic');
    const ctx = driverContext('arista_eos');
    const model = switchModel('arista_eos');
    const { state: current } = await eosDriver.gather(conn, ctx);
    const plan = planSwitch(switchSpec(model.platform), model, current, { managedVlans });
    const txn = await eosDriver.begin(conn, ctx);
    await eosDriver.apply(conn, plan, ctx, txn);
    expect(txn.state).toBe('timer');
    await eosDriver.commit(conn, ctx, txn);
    expect(afterOpen(session)).toEqual([
      'show running-config',
      'configure session acp-play-r1-1',
      'vlan 2004',
      'name virtual-machines-2',
      'exit',
      'interface Ethernet3',
      'switchport trunk allowed vlan 2003-2005',
      'exit',
      'show session-config diffs',
      'commit timer 00:05:00',
      'configure session acp-play-r1-1 commit',
    ]);
    const after = interpretCiscoConfig(session.configCommands().join('\n'), EOS_DIALECT, current);
    expect(planSwitch(switchSpec(model.platform), model, after, { managedVlans }).changes).toEqual([]);
  });

  it('aborts a session committed with a timer when verification fails (rollback = configure session NAME abort)', async () => {
    const { session, conn } = fakeSwitch('eos/basic');
    const ctx = driverContext('arista_eos');
    const txn = await eosDriver.begin(conn, ctx);
    const plan = planSwitch(
      switchSpec('arista_eos'),
      switchModel('arista_eos'),
      (await eosDriver.gather(conn, ctx)).state,
      { managedVlans },
    );
    await eosDriver.apply(conn, plan, ctx, txn);
    expect(await eosDriver.rollback(conn, ctx, txn)).toBe('configure session acp-play-r1-1 abort');
    expect(afterOpen(session).at(-1)).toBe('configure session acp-play-r1-1 abort');
  });

  it('a refused command aborts the session inside config mode; nothing reached running-config', async () => {
    const { session, conn } = fakeSwitch('eos/rejected-trunk');
    const model = switchModel('arista_eos');
    const ctx = taskContext(model, 'switch_ports');
    const step = await planStep(switchPortsModule, ctx, conn);
    const err = (await applyStep(switchPortsModule, step).catch((e: unknown) => e)) as ApplyError;
    expect(err.message).toBe(
      "switch1: apply failed: interface Ethernet3: switchport trunk allowed vlan 2003-2005: % Invalid input (at token 4: '2003-2005') (rolled back (verified: the device matches its state before the run): configure session acp-play-r1-1 aborted before commit; running-config untouched)",
    );
    expect(afterOpen(session).slice(-5)).toEqual([
      'configure session acp-play-r1-1',
      'interface Ethernet3',
      'switchport trunk allowed vlan 2003-2005',
      'abort',
      'show running-config', // the runner reads the switch again: it matches its state before the run
    ]);
  });
});

describe('IOS driver', () => {
  it('reads VLAN names from show vlan brief, applies under a revert timer, confirms; idempotent', async () => {
    const { session, conn } = fakeSwitch('ios/basic');
    const ctx = driverContext('cisco_ios');
    const model = switchModel('cisco_ios');
    const { state: current } = await iosDriver.gather(conn, ctx);
    expect(current.vlans.get(2003)).toEqual({ id: 2003, name: 'virtual-machines-1' });
    const plan = planSwitch(switchSpec(model.platform), model, current, { managedVlans });
    const txn = await iosDriver.begin(conn, ctx);
    await iosDriver.apply(conn, plan, ctx, txn);
    await iosDriver.commit(conn, ctx, txn);
    expect(afterOpen(session)).toEqual([
      'show running-config',
      'show vlan brief',
      'show interfaces switchport',
      'show running-config',
      'configure terminal revert timer 5',
      'vlan 2004',
      'name virtual-machines-2',
      'exit',
      'interface GigabitEthernet0/3',
      'switchport trunk allowed vlan 2003-2005',
      'exit',
      'end',
      'configure confirm',
    ]);
    const after = interpretCiscoConfig(session.configCommands().join('\n'), IOS_DIALECT, current);
    expect(planSwitch(switchSpec(model.platform), model, after, { managedVlans }).changes).toEqual([]);
  });

  it('rolls back with configure revert now', async () => {
    const { session, conn } = fakeSwitch('ios/basic');
    const ctx = driverContext('cisco_ios');
    const txn = await iosDriver.begin(conn, ctx);
    await iosDriver.apply(
      conn,
      planSwitch(switchSpec('cisco_ios'), switchModel('cisco_ios'), (await iosDriver.gather(conn, ctx)).state, {
        managedVlans,
      }),
      ctx,
      txn,
    );
    expect(await iosDriver.rollback(conn, ctx, txn)).toBe('configure revert now');
    expect(afterOpen(session).at(-1)).toBe('configure revert now');
  });

  it('without the archive feature: fails at begin with the fix, or configures it when configure_archive allows', async () => {
    const { session, conn } = fakeSwitch('ios/no-archive');
    const model = switchModel('cisco_ios');
    const err = (await switchVlansModule.begin!(
      await stepOf(switchVlansModule, taskContext(model, 'switch_vlans'), conn),
    ).catch((e: unknown) => e)) as ApplyError;
    expect(err.message).toMatch(
      /^switch1: begin failed: the archive feature is not configured.*archive \/ path flash:acp-play.*configure_archive: true/,
    );
    const notes: string[] = [];
    const ctx = taskContext(model, 'switch_vlans', { configure_archive: true }, notes);
    await switchVlansModule.begin!(await stepOf(switchVlansModule, ctx, conn));
    expect(afterOpen(session).slice(-6)).toEqual([
      'show running-config',
      'configure terminal',
      'archive',
      'path flash:acp-play',
      'exit',
      'end',
    ]);
    expect(notes[0]).toMatch(/configuring the archive feature/);
  });

  it('parses show vlan brief rows and the archive path', () => {
    const vlans = parseIosVlanBrief(
      'VLAN Name Status Ports\n---- ---\n1    default   active    Gi0/1\n                      Gi0/2\n10   VLAN0010  active\n1002 fddi-default act/unsup\n',
    );
    expect([...vlans.values()]).toEqual([
      { id: 1, name: 'default' },
      { id: 10, name: 'VLAN0010' },
      { id: 1002, name: 'fddi-default' },
    ]);
    expect(archivePath('hostname s\n!\narchive\n path flash:cfg\n maximum 5\n!\n')).toBe('flash:cfg');
    expect(archivePath('hostname s\n!\narchive\n maximum 5\n!\n')).toBeUndefined();
  });
});

describe('switch modules', () => {
  const site = (platform: 'cumulus' | 'cisco_nxos') => ({
    ...taskContext({ ...switchModel('cisco_nxos'), platform }, 'switch_ports').site,
  });
  it('skip hosts that are not switches, with a reason; Cumulus switches are supported', () => {
    const s = site('cumulus');
    const host = s.switches[0]!.host;
    expect(switchPortsModule.unsupported!(host, s)).toBeUndefined();
    expect(switchVlansModule.unsupported!({ ...host, name: 'node0' }, s)).toMatch(
      /node0 is not a switch in the site model/,
    );
    expect(switchVlansModule.unsupported!(host, site('cisco_nxos'))).toBeUndefined();
  });

  it('switch_vlans plans only VLAN definitions (with prune), switch_ports only ports', async () => {
    const { conn } = fakeSwitch('nxos/basic');
    const model = switchModel('cisco_nxos');
    const session = new HostSessionSlot(); // the host's session for the whole run
    const vlansCtx = taskContext(model, 'switch_vlans', { prune: true }, [], session);
    const vlans = await planStep(switchVlansModule, vlansCtx, conn);
    expect(vlans.plan.changes.map((c) => c.resource)).toEqual(['vlan 2004']);
    const ports = await planStep(switchPortsModule, taskContext(model, 'switch_ports', {}, [], session), conn);
    expect(ports.plan.changes.map((c) => c.resource)).toEqual(['Ethernet1/3']);
    expect(conn.shells).toBe(1); // one CLI session for both modules
  });
});
