import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ConfigError } from '../../../src/core/errors.js';
import { selectHosts } from '../../../src/inventory/host-pattern.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';
import { parseYaml } from '../../../src/inventory/yaml-document.js';
import { YamlFile } from '../../../src/inventory/yaml-file.js';
import { renderSite } from '../../../src/template/render-site.js';
import { expectLocatedConfigError, oddName, oddValue, withFiles, YAML11 } from './property-helpers.js';

/**
 * Properties over generated inventories (`npm test` runs them with a small budget; a failure prints the seed and
 * the shrunk input): loading, validating and rendering never throw anything but a ConfigError located in the
 * inventory, and a site that validates renders.
 */

const siteIds = [2000, 2001, 2002, 2003, 2004, 2005];
const vlanId = fc.constantFrom(...siteIds);
const site = fc.record({
  name: fc.constant('site1'),
  vlans: fc.tuple(
    ...siteIds.map((id) =>
      fc.record({ id: fc.constant(id), name: fc.constantFrom('vm-a', 'storage'), vm: fc.boolean() }),
    ),
  ),
});
const port = fc.oneof(
  fc.record({
    mode: fc.constant('access'),
    access_vlan: vlanId,
    description: fc.constantFrom('node0 storage', 'uplink'),
  }),
  fc.record(
    {
      mode: fc.constant('trunk'),
      allowed_vlans: fc.constantFrom('2000-2005', '2003', '2003-2005', [2001, 2002]),
      native_vlan: fc.constantFrom(2000, 2001),
    },
    { requiredKeys: ['mode', 'allowed_vlans'] },
  ),
);
const switchVar = fc.record({
  ports: fc.dictionary(fc.constantFrom('Ethernet1/1', 'Ethernet1/3', 'Ethernet1/48', 'swp1'), port, { maxKeys: 4 }),
  save: fc.boolean(),
});
const nodeVar = fc.record(
  {
    trunk_nic: fc.constant('enp4s0f0'),
    mtu: fc.constantFrom(1500, 9000),
    interfaces: fc.array(
      fc.record({
        name: fc.constantFrom('eno1', 'bridge2003', 'enp4s0f0.2003'),
        type: fc.constantFrom('ethernet', 'linux-bridge'),
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['trunk_nic'] },
);
const platform = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('cisco_nxos', 'arista_eos', 'cisco_ios', 'cumulus') },
  { weight: 1, arbitrary: fc.constantFrom('linux', 'junos', 'cisco.nxos.nxos', 'nmstate', '') },
);

/** A plausible inventory, and at most one odd value put somewhere in its variables (by a walk index). */
const inventory = fc.record({
  hostNames: fc.uniqueArray(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom('node0', 'node1', 'node2') }, { weight: 1, arbitrary: oddName }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  site,
  node: nodeVar,
  switch: switchVar,
  switchPlatform: platform,
  ini: fc.boolean(),
  odd: fc.option(fc.record({ at: fc.nat(), key: oddName, value: oddValue, replace: fc.boolean() }), { freq: 2 }),
});

type GeneratedInventory = typeof inventory extends fc.Arbitrary<infer T> ? T : never;

/** Puts `odd.value` at the `odd.at`-th place of a walk through `root` (replacing a value, or adding a key). */
function corrupt(root: Record<string, unknown>, odd: NonNullable<GeneratedInventory['odd']>): void {
  const places: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      places.push({ parent: value as Record<string, unknown>, key: Array.isArray(value) ? Number(key) : key });
      walk(inner);
    }
  };
  walk(root);
  const place = places[odd.at % Math.max(1, places.length)];
  if (!place) return;
  if (odd.replace || Array.isArray(place.parent))
    (place.parent as Record<string | number, unknown>)[place.key] = odd.value;
  else
    Object.defineProperty(place.parent, odd.key, {
      value: odd.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function filesOf(inv: GeneratedInventory): Record<string, string> {
  const vars = {
    all: { site: structuredClone(inv.site) },
    nodes: { platform: 'nmstate', node: structuredClone(inv.node) },
    switch1: { platform: inv.switchPlatform, switch: structuredClone(inv.switch) },
  };
  if (inv.odd) corrupt(vars, inv.odd);
  const files: Record<string, string> = {};
  if (inv.ini) {
    files['hosts'] = `[nodes]\n${inv.hostNames.join('\n')}\n[switches]\nswitch1\n`;
  } else {
    const hosts = Object.fromEntries(inv.hostNames.map((h: string) => [h, null]));
    files['hosts.yaml'] = YAML.stringify(
      {
        all: { children: { nodes: { hosts }, switches: { hosts: { switch1: null } } } },
      },
      YAML11,
    );
  }
  files['group_vars/all.yaml'] = YAML.stringify(vars.all, YAML11);
  files['group_vars/nodes.yaml'] = YAML.stringify(vars.nodes, YAML11);
  files['host_vars/switch1.yaml'] = YAML.stringify(vars.switch1, YAML11);
  return files;
}

const platforms = defaultPlatforms();

describe('generated inventories (properties)', () => {
  it('load, validate and render: a located ConfigError or a site that renders', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(inventory, async (inv) => {
        await withFiles(filesOf(inv), async (dir) => {
          let loaded;
          try {
            loaded = await loadSite(dir, platforms);
          } catch (error) {
            expectLocatedConfigError(error, dir);
            return;
          }
          expect(() => renderSite(loaded.site, { platforms, cwd: dir })).not.toThrow();
          rendered++;
        });
      }),
      { numRuns: 150 },
    );
    // The generator must keep producing valid sites, or render would go untested.
    expect(rendered).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('host patterns select hosts or give a ConfigError', async () => {
    const inv = await loadInventory('test/fixtures/inventories/ini-edge');
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('all:!n*', '~[', 'nodes[0:1]', '&x', 'a,b:c', '*[')),
        (pattern) => {
          try {
            selectHosts(inv, pattern);
          } catch (error) {
            expect(error).toBeInstanceOf(ConfigError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('INI hosts files of random lines and line endings: a located ConfigError at worst', async () => {
    const line = fc.oneof(
      fc.constantFrom(
        '[g]',
        '[g:vars]',
        '[g:children]',
        '[bad',
        '[g:kids]',
        'g',
        'h1 a=1 b="x y"',
        'h[1:3] ansible_port=22',
        'h:2222',
        '# c',
        '; c',
        '',
        'k=v',
        '=x',
        'h "unterminated',
        'n[1:99999999]',
        '[all:vars]',
        'x=[1, 2',
      ),
      fc.string({ maxLength: 15 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), async (lines, eol) => {
        await withFiles({ hosts: lines.join(eol) }, async (dir) => {
          await loadInventory(dir).catch((error: unknown) => expectLocatedConfigError(error, dir));
        });
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('any text parses as YAML with every problem located, and reading its values never throws', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .array(
          fc.constantFrom(
            'a: 1',
            '- x',
            '  b: &x [1, *x]',
            'c: *y',
            '<<: *x',
            '[[[',
            '"\\q"',
            '? k',
            '!!binary !!x',
            'd: {e: f',
            '\t',
            ': :',
            '&a a: *a',
          ),
          { maxLength: 8 },
        )
        .map((l) => l.join('\n')),
    );
    fc.assert(
      fc.property(text, (source) => {
        const parsed = parseYaml('f.yaml', source, { version: '1.1' });
        for (const p of parsed.problems) expect(p.location?.file).toBe('f.yaml');
        const file = YamlFile.parse('f.yaml', source);
        if (file.isReadable) file.toValue(file.doc.contents, []);
      }),
      { numRuns: 1000 },
    );
  });
});
