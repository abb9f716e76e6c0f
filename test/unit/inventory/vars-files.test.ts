import { VaultKeyring } from '../../../src/transport/vault-keyring.js';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InventoryBuilder } from '../../../src/inventory/inventory-builder.js';
import { readVarsDir } from '../../../src/inventory/vars-dirs.js';
import { MAX_VARS_FILES, varsFilesUnder } from '../../../src/inventory/vars-files.js';
import { writeInventory } from './inventory-test-helpers.js';

describe('vars folders', () => {
  it('are read in name order, recursively, skipping hidden and backup files, following links', () => {
    const dir = writeInventory({
      'group_vars/all/b.yaml': 'b: 1\n',
      'group_vars/all/a.yml': 'a: 1\n',
      'group_vars/all/.hidden.yaml': 'h: 1\n',
      'group_vars/all/c.yaml~': 'c: 1\n',
      'group_vars/all/notes.txt': 'not vars\n',
      'group_vars/all/sub/z': 'z: 1\n',
      'shared/linked.yaml': 'l: 1\n',
    });
    symlinkSync('../../shared/linked.yaml', join(dir, 'group_vars/all/l.yaml'));
    symlinkSync('../../shared', join(dir, 'group_vars/all/more'));
    expect(varsFilesUnder(join(dir, 'group_vars/all')).map((f) => f.slice(dir.length + 1))).toEqual([
      'group_vars/all/a.yml',
      'group_vars/all/b.yaml',
      'group_vars/all/l.yaml',
      'group_vars/all/more/linked.yaml',
      'group_vars/all/sub/z',
    ]);
  });

  it('a link back to a folder being read is a located folder loop, even through another name', () => {
    const dir = writeInventory({ 'group_vars/all/a.yaml': 'a: 1\n' });
    mkdirSync(join(dir, 'group_vars/all/deep'));
    symlinkSync('../../all', join(dir, 'group_vars/all/deep/again'));
    expect(() => varsFilesUnder(join(dir, 'group_vars/all'))).toThrow(/deep\/again leads back to .* \(a folder loop\)/);
    expect(MAX_VARS_FILES).toBe(10_000);
  });

  it('stop at the read budget with one error naming the first file not read', () => {
    const dir = writeInventory({
      'group_vars/all/a.yaml': `a: ${'x'.repeat(80)}\n`,
      'group_vars/all/b.yaml': 'b: 1\n',
      'group_vars/all/c.yaml': 'c: 1\n',
    });
    const builder = new InventoryBuilder();
    const content = readVarsDir(dir, 'group_vars', ['all'], builder, { left: 50 }, new VaultKeyring());
    expect(content.sources.map((s) => s.file)).toEqual([join(dir, 'group_vars/all/a.yaml')]);
    expect(builder.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        location: { file: join(dir, 'group_vars/all/b.yaml'), line: 1, col: 1 },
        message: expect.stringMatching(/add up to more than 64 MiB; .*b\.yaml and the files after it are not read/),
      }),
    ]);
  });
});
