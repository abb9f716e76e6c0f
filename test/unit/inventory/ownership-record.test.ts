import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { loadSite } from '../../../src/inventory/load-site.js';
import { OWNERSHIP_FILE, readOwnershipRecord, updateOwnershipRecord } from '../../../src/inventory/ownership-record.js';
import { defaultPlatforms } from '../../../src/platforms/platform-list.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acp-owned-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const at = new Date('2026-05-01T10:00:00.000Z');

describe('the ownership record (INVENTORY/.acp-play-owned.yaml)', () => {
  it('is empty when the file is absent', () => {
    expect(readOwnershipRecord(join(tempDir(), OWNERSHIP_FILE)).size).toBe(0);
  });

  it('records created VLANs with run and time, follows renames, releases removed ones, and reads back', () => {
    const file = join(tempDir(), OWNERSHIP_FILE);
    const base = { switchName: 'switch1', renamed: [], released: [], runId: 'aaaa1111', at };
    updateOwnershipRecord(file, {
      ...base,
      created: [
        { id: 2005, name: 'vm-3' },
        { id: 2003, name: 'vm-1' },
      ],
    });
    updateOwnershipRecord(file, { ...base, switchName: 'leaf1', created: [{ id: 10 }] });
    updateOwnershipRecord(file, { ...base, runId: 'bbbb2222', created: [], renamed: [{ id: 2003, name: 'vms-1' }] });
    updateOwnershipRecord(file, { ...base, created: [], released: [2005] });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# Switch VLANs acp-play created/);
    expect(text).toContain('leaf1:\n  - {id: 10, run: aaaa1111, at: 2026-05-01T10:00:00.000Z}\nswitch1:\n');
    expect(text).toContain('  - {id: 2003, name: vms-1, run: aaaa1111, at: 2026-05-01T10:00:00.000Z}\n');
    expect(text).not.toContain('2005');
    expect(readOwnershipRecord(file)).toEqual(
      new Map([
        ['leaf1', [{ id: 10, run: 'aaaa1111', at: '2026-05-01T10:00:00.000Z' }]],
        ['switch1', [{ id: 2003, name: 'vms-1', run: 'aaaa1111', at: '2026-05-01T10:00:00.000Z' }]],
      ]),
    );
  });

  it('drops a switch whose last VLAN is released', () => {
    const file = join(tempDir(), OWNERSHIP_FILE);
    const base = { switchName: 'switch1', renamed: [], runId: 'r', at };
    updateOwnershipRecord(file, { ...base, created: [{ id: 7 }], released: [] });
    updateOwnershipRecord(file, { ...base, created: [], released: [7] });
    expect(readOwnershipRecord(file).size).toBe(0);
  });

  it('refuses a malformed record with its file and line (exit 3 through ConfigError)', () => {
    const file = join(tempDir(), OWNERSHIP_FILE);
    writeFileSync(file, 'switch1:\n  - {id: 2003}\n  - {id: vlan-5}\nleaf1: 12\n');
    let error: unknown;
    try {
      readOwnershipRecord(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => [p.location?.line, p.message])).toEqual([
      [3, 'switch1[1]: not a VLAN entry'],
      [4, 'leaf1: not a list'],
    ]);
    expect(problems[0]!.location?.file).toBe(file);
  });

  it('is read with the site: each switch gets its owned VLANs, the site the record path', async () => {
    const dir = tempDir();
    cpSync('inventories/site1', dir, { recursive: true });
    writeFileSync(join(dir, OWNERSHIP_FILE), 'switch1:\n  - {id: 2005, name: virtual-machines-3}\n  - {id: 2099}\n');
    const { site } = await loadSite(dir, defaultPlatforms());
    expect(site.ownershipFile).toBe(join(dir, OWNERSHIP_FILE));
    expect(site.switches[0]!.ownedVlans).toEqual([{ id: 2005, name: 'virtual-machines-3' }, { id: 2099 }]);
  });
});
