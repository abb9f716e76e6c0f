import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../src/core/errors.js';
import { eosDefinition } from '../../../src/platforms/arista-eos/eos-definition.js';
import { iosDefinition } from '../../../src/platforms/cisco-ios/ios-definition.js';
import { nxosDefinition } from '../../../src/platforms/cisco-nxos/nxos-definition.js';
import { escapeRegExp, hostnamePattern, knownHostname } from '../../../src/platforms/cli-definition.js';
import type { Host } from '../../../src/core/inventory.js';
import { HostSessionSlot } from '../../../src/engine/host-session-slot.js';
import { hostCliDevice } from '../../../src/platforms/host-cli-device.js';
import { CliDevice, ConfigureError } from '../../../src/platforms/cli-device.js';
import { FakeCliSession, fakeCliTransport, type FakeCliOptions } from '../../helpers/fake-cli-session.js';

const fixtures = fileURLToPath(new URL('../../fixtures/cli-sessions/', import.meta.url));

function fake(caseDir: string, extra: Partial<FakeCliOptions> = {}): FakeCliSession {
  const promptEnd = caseDir.startsWith('nxos') ? '# ' : '#';
  return new FakeCliSession({ dir: fixtures + caseDir, hostname: 'switch1', promptEnd, ...extra });
}

describe('CLI definitions', () => {
  it('builds prompts from the escaped known hostname and matches only whole prompt lines', () => {
    const def = nxosDefinition('sw.lab+1');
    expect(def.prompts.exec.test('sw.lab+1# ')).toBe(true);
    expect(def.prompts.exec.test('sw# ')).toBe(true); // the part before the first dot (a prompt without the domain)
    expect(def.prompts.exec.test('swXlab+1# ')).toBe(false); // the dot is literal
    expect(def.prompts.exec.test('sw.lab+1# show version')).toBe(false);
    expect(def.prompts.config.test('sw.lab+1(config-if)# ')).toBe(true);
    expect(def.prompts.exec.test('sw.lab+1(config)# ')).toBe(false);
    expect(escapeRegExp('a.b(c)')).toBe('a\\.b\\(c\\)');
    expect(hostnamePattern('leaf1')).toBe('leaf1');
  });

  it('uses the host var hostname when set, else the inventory name', () => {
    expect(knownHostname({ name: 'switch1', vars: {} })).toBe('switch1');
    expect(knownHostname({ name: 'switch1', vars: { hostname: 'N9K-A' } })).toBe('N9K-A');
  });

  it('EOS session prompts count as config mode; IOS and EOS have an unprivileged prompt', () => {
    expect(eosDefinition('switch1').prompts.config.test('switch1(config-s-acp-pl-if-Et3)#')).toBe(true);
    expect(eosDefinition('switch1').prompts.unprivileged!.test('switch1>')).toBe(true);
    expect(iosDefinition('switch1').prompts.unprivileged!.test('switch1>')).toBe(true);
    expect(iosDefinition('switch1').enable).toBe('enable');
  });
});

