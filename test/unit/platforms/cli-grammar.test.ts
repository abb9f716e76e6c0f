import { describe, expect, it } from 'vitest';
import { eosDefinition } from '../../../src/platforms/arista-eos/eos-definition.js';
import { iosDefinition } from '../../../src/platforms/cisco-ios/ios-definition.js';
import { nxosDefinition } from '../../../src/platforms/cisco-nxos/nxos-definition.js';
import { judgeOutput } from '../../../src/platforms/cli-grammar.js';
import { CliDevice, ConfigureError } from '../../../src/platforms/cli-device.js';
import { FakeCliSession, fakeCliTransport } from '../../helpers/fake-cli-session.js';

const nxos = nxosDefinition('sw1').grammar;
const ios = iosDefinition('sw1').grammar;
const eos = eosDefinition('sw1').grammar;

describe('the platforms’ error grammar', () => {
  it('refuses by the caret marker and the %-line after it, in the device’s words', () => {
    expect(judgeOutput(nxos, "           ^\n% Invalid command at '^' marker.", 'config')).toEqual({
      kind: 'refused',
      words: "% Invalid command at '^' marker.",
    });
    expect(judgeOutput(ios, "                ^\n% Invalid input detected at '^' marker.\n", 'config')).toEqual({
      kind: 'refused',
      words: "% Invalid input detected at '^' marker.",
    });
    expect(judgeOutput(eos, "% Invalid input (at token 4: '2003-2005')", 'config').kind).toBe('refused');
    expect(judgeOutput(nxos, '   ^', 'config')).toEqual({
      kind: 'refused',
      words: 'the device marked the command with ^ and gave no reason',
    });
  });

  it('refuses by ERROR:, Incomplete / Ambiguous wording and the platform’s own words', () => {
    expect(judgeOutput(nxos, 'ERROR: Ethernet1/3: requested config change not allowed', 'config').kind).toBe('refused');
    expect(judgeOutput(ios, '% Incomplete command.', 'config').kind).toBe('refused');
    expect(judgeOutput(nxos, 'Ambiguous command', 'config').kind).toBe('refused');
    expect(
      judgeOutput(
        ios,
        'Command rejected: An interface whose trunk encapsulation is "Auto" can not be configured to "trunk" mode.',
        'config',
      ).kind,
    ).toBe('refused');
  });

  it('accepts a configuration command that prints nothing or only known notices', () => {
    expect(judgeOutput(nxos, '', 'config').kind).toBe('accepted');
    expect(judgeOutput(nxos, 'Enter configuration commands, one per line.  End with CNTL/Z.', 'config').kind).toBe(
      'accepted',
    );
    expect(judgeOutput(ios, '% Access VLAN does not exist. Creating vlan 2001', 'config').kind).toBe('accepted');
    expect(judgeOutput(ios, 'Creating a port-channel interface Port-channel10', 'config').kind).toBe('accepted');
  });

  it('fails a configuration command on any other output, showing it: unknown wording is never success', () => {
    expect(judgeOutput(eos, '! Interface does not exist. The configuration will not take effect', 'config')).toEqual({
      kind: 'unexpected',
      words: '! Interface does not exist. The configuration will not take effect',
    });
    // A notice of another platform is unknown here.
    expect(judgeOutput(nxos, '% Access VLAN does not exist. Creating vlan 2001', 'config').kind).toBe('refused');
  });

  it('reads show output as data: refused only when it starts with a refusal (a banner may hold a %-line)', () => {
    const config = 'banner motd ^C\n% Authorised access only %\n^C\ninterface Ethernet1/3\n';
    expect(judgeOutput(nxos, config, 'data').kind).toBe('accepted');
    expect(judgeOutput(nxos, '\n% Permission denied for the role', 'data').kind).toBe('refused');
  });

  it('holds an action to the words it prints when it worked', () => {
    const done = /(^|\n)Rollback completed successfully\.$/;
    expect(
      judgeOutput(nxos, 'Collecting Running-Config\n\nRollback completed successfully.\n', { expect: done }).kind,
    ).toBe('accepted');
    expect(judgeOutput(nxos, 'Rollback Patch is Empty', { expect: done })).toEqual({
      kind: 'unexpected',
      words: 'Rollback Patch is Empty',
    });
    expect(judgeOutput(nxos, '', { expect: done })).toEqual({ kind: 'unexpected', words: '(nothing)' });
    expect(judgeOutput(nxos, 'ERROR: Checkpoint cp1 does not exist', { expect: done }).kind).toBe('refused');
  });
});

describe('CliDevice under the grammar', () => {
  it('fails configure on unexpected output, naming the command and showing the output', async () => {
    const session = new FakeCliSession({
      dir: '/nonexistent',
      hostname: 'switch1',
      promptEnd: '#',
      answers: new Map([['switchport mode trunk', 'Some new warning this release prints']]),
    });
    const dev = await CliDevice.open(fakeCliTransport('switch1', session), iosDefinition('switch1'));
    const err = (await dev
      .configure(['interface GigabitEthernet1/0/3', 'switchport mode trunk', 'exit'])
      .catch((e: unknown) => e)) as ConfigureError;
    expect(err).toBeInstanceOf(ConfigureError);
    expect([err.index, err.command, err.output]).toEqual([
      1,
      'switchport mode trunk',
      'unexpected output: Some new warning this release prints',
    ]);
    expect(session.sent.at(-1)).toBe('end');
  });
});
