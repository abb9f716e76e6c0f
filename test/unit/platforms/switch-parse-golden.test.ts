import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatVlanSet, parseVlanSet } from '../../../src/inventory/vlan-set.js';
import { parseEosConfig } from '../../../src/platforms/arista-eos/eos-parse.js';
import { parseIosConfig } from '../../../src/platforms/cisco-ios/ios-parse.js';
import { parseNxosConfig } from '../../../src/platforms/cisco-nxos/nxos-parse.js';
import { parseBridgeVlanJson, parseCumulusInterfaces } from '../../../src/platforms/cumulus/cumulus-parse.js';
import { isAllVlans, type PortState, type SwitchState } from '../../../src/platforms/switch-state.js';

/**
 * Golden tests over real-world configs (test/fixtures/switch-configs/<platform>/, sources in MANIFEST.tsv). Each
 * `<file>.golden.json` was written by reading the config by hand: `ports` (exact, for the ports listed: mode,
 * description, VLANs, shutdown, the port-channel a member belongs to, an IOS trunk encapsulation),
 * `vlanIds` (exact set), `vlanNames` (partial; null = no name), `absentPorts`. Allowed sets compare as sets.
 */
const ROOT = 'test/fixtures/switch-configs';
type Parser = (text: string, opts: { warnings?: string[] }) => SwitchState;
const PARSERS: Record<string, Parser> = {
  nxos: parseNxosConfig,
  eos: parseEosConfig,
  ios: parseIosConfig,
  cumulus: (text, opts) =>
    text.trimStart().startsWith('[') ? parseBridgeVlanJson(text) : parseCumulusInterfaces(text, opts),
};

interface Golden {
  vlanIds?: string;
  vlanNames?: Record<string, string | null>;
  ports: Record<string, Record<string, unknown>>;
  absentPorts?: string[];
}

function project(p: PortState): Record<string, unknown> {
  const out: Record<string, unknown> = { shutdown: p.shutdown, allowedIsDefault: p.allowedIsDefault };
  if (p.mode !== undefined) out.mode = p.mode;
  if (p.description !== undefined) out.description = p.description;
  if (p.accessVlan !== undefined) out.accessVlan = p.accessVlan;
  if (p.nativeVlan !== undefined) out.nativeVlan = p.nativeVlan;
  if (p.memberOf !== undefined) out.memberOf = p.memberOf;
  if (p.trunkEncapsulation !== undefined) out.trunkEncapsulation = p.trunkEncapsulation;
  out.allowed = formatVlanSet(p.allowedVlans); // range text of the SET, so a failure diff stays readable
  return out;
}

function expectedAllowed(text: unknown): string {
  if (text === 'none') return '';
  if (text === 'ALL') return '1-4094';
  return formatVlanSet(parseVlanSet(String(text)));
}

for (const platform of Object.keys(PARSERS)) {
  const dir = join(ROOT, platform);
  describe(`${platform} parser goldens`, () => {
    const goldens = readdirSync(dir).filter((f) => f.endsWith('.golden.json'));
    it('has goldens and every config used is listed in MANIFEST.tsv', () => {
      expect(goldens.length).toBeGreaterThan(2);
      const manifest = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8');
      for (const g of goldens) expect(manifest).toContain(`${g.replace(/\.golden\.json$/, '')}\t`);
    });
    for (const goldenFile of goldens) {
      const configFile = goldenFile.replace(/\.golden\.json$/, '');
      it(configFile, () => {
        const golden = JSON.parse(readFileSync(join(dir, goldenFile), 'utf8')) as Golden;
        const warnings: string[] = [];
        const state = PARSERS[platform]!(readFileSync(join(dir, configFile), 'utf8'), { warnings });
        if (golden.vlanIds !== undefined) {
          expect([...state.vlans.keys()].sort((a, b) => a - b)).toEqual(
            golden.vlanIds ? parseVlanSet(golden.vlanIds) : [],
          );
        }
        for (const [id, name] of Object.entries(golden.vlanNames ?? {})) {
          expect(state.vlans.get(Number(id)), `vlan ${id}`).toBeDefined();
          expect(state.vlans.get(Number(id))?.name ?? null, `vlan ${id} name`).toBe(name);
        }
        for (const [name, want] of Object.entries(golden.ports)) {
          const port = state.interfaces.get(name);
          expect(port, `${name} parsed`).toBeDefined();
          expect(project(port!), name).toEqual({ ...want, allowed: expectedAllowed(want.allowed) });
        }
        for (const name of golden.absentPorts ?? []) expect(state.interfaces.has(name), name).toBe(false);
      });
    }
  });
}

