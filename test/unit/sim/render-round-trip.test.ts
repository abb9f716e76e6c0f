import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allVlans } from '../../../src/inventory/vlan-set.js';
import { defaultPortState, emptySwitchState, type SwitchState } from '../../../src/platforms/switch-state.js';
import { renderEosConfig } from '../../../src/lab/sim/render-eos.js';
import { renderIosConfig } from '../../../src/lab/sim/render-ios.js';
import { NXOS_ALLOWED_WRAP, renderNxosConfig } from '../../../src/lab/sim/render-nxos.js';
import { normaliseSimState, parseSimConfig } from '../../../src/lab/sim/sim-state.js';
import type { SimPlatformId } from '../../../src/lab/sim/sim-types.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/switch-configs');

const RENDER: Record<SimPlatformId, (s: SwitchState) => string> = {
  cisco_nxos: (s) => renderNxosConfig(s, { hostname: 'sw1' }),
  arista_eos: (s) => renderEosConfig(s, { hostname: 'sw1' }),
  cisco_ios: (s) => renderIosConfig(s, { hostname: 'sw1', vtpTransparent: true }),
};

const FOLDERS: Record<SimPlatformId, string> = { cisco_nxos: 'nxos', arista_eos: 'eos', cisco_ios: 'ios' };

/** Plain-object form for deep equality (Maps in insertion order). */
function plain(state: SwitchState): unknown {
  return {
    vlans: [...state.vlans.values()].sort((a, b) => a.id - b.id),
    interfaces: Object.fromEntries(state.interfaces),
  };
}

describe.each(Object.keys(FOLDERS) as SimPlatformId[])('%s renderer round trip with the project parser', (platform) => {
  const dir = join(FIXTURES, FOLDERS[platform]);
  const files = readdirSync(dir).filter((f) => !f.endsWith('.json') && f !== 'MANIFEST.tsv');

  it.each(files)('%s: parse(render(state)) = state', (file) => {
    const state = normaliseSimState(parseSimConfig(platform, readFileSync(join(dir, file), 'utf8')));
    expect(state.interfaces.size + state.vlans.size).toBeGreaterThan(1);
    const again = normaliseSimState(parseSimConfig(platform, RENDER[platform](state)));
    expect(plain(again)).toEqual(plain(state));
  });
});

describe('allowed-list formatting', () => {
  const trunk = (ids: number[]): SwitchState => {
    const s = emptySwitchState();
    s.interfaces.set('Ethernet1/3', {
      ...defaultPortState('Ethernet1/3'),
      mode: 'trunk',
      allowedVlans: ids,
      allowedIsDefault: false,
    });
    return s;
  };
  const odd = allVlans().filter((id) => id % 2 === 1 && id < 400);

  it('NX-OS wraps a long list onto `add` lines within 80 columns; the parser joins them', () => {
    const text = renderNxosConfig(trunk(odd), { hostname: 'sw1' });
    const lines = text.split('\n').filter((l) => l.includes('allowed vlan'));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[0]).toMatch(/^  switchport trunk allowed vlan 1,3,5,/);
    expect(lines.slice(1).every((l) => l.startsWith('  switchport trunk allowed vlan add '))).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(NXOS_ALLOWED_WRAP);
    expect(parseSimConfig('cisco_nxos', text).interfaces.get('Ethernet1/3')!.allowedVlans).toEqual(odd);
  });

  it('EOS prints one line after the mode-independent lines; NX-OS/IOS omit the line for all VLANs', () => {
    const eos = renderEosConfig(trunk(odd), { hostname: 'sw1' })
      .split('\n')
      .filter((l) => l.includes('allowed vlan'));
    expect(eos).toHaveLength(1);
    const all = normaliseSimState(trunk(allVlans()));
    expect(renderNxosConfig(all, { hostname: 'sw1' })).not.toContain('allowed vlan');
    expect(renderIosConfig(all, { hostname: 'sw1', vtpTransparent: false })).not.toContain('allowed vlan');
    expect(renderNxosConfig(trunk([]), { hostname: 'sw1' })).toContain('  switchport trunk allowed vlan none');
  });
});