describe('CliDevice', () => {
  it('reads the banner until the real prompt (not a prompt-like banner line) and runs the on-open commands', async () => {
    const session = fake('nxos/basic');
    const dev = await CliDevice.open(fakeCliTransport('switch1', session), nxosDefinition('switch1'));
    expect(session.sent).toEqual(['terminal length 0', 'terminal width 511']);
    expect(dev.currentMode).toBe('exec');
    const out = await dev.run('show running-config');
    expect(out).toContain('interface Ethernet1/3');
    expect(out).not.toContain('switch1#');
  });

  it('says to set the hostname var when no prompt for the known hostname appears', async () => {
    const session = new FakeCliSession({ dir: fixtures + 'nxos/other-hostname', hostname: 'N9K-A', promptEnd: '# ' });
    const err = await CliDevice.open(fakeCliTransport('switch1', session), nxosDefinition('switch1')).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CommandError);
    expect((err as Error).message).toMatch(/no cisco_nxos prompt for hostname "switch1".*set the host var hostname/s);
    expect(session.closed).toBe(true);
  });

  it('enters privileged mode with enable on EOS when the login lands at switch1>', async () => {
    const session = fake('eos/basic', { unprivileged: true });
    const dev = await CliDevice.open(fakeCliTransport('switch1', session), eosDefinition('switch1'));
    expect(session.sent).toEqual(['enable', 'terminal length 0', 'terminal width 511']);
    expect(dev.currentMode).toBe('exec');
  });

  it('a privilege-1 IOS login: enable, with the become password sent as a secret only when the host has become', async () => {
    const open = (extra: Partial<FakeCliOptions>, become: boolean) => {
      const session = fake('ios/basic', { unprivileged: true, enableSecret: 's3cret', ...extra });
      return {
        session,
        device: CliDevice.open(fakeCliTransport('switch1', session), iosDefinition('switch1'), { become }),
      };
    };
    const ok = open({ becomePassword: 's3cret' }, true);
    expect((await ok.device).currentMode).toBe('exec');
    expect(ok.session.sent).toEqual(['enable', '********', 'terminal length 0', 'terminal width 511']);

    const noBecome = open({ becomePassword: 's3cret' }, false);
    await expect(noBecome.device).rejects.toThrow(
      /"enable" asks for the enable secret: set ansible_become: true and ansible_become_method: enable .*ansible_become_password/,
    );
    expect(noBecome.session.sent).toEqual(['enable']);

    const wrong = open({ becomePassword: 'guess' }, true);
    await expect(wrong.device).rejects.toThrow(
      /"enable" did not reach privileged EXEC: % Access denied; check the enable secret in ansible_become_password/,
    );
  });

  it("turns a failure string into CommandError carrying the device's own words", async () => {
    const session = fake('nxos/rejected-trunk');
    const dev = await CliDevice.open(fakeCliTransport('switch1', session), nxosDefinition('switch1'));
    const err = (await dev.run('switchport trunk allowed vlan 2003-2005').catch((e: unknown) => e)) as CommandError;
    expect(err).toBeInstanceOf(CommandError);
    expect(err.output).toBe("% Invalid command at '^' marker.");
    expect(err.command).toBe('switchport trunk allowed vlan 2003-2005');
    expect(dev.isUsable).toBe(true); // a refusal is not a broken session
  });

  it('configure enters config mode, sends each command, leaves, and returns to exec', async () => {
    const session = fake('nxos/basic');
    const dev = await CliDevice.open(fakeCliTransport('switch1', session), nxosDefinition('switch1'));
    await dev.configure(['interface Ethernet1/3', 'switchport trunk allowed vlan 2003-2005', 'exit']);
    expect(session.sent.slice(2)).toEqual([
      'configure terminal',
      'interface Ethernet1/3',
      'switchport trunk allowed vlan 2003-2005',
      'exit',
      'end',
    ]);
    expect(dev.currentMode).toBe('exec');
  });

  it('configure abandons config mode on a refusal and reports the index of the refused command', async () => {
    const session = fake('nxos/rejected-trunk');
    const dev = await CliDevice.open(fakeCliTransport('switch1', session), nxosDefinition('switch1'));
    const err = (await dev
      .configure(['interface Ethernet1/3', 'switchport trunk allowed vlan 2003-2005', 'exit'])
      .catch((e: unknown) => e)) as ConfigureError;
    expect(err).toBeInstanceOf(ConfigureError);
    expect([err.index, err.output]).toEqual([1, "% Invalid command at '^' marker."]);
    expect(session.sent.slice(2)).toEqual([
      'configure terminal',
      'interface Ethernet1/3',
      'switchport trunk allowed vlan 2003-2005',
      'end',
    ]);
    expect(dev.currentMode).toBe('exec');
  });

  it('answers a save question with Enter (IOS copy running-config startup-config)', async () => {
    const session = fake('ios/basic', { answers: new Map([['', 'Building configuration...\n[OK]']]) });
    const dev = await CliDevice.open(fakeCliTransport('switch1', session), iosDefinition('switch1'));
    const out = await dev.save();
    expect(session.sent.slice(2)).toEqual(['copy running-config startup-config', '']);
    expect(out).toContain('[OK]');
  });

  it("times out (and becomes unusable) when a prompt never matches; the host's device is then replaced", async () => {
    const session = fake('nxos/basic', {
      answers: new Map([['show clock', '10:00:00.000 UTC Mon Nov 27 2023\n@prompt switch1 busy']]),
    });
    const conn = fakeCliTransport('switch1', session);
    const ctx = {
      host: { name: 'switch1', vars: {} } as Host,
      timeouts: { commandMs: 1000, slowMs: 1000 },
      session: new HostSessionSlot(),
    };
    const dev = await hostCliDevice(conn, ctx, nxosDefinition);
    expect(await hostCliDevice(conn, ctx, nxosDefinition)).toBe(dev);
    await expect(dev.run('show clock', { timeoutMs: 10 })).rejects.toThrow(/no prompt matching/);
    expect(dev.isUsable).toBe(false);
    session.closed = false; // the fake hands out the same session again
    const again = await hostCliDevice(conn, ctx, nxosDefinition);
    expect(again).not.toBe(dev);
    expect(conn.shells).toBe(2);
    await ctx.session.close();
    expect(session.closed).toBe(true);
  });
});
