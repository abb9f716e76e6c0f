import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isShutdown } from '../../../packages/lab/src/sim/model/port-operation.js';
import type { SimSwitchState } from '../../../packages/lab/src/sim/model/switch-model.js';
import { bootDevice, SIM_PLATFORMS } from '../../../packages/lab/src/sim/start-simulator.js';
import type { SimPlatformId } from '../../../packages/lab/src/sim/sim-types.js';
import { NXOS_ALLOWED_WRAP } from '../../../packages/lab/src/sim/nxos/nxos-render.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/switch-configs');
const FOLDERS: Record<SimPlatformId, string> = { cisco_nxos: 'nxos', arista_eos: 'eos', cisco_ios: 'ios' };

/** What the device does with its configuration, whatever was typed explicitly (a default typed is a default). */
function effective(platform: SimPlatformId, state: SimSwitchState): unknown {
  const rules = SIM_PLATFORMS[platform].rules;
  return {
    hostname: state.hostname,
    vlans: [...state.vlans.values()].sort((a, b) => a.id - b.id),
    ports: [...state.ports.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({
        ...p,
        shutdown: isShutdown(state, p, rules),
        mode: p.switchport ? (p.mode ?? rules.defaultMode) : undefined,
        encapsulation: p.encapsulation === 'negotiate' ? undefined : p.encapsulation,
      })),
  };
}

/** Boots a simulator from `config` and returns its running-config text and state. */
function boot(platform: SimPlatformId, config: string) {
  const { device, platform: p } = bootDevice({ platform, hostname: 'sw1', users: [], config });
  return { text: p.renderRunning(device, device.running), state: device.running };
}

describe.each(Object.keys(FOLDERS) as SimPlatformId[])(
  '%s: a running-config replayed at boot prints itself',
  (platform) => {
    const dir = join(FIXTURES, FOLDERS[platform]);
    const files = readdirSync(dir).filter((f) => !f.endsWith('.json') && f !== 'MANIFEST.tsv');

    it.each(files)('%s: boot(render(boot(config))) = boot(config)', (file) => {
      const first = boot(platform, readFileSync(join(dir, file), 'utf8'));
      expect(first.state.ports.size + first.state.vlans.size).toBeGreaterThan(1);
      const second = boot(platform, first.text);
      expect(second.text).toBe(first.text);
      expect(effective(platform, second.state)).toEqual(effective(platform, first.state));
    });
  },
);

describe('allowed-list formatting', () => {
  const odd = Array.from({ length: 200 }, (_, i) => 2 * i + 1);
  const trunk = (platform: SimPlatformId, port: string, extra = ''): string => {
    const { text } = boot(
      platform,
      `interface ${port}\n switchport\n switchport mode trunk\n switchport trunk allowed vlan ${odd.slice(0, 10).join(',')}\n${extra}`,
    );
    return text;
  };

  it('NX-OS wraps a long list onto `add` lines within 80 columns', () => {
    const text = trunk(
      'cisco_nxos',
      'Ethernet1/3',
      odd
        .slice(10)
        .map((id) => ` switchport trunk allowed vlan add ${id}`)
        .join('\n'),
    );
    const lines = text.split('\n').filter((l) => l.includes('allowed vlan'));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[0]).toMatch(/^  switchport trunk allowed vlan 1,3,5,/);
    expect(lines.slice(1).every((l) => l.startsWith('  switchport trunk allowed vlan add '))).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(NXOS_ALLOWED_WRAP);
  });

  it('EOS prints one line; IOS keeps pairs apart (674,675) and ranges of three', () => {
    const eos = trunk('arista_eos', 'Ethernet3', ' switchport trunk allowed vlan add 1-399').split('\n');
    expect(eos.filter((l) => l.includes('allowed vlan'))).toEqual(['   switchport trunk allowed vlan 1-399']);
    const ios = boot(
      'cisco_ios',
      'interface GigabitEthernet1/0/3\n switchport trunk allowed vlan 400-408,674,675\n',
    ).text;
    expect(ios).toContain(' switchport trunk allowed vlan 400-408,674,675\n');
  });

  it('all VLANs print no line, none prints `none`', () => {
    const text = boot(
      'cisco_nxos',
      'interface Ethernet1/3\n switchport\n switchport trunk allowed vlan 1-4094\ninterface Ethernet1/4\n switchport\n switchport trunk allowed vlan none\n',
    ).text;
    expect(text).toContain('interface Ethernet1/3\n  switchport\n\n');
    expect(text).toContain('interface Ethernet1/4\n  switchport\n  switchport trunk allowed vlan none\n');
  });
});
