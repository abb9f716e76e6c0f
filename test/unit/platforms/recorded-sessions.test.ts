import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/core/inventory.js';
import type { Transport } from '../../../src/core/transport.js';
import { HostSessionSlot } from '../../../src/engine/host-session-slot.js';
import { eosDriver } from '../../../src/platforms/arista-eos/eos-driver.js';
import { parseEosConfig } from '../../../src/platforms/arista-eos/eos-parse.js';
import { iosDriver } from '../../../src/platforms/cisco-ios/ios-driver.js';
import { parseIosConfig } from '../../../src/platforms/cisco-ios/ios-parse.js';
import { parseIosSwitchport, withSwitchportFacts } from '../../../src/platforms/cisco-ios/ios-switchport.js';
import { parseIosVlanBrief } from '../../../src/platforms/cisco-ios/ios-vlan-brief.js';
import { nxosDriver } from '../../../src/platforms/cisco-nxos/nxos-driver.js';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import type { DriverContext, SwitchDriver } from '../../../src/platforms/switch-driver.js';
import { SshCliSession } from '../../../src/transport/cli-session.js';
import { loadDeviceSession, ReplayChannel, type DeviceSession } from '../../helpers/replay-channel.js';

/**
 * Recorded sessions of real devices (test/fixtures/device-sessions, sources in its MANIFEST.tsv) replayed byte for
 * byte into the real session layer (SshCliSession on a channel that plays the recording) under the real drivers'
 * gather: banners at login, CR-first prompts, CR CR LF echoes, a stray second prompt, a running-config paged by the
 * device's pager and erased with backspaces, banner blocks in running-config, a VLAN table with wrapped Ports. What
 * the drivers gather must equal what their parsers read from the plain recorded text.
 */
const DIR = 'test/fixtures/device-sessions';

const DRIVERS: Record<string, SwitchDriver<unknown, undefined>> = {
  cisco_ios: iosDriver as SwitchDriver<unknown, undefined>,
  cisco_nxos: nxosDriver as SwitchDriver<unknown, undefined>,
  arista_eos: eosDriver as SwitchDriver<unknown, undefined>,
};

/** The recording's platform driver gathers through the session layer fed by the recording. */
async function gather(file: string) {
  const recording = loadDeviceSession(`${DIR}/${file}`);
  const driver = DRIVERS[recording.platform]!;
  const channel = new ReplayChannel(recording);
  const transcript: { text: string; output?: string }[] = [];
  const session = new SshCliSession(channel.asChannel(), {
    host: 'switch1',
    defaultTimeoutMs: 5_000,
    onClose: () => undefined,
    transcript: { record: (e) => transcript.push(e) },
  });
  const conn = { host: 'switch1', shell: async () => session } as unknown as Transport;
  const host: Host = {
    name: 'switch1',
    address: '127.0.0.1',
    groups: ['all'],
    vars: { hostname: recording.hostname },
    origins: {},
  };
  const slot = new HostSessionSlot();
  const ctx: DriverContext = {
    host,
    runId: 'r1',
    note: () => undefined,
    timeouts: { commandMs: 5_000, slowMs: 5_000 },
    args: {},
    session: slot,
  };
  const { state } = await driver.gather(conn, ctx);
  await slot.close();
  return { state, sent: channel.sent, transcript, recording };
}

/** The plain text of a recorded answer: its pages joined, as the device meant it (for the parsers' side). */
function plain(recording: DeviceSession, command: string): string {
  const pages = recording.commands.get(command)!;
  return pages
    .join('')
    .replace(/\r/g, '')
    .replace(/ --More-- (\x08{9} {8}\x08{9})/g, '')
    .split('\n')
    .slice(1, -1)
    .join('\n');
}

describe('recorded sessions replayed through the session layer and the drivers', () => {
  it('IOS (Catalyst 9200L): banner, a paged running-config with banner blocks, wrapped VLAN table, switchports', async () => {
    const { state, sent, transcript, recording } = await gather('ios-c9200l.yaml');
    // The pager stopped show running-config at each of its 7 ` --More-- `; each time a space showed the next page.
    expect(sent).toEqual([
      'terminal length 0',
      'terminal width 511',
      'show running-config',
      ...Array<string>(7).fill('(space)'),
      'show vlan brief',
      'show interfaces switchport',
    ]);
    const running = transcript.find((t) => t.text === 'show running-config')!.output!;
    expect(running).not.toMatch(/--More--|\x08/);
    expect(running).toContain('\n!\nenable secret 9');
    const expected = parseIosConfig(plain(recording, 'show running-config'));
    expected.vlans = parseIosVlanBrief(plain(recording, 'show vlan brief'));
    withSwitchportFacts(expected, parseIosSwitchport(plain(recording, 'show interfaces switchport')), undefined);
    expect(state).toEqual(expected);
    // What the recording says, read by hand: access and trunk ports, a bare uplink port, the wrapped Ports column.
    expect(state.interfaces.get('GigabitEthernet1/0/1')).toMatchObject({
      mode: 'access',
      accessVlan: 2,
      description: 'oxidized test one',
    });
    expect(state.interfaces.get('GigabitEthernet1/0/24')).toMatchObject({ mode: 'trunk', allowedVlans: [2, 3] });
    expect(state.interfaces.get('GigabitEthernet1/1/1')!.mode).toBeUndefined();
    expect(state.interfaces.get('GigabitEthernet0/2')).toMatchObject({
      mode: 'dynamic auto',
      trunkEncapsulation: 'negotiate',
    });
    expect([...state.vlans.keys()]).toEqual([1, 104, 319, 320, 333, 999, 1002, 1003, 1004, 1005]);
    // The banner blocks' text is not configuration.
    expect([...state.interfaces.keys()].every((n) => /^(GigabitEthernet|Vlan|FastEthernet)\d/.test(n))).toBe(true);
  });

  it('NX-OS (a Nexus session, a Nexus 9000 configuration): CR-first prompts, CR CR LF echoes, a stray prompt', async () => {
    const { state, sent, recording } = await gather('nxos-n5548-n9k1.yaml');
    expect(sent).toEqual([
      'terminal length 0',
      'terminal width 511',
      'show running-config',
      "show running-config all | incl 'system default switchport'",
    ]);
    expect(state).toEqual(parseNxosConfig(plain(recording, 'show running-config')));
    expect(state.interfaces.get('port-channel12')).toMatchObject({ mode: 'trunk', nativeVlan: 2 });
    expect(state.interfaces.get('Ethernet2/5')!.memberOf).toBe('port-channel12');
    // The recorded config is a checkpoint of NX-OS 7.0: its !# lines say switchports are up by default there.
    expect(state.interfaces.get('Ethernet1/1')).toMatchObject({ mode: 'access', shutdown: false });
  });

  it('EOS (7050SX3): the running-config it printed', async () => {
    const { state, recording } = await gather('eos-7050sx3.yaml');
    expect(state).toEqual(parseEosConfig(plain(recording, 'show running-config')));
    expect([...state.interfaces.keys()]).toEqual(['Management1']);
  });

  it('every recording is listed in MANIFEST.tsv with its sources', () => {
    const manifest = readFileSync(`${DIR}/MANIFEST.tsv`, 'utf8');
    for (const file of ['ios-c9200l.yaml', 'nxos-n5548-n9k1.yaml', 'eos-7050sx3.yaml'])
      expect(manifest).toMatch(new RegExp(`^${file.replace('.', '\\.')}\\t`, 'm'));
  });
});
