import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { publishedSchemas } from '../../../src/cli/published-schemas.js';

/**
 * schema/*.schema.json are what `npm run schemas` writes from the valibot schemas acp-play checks with, and a
 * standard JSON Schema validator (ajv), as an editor would use them, accepts the example site and the packaged
 * playbook and rejects misspelled keys.
 */

const SITE1 = 'inventories/site1';

function validator(path: string) {
  const ajv = new Ajv({ allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as object);
}

/** Every file of an inventory folder, parsed as an editor parses YAML. */
function inventoryFiles(dir: string): [string, unknown][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((file) => [file, parse(readFileSync(file, 'utf8')) as unknown]);
}

describe('the published JSON Schemas', () => {
  it.each(Object.entries(publishedSchemas()))('%s is up to date (npm run schemas)', (path, text) => {
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('schema/inventory.schema.json', () => {
  const validate = validator('schema/inventory.schema.json');

  it('accepts every file of inventories/site1', () => {
    const files = inventoryFiles(SITE1);
    expect(files.map(([file]) => file)).toEqual(expect.arrayContaining([`${SITE1}/hosts.yaml`]));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const [file, data] of files) expect([file, validate(data), validate.errors]).toEqual([file, true, null]);
  });

  it('rejects a misspelled site key, and says which', () => {
    const all = parse(readFileSync(`${SITE1}/group_vars/all.yaml`, 'utf8')) as { site: Record<string, unknown> };
    const { vlans, ...rest } = all.site;
    expect(validate({ ...all, site: { ...rest, vlnas: vlans } })).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ instancePath: '/site', params: { additionalProperty: 'vlnas' } }),
      ]),
    );
  });

  it.each(['unknown-key', 'bad-enum', 'wrong-type', 'platform-var-wrong-type'])(
    'rejects the file of the %s fixture, as acp-play validate does',
    (fixture) => {
      const file = `test/fixtures/bad-inventories/${fixture}/hosts.yaml`;
      expect(validate(parse(readFileSync(file, 'utf8')))).toBe(false);
    },
  );

  it('leaves checks across values to acp-play validate (an MTU of 9500 is an integer)', () => {
    expect(validate(parse(readFileSync('test/fixtures/bad-inventories/bad-mtu/hosts.yaml', 'utf8')))).toBe(true);
  });

  it('checks the site keys of hosts in a hosts file, and a switch port', () => {
    const hosts = {
      all: { children: { switches: { hosts: { sw1: { switch: { ports: { 'Ethernet1/1': { mdoe: 'trunk' } } } } } } } },
    };
    expect(validate(hosts)).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          instancePath: '/all/children/switches/hosts/sw1/switch/ports/Ethernet1~11',
          params: { additionalProperty: 'mdoe' },
        }),
      ]),
    );
    expect(validate({ all: { hosts: { sw1: { custom_var: [1, 2] } } } })).toBe(true);
    expect(validate({ all: { hosts: { sw1: null }, hostz: {} } })).toBe(false);
  });
});

describe('schema/playbook.schema.json', () => {
  const validate = validator('schema/playbook.schema.json');
  const load = (file: string) => parse(readFileSync(file, 'utf8')) as unknown;

  it("accepts the packaged playbook and Ansible's task forms", () => {
    for (const file of ['playbooks/site.yaml', 'test/fixtures/playbooks/ansible-habits.yaml']) {
      expect([file, validate(load(file)), validate.errors]).toEqual([file, true, null]);
    }
  });

  it('rejects a misspelled play key, module argument or module', () => {
    const play = (extra: object, task: object) => [{ hosts: 'nodes', tasks: [task], ...extra }];
    expect(validate(play({}, { nmstate: { prune: true } }))).toBe(true);
    expect(validate(play({ seria: 1 }, { nmstate: {} }))).toBe(false);
    expect(validate(play({}, { nmstate: { prnue: true } }))).toBe(false);
    expect(validate(play({}, { nmstat: {} }))).toBe(false);
    expect(validate(play({}, { module: 'file', args: { mode: '0644' } }))).toBe(false); // dest is required
    expect(validate(play({}, { 'ansible.builtin.shell': 'ls | wc -l' }))).toBe(true);
  });
});
