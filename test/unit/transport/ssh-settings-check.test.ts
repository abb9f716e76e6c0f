import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../../src/core/errors.js';
import type { AlgorithmSettings } from '../../../src/transport/ssh-algorithms.js';
import { checkSshSettings } from '../../../src/transport/ssh-settings-check.js';

const dir = mkdtempSync(join(tmpdir(), 'acp-ssh-settings-'));

function configFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The inventory sets KexAlgorithms itself, so the ssh config's KexAlgorithms never applies. */
const inventoryKex: AlgorithmSettings = {
  KexAlgorithms: { value: 'curve25519-sha256', origin: 'inventory', source: 'ssh_options (inv/host_vars/a.yaml:1)' },
};

describe('checking a run before it connects', () => {
  it('reports every bad ssh config setting of the targets and of their jump hosts', () => {
    const file = configFile('run', [
      'Host bastion',
      '  KexAlgorithms +diffie-hellman-group14-sha3',
      'Host sw1',
      '  ProxyJump bastion',
      '  MACs hmac-sha3',
    ]);
    const error = (() => {
      try {
        checkSshSettings([{ address: 'sw1' }, { address: 'sw2' }], file);
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems.map((p) => `${p.location?.line}: ${p.message}`)).toEqual([
      '5: MACs: unknown MAC "hmac-sha3"',
      '2: KexAlgorithms: unknown key exchange algorithm "diffie-hellman-group14-sha3"',
    ]);
  });

  it('ignores what the inventory overrides, and returns the warnings once', () => {
    const file = configFile('warn', ['Host *', '  KexAlgorithms bogus', '  Ciphers +aes128-cbc,blowfish-cbc']);
    const warnings = checkSshSettings(
      [
        { address: 'a', algorithms: inventoryKex },
        { address: 'b', algorithms: inventoryKex },
      ],
      file,
    );
    expect(warnings.map((w) => `${w.location?.line}: ${w.message}`)).toEqual([
      "3: Ciphers: blowfish-cbc is left out: this Node.js build's OpenSSL does not provide it",
    ]);
  });
});