describe('parser traps pinned beyond the goldens', () => {
  it('the IOS CRLF fixture really has CRLF line ends (so the golden proves CRLF handling)', () => {
    expect(readFileSync(join(ROOT, 'ios/ciscoconfparse_sample_04.ios'), 'utf8')).toContain('\r\n');
  });

  it('keeps every wrapped add line, not only the last (netutils multi-line list inside an interface)', () => {
    const lines =
      'interface Ethernet1/1\n  switchport mode trunk\n' +
      '  switchport trunk allowed vlan 1025,1069-1072,1114,1173-1181,1501,1502\n' +
      '  switchport trunk allowed vlan add 1504-1507,1509,1510,1514-1519,1533-1541,1545\n' +
      '  switchport trunk allowed vlan add 1599,1912-1913\n';
    const port = parseNxosConfig(lines).interfaces.get('Ethernet1/1')!;
    expect(port.allowedVlans).toEqual(
      parseVlanSet(
        '1025,1069-1072,1114,1173-1181,1501,1502,1504-1507,1509,1510,1514-1519,1533-1541,1545,1599,1912-1913',
      ),
    );
  });

  it('an add against the implicit default stays ALL; a remove makes the complement explicit', () => {
    const s = parseEosConfig(
      'interface Ethernet1\n   switchport mode trunk\n   switchport trunk allowed vlan remove 2000-2002\n',
    );
    const p = s.interfaces.get('Ethernet1')!;
    expect(p.allowedIsDefault).toBe(false);
    expect(p.allowedVlans).toEqual(parseVlanSet('1-1999,2003-4094'));
    const a = parseNxosConfig(
      'interface Ethernet1/1\n  switchport mode trunk\n  switchport trunk allowed vlan add 7\n',
    );
    expect(isAllVlans(a.interfaces.get('Ethernet1/1')!.allowedVlans)).toBe(true);
    expect(a.interfaces.get('Ethernet1/1')!.allowedIsDefault).toBe(true);
  });

  it('reports unreadable values as warnings and keeps going', () => {
    const warnings: string[] = [];
    const s = parseNxosConfig('interface Ethernet1/1\n  switchport access vlan 5000\n  description still read\n', {
      warnings,
    });
    expect(warnings).toEqual([
      expect.stringMatching(/^line 2: ignored "switchport access vlan 5000": .*outside 1-4094/),
    ]);
    expect(s.interfaces.get('Ethernet1/1')!.description).toBe('still read');
  });

  it('never reads a banner as configuration (IOS ^C blocks, NX-OS #...#, EOS up to EOF)', () => {
    const ios = parseIosConfig(
      'banner motd ^C\n% Authorised access only\ninterface GigabitEthernet9/9\n switchport mode trunk\n^C\n' +
        'interface GigabitEthernet1/0/1\n switchport mode access\n',
    );
    expect([...ios.interfaces.keys()]).toEqual(['GigabitEthernet1/0/1']);
    const nxos = parseNxosConfig(
      'banner motd #\ninterface Ethernet9/9\n#\nbanner exec #one line#\ninterface Ethernet1/1\n',
    );
    expect([...nxos.interfaces.keys()]).toEqual(['Ethernet1/1']);
    const eos = parseEosConfig('banner login\ninterface Ethernet9\nEOF\ninterface Ethernet1\n');
    expect([...eos.interfaces.keys()]).toEqual(['Ethernet1']);
  });

  it('does not take EOS router-bgp vlan sub-blocks or `vlan internal` lines as VLAN definitions', () => {
    const s = parseEosConfig(readFileSync(join(ROOT, 'eos/handwritten_vlan_ranges.cfg'), 'utf8'));
    expect(s.vlans.has(11)).toBe(false);
    expect(s.vlans.has(1006)).toBe(false);
  });
});
