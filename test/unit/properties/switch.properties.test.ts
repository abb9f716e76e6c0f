import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadSite } from '../../../src/inventory/load-site.js';
import { normaliseInterfaceName } from '../../../src/platforms/interface-names.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import type { SwitchSpec } from '../../../src/platforms/switch-spec.js';
import { renderSite } from '../../../src/template/render-site.js';
import { withFiles, YAML11 } from './property-helpers.js';

/**
 * validate -> render -> parse: a generated switch written in an inventory, validated, rendered to its platform's
 * configuration and parsed back by acp-play's own parser has every port in the state the inventory asked for. And
 * the parsers take any text without throwing.
 */

const platforms = defaultPlatforms();
/** Every switch platform of the registry, with its parser and interface naming. */
const SWITCHES: ReadonlyMap<string, SwitchSpec> = new Map(
  platforms.all.filter((p) => p.switch !== undefined).map((p) => [p.id, p.switch!]),
);
const switchOf = (platform: string): SwitchSpec => SWITCHES.get(platform)!;

const switchCase = fc
  .record({
    platform: fc.constantFrom(...SWITCHES.keys()),
    vlans: fc.uniqueArray(fc.integer({ min: 2, max: 4094 }), { minLength: 1, maxLength: 40 }),
    ports: fc.array(
      fc.record({
        trunk: fc.boolean(),
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        native: fc.option(fc.nat()),
        // Single spaces: the Cumulus interfaces parser joins a value's words with one space (a known gap).
        description: fc.option(fc.stringMatching(/^[A-Za-z0-9]+( [A-Za-z0-9_.,:/()+=@-]+){0,4}$/)),
        enabled: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ platform, vlans, ports }) => ({
    platform,
    vlans,
    ports: ports.map((p, i) => {
      const allowed = [...new Set(p.picks.map((n) => vlans[n % vlans.length]!))].sort((a, b) => a - b);
      const name = switchOf(platform).interfaceNames.frontPanel(i + 1);
      return p.trunk
        ? {
            name,
            mode: 'trunk' as const,
            allowed,
            native: p.native === null ? undefined : allowed[p.native % allowed.length],
            description: p.description ?? undefined,
            enabled: p.enabled,
          }
        : {
            name,
            mode: 'access' as const,
            access: allowed[0]!,
            description: p.description ?? undefined,
            enabled: p.enabled,
          };
    }),
  }));

type SwitchCase = typeof switchCase extends fc.Arbitrary<infer T> ? T : never;

function inventoryOf(c: SwitchCase): Record<string, string> {
  const ports = Object.fromEntries(
    c.ports.map((p) => [
      p.name,
      {
        mode: p.mode,
        ...(p.mode === 'trunk'
          ? { allowed_vlans: p.allowed, ...(p.native !== undefined ? { native_vlan: p.native } : {}) }
          : { access_vlan: p.access }),
        ...(p.description !== undefined ? { description: p.description } : {}),
        ...(p.enabled ? {} : { enabled: false }),
      },
    ]),
  );
  return {
    'hosts.yaml': YAML.stringify({ all: { hosts: { sw1: null } } }, YAML11),
    'group_vars/all.yaml': YAML.stringify(
      {
        site: { name: 's', vlans: c.vlans.map((id) => ({ id, name: `v${id}` })) },
      },
      YAML11,
    ),
    'host_vars/sw1.yaml': YAML.stringify({ platform: c.platform, switch: { ports } }, YAML11),
  };
}

describe('switch configurations (properties)', () => {
  it('validate -> render -> parse gives back every port as the inventory set it', async () => {
    await fc.assert(
      fc.asyncProperty(switchCase, async (c) => {
        await withFiles(inventoryOf(c), async (dir) => {
          const { site } = await loadSite(dir, platforms);
          const file = renderSite(site, { platforms }).find((f) => f.kind === 'switch')!;
          const spec = switchOf(c.platform);
          const state = spec.parse(file.text);
          for (const port of c.ports) {
            const got = state.interfaces.get(normaliseInterfaceName(spec.interfaceNames, port.name));
            expect(got, `${port.name} in\n${file.text}`).toBeDefined();
            expect(got!.mode).toBe(port.mode);
            expect(got!.shutdown).toBe(!port.enabled);
            if (port.description !== undefined) expect(got!.description).toBe(port.description);
            if (port.mode === 'access') expect(got!.accessVlan).toBe(port.access);
            else {
              expect(got!.allowedVlans).toEqual(port.allowed);
              expect(got!.allowedIsDefault).toBe(false);
              if (port.native !== undefined) expect(got!.nativeVlan).toBe(port.native);
            }
          }
          for (const id of c.vlans) expect(state.vlans.has(id), `VLAN ${id}`).toBe(true);
        });
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('the parsers take any configuration text without throwing', () => {
    const line = fc.oneof(
      fc.constantFrom(
        'interface Ethernet1/1',
        ' switchport mode trunk',
        '  switchport trunk allowed vlan 1-3,x',
        '  switchport trunk allowed vlan add 4094-1',
        '  switchport trunk allowed vlan except 5',
        '  switchport trunk native vlan 99999',
        '  switchport access vlan -1',
        'vlan 1-4094',
        'vlan 0',
        '  name',
        'iface swp1',
        '    bridge-vids 1-5 x',
        '    bridge-access',
        '    bridge-pvid 70000',
        'auto bridge',
        '    bridge-vlan-aware yes',
        // A glob is expanded port by port, so the one here stays small.
        '    bridge-ports glob swp1-48 swp',
        '!',
        'end',
      ),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        for (const spec of SWITCHES.values()) spec.parse(text);
      }),
      { numRuns: 400 },
    );
  });
});
