import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ConfigError } from '../../../src/core/errors.js';
import { decryptVaultAt, readVaultedFile, VaultKeyring } from '../../../src/transport/vault-keyring.js';
import {
  decryptVault,
  encryptVault,
  parseVaultEnvelope,
  vaultTextOf,
  VaultError,
} from '../../../src/transport/vault.js';

const FIXTURES = new URL('../../fixtures/vault/', import.meta.url).pathname;
const PASSWORD = 'correct horse battery staple';
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'acp-vault-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The `!vault` scalars of the inline fixture, as the inventory's YAML tag would keep them. */
function inlineValues(): Record<string, string> {
  const doc = parseDocument(fixture('inline-values.yml'), {
    customTags: [{ tag: '!vault', resolve: (s: string) => s }],
  });
  return (doc.toJS() as { all: { vars: Record<string, string> } }).all.vars;
}

describe('Ansible Vault made by ansible-vault 2.14', () => {
  it('decrypts a 1.1 whole-file vault', () => {
    expect(decryptVault(fixture('whole-file-1.1.yml'), PASSWORD).toString('utf8')).toBe(
      'site_password: "s3cr3t with spaces & ümlauts"\nvlans: [2001, 2002]\n',
    );
  });

  it('decrypts a 1.2 vault with a label', () => {
    const text = fixture('whole-file-1.2.yml');
    expect(parseVaultEnvelope(text).label).toBe('prod');
    expect(decryptVault(text, PASSWORD).toString('utf8')).toBe('become: hunter2\n');
  });

  it('decrypts inline !vault values (1.1 and 1.2)', () => {
    const vars = inlineValues();
    expect(decryptVault(vars.password ?? '', PASSWORD).toString('utf8')).toBe('N0de-P@ss!');
    expect(decryptVault(vars.become_password ?? '', PASSWORD).toString('utf8')).toBe('sudo-pass-1.2');
  });

  it('refuses a wrong password with a located ConfigError that shows no secret', () => {
    const keyring = new VaultKeyring({ env: { ACP_PLAY_VAULT_PASSWORD: 'Tr0ub4dor&3' } });
    const where = { file: 'inventory/group_vars/all.yml', line: 3, col: 15 };
    const error = (() => {
      try {
        decryptVaultAt(inlineValues().password ?? '', keyring, where);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(
      /^inventory\/group_vars\/all\.yml:3:15: cannot decrypt Ansible Vault data: HMAC check failed: wrong vault password/,
    );
    expect(message).toContain('env ACP_PLAY_VAULT_PASSWORD');
    expect(message).not.toContain('Tr0ub4dor');
    expect(message).not.toContain('N0de');
  });

  it('detects a tampered ciphertext or HMAC', () => {
    const text = fixture('whole-file-1.1.yml');
    const { salt, hmac, ciphertext } = parseVaultEnvelope(text);
    const rebuild = (h: Buffer, c: Buffer) =>
      `$ANSIBLE_VAULT;1.1;AES256\n${Buffer.from([salt, h, c].map((b) => b.toString('hex')).join('\n')).toString('hex')}\n`;
    expect(decryptVault(rebuild(hmac, ciphertext), PASSWORD).length).toBeGreaterThan(0);
    const flipped = Buffer.from(ciphertext);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptVault(rebuild(hmac, flipped), PASSWORD)).toThrow(/HMAC check failed/);
    const badHmac = Buffer.from(hmac);
    badHmac[31] = (badHmac[31] ?? 0) ^ 0x80;
    expect(() => decryptVault(rebuild(badHmac, ciphertext), PASSWORD)).toThrow(VaultError);
  });

  it('rejects text that is not a supported vault', () => {
    expect(() => decryptVault('hello', PASSWORD)).toThrow(/not Ansible Vault text/);
    expect(() => decryptVault('$ANSIBLE_VAULT;1.0;AES\n00\n', PASSWORD)).toThrow(/version 1\.0/);
    expect(() => decryptVault('$ANSIBLE_VAULT;1.1;AES256\nzz\n', PASSWORD)).toThrow(/not hex/);
  });
});

describe('encryptVault', () => {
  it("round-trips, pads whole blocks, and writes ansible-vault's layout", () => {
    for (const plain of ['', 'x', '0123456789abcdef', 'a'.repeat(1000), 'ümlaut €']) {
      const text = encryptVault(plain, 'pw');
      expect(decryptVault(text, 'pw').toString('utf8')).toBe(plain);
    }
    const text = encryptVault('0123456789abcdef', 'pw', { label: 'lab' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;lab');
    expect(lines.slice(1, -1).every((l) => l.length === 80)).toBe(true);
    expect(parseVaultEnvelope(text).ciphertext.length).toBe(32);
  });

  it('is read by the real ansible-vault', () => {
    const file = join(tmp, 'ours.yml');
    const pwFile = join(tmp, 'pw.txt');
    writeFileSync(pwFile, 'pw\n');
    writeFileSync(file, encryptVault('made: by acp-play\n', 'pw', { label: 'x' }));
    const out = execFileSync('ansible-vault', ['view', '--vault-password-file', pwFile, file], {
      encoding: 'utf8',
      env: { ...process.env, HOME: tmp },
    });
    expect(out).toBe('made: by acp-play\n');
  });
});

describe('VaultKeyring', () => {
  it('reads the password file named by the flag, trimming whitespace like ansible', () => {
    const keyring = new VaultKeyring({ passwordFile: join(FIXTURES, 'vault-password.txt'), env: {} });
    expect(readVaultedFile(join(FIXTURES, 'whole-file-1.2.yml'), keyring)).toEqual({
      text: 'become: hunter2\n',
      encrypted: true,
    });
  });

  it('prefers ACP_PLAY_VAULT_PASSWORD_FILE, then ANSIBLE_VAULT_PASSWORD_FILE, then ACP_PLAY_VAULT_PASSWORD', () => {
    const where = { file: 'f', line: 1, col: 1 };
    const file = join(FIXTURES, 'vault-password.txt');
    expect(
      new VaultKeyring({ env: { ANSIBLE_VAULT_PASSWORD_FILE: file, ACP_PLAY_VAULT_PASSWORD: 'no' } })
        .password(where)
        .reveal(),
    ).toBe(PASSWORD);
    expect(
      new VaultKeyring({ env: { ACP_PLAY_VAULT_PASSWORD_FILE: file, ANSIBLE_VAULT_PASSWORD_FILE: '/nope' } })
        .password(where)
        .reveal(),
    ).toBe(PASSWORD);
    expect(new VaultKeyring({ env: { ACP_PLAY_VAULT_PASSWORD: 'direct' } }).password(where).reveal()).toBe('direct');
  });

  it('runs an executable password file and uses its stdout', () => {
    const script = join(tmp, 'pw.sh');
    writeFileSync(script, `#!/bin/sh\necho '${PASSWORD}'\n`);
    chmodSync(script, 0o755);
    const keyring = new VaultKeyring({ passwordFile: script, env: {} });
    expect(readVaultedFile(join(FIXTURES, 'whole-file-1.1.yml'), keyring).text).toContain('vlans: [2001, 2002]');
  });

  it('says how to give a password when none is configured, naming the vaulted file', () => {
    const keyring = new VaultKeyring({ env: {} });
    expect(keyring.isConfigured()).toBe(false);
    expect(() => readVaultedFile(join(FIXTURES, 'whole-file-1.1.yml'), keyring)).toThrow(
      /whole-file-1\.1\.yml:1:1: this is Ansible Vault encrypted.*--vault-password-file/,
    );
  });

  it('leaves a plain file alone without asking for a password', () => {
    expect(readVaultedFile(join(FIXTURES, 'README.md'), new VaultKeyring({ env: {} })).encrypted).toBe(false);
  });

  it('keeps the password out of inspect and JSON', () => {
    const secret = new VaultKeyring({ env: { ACP_PLAY_VAULT_PASSWORD: 'topsecret' } }).password({
      file: 'f',
      line: 1,
      col: 1,
    });
    expect(`${secret} ${JSON.stringify({ secret })} ${inspect(secret)}`).not.toContain('topsecret');
  });
});

describe('vaultTextOf', () => {
  it('recognises the inventory value object, its JSON form and raw vault strings', () => {
    const text = encryptVault('v', 'pw');
    expect(vaultTextOf({ toJSON: () => ({ __ansible_vault: text }) })).toBe(text);
    expect(vaultTextOf({ __ansible_vault: text })).toBe(text);
    expect(vaultTextOf(text)).toBe(text);
    expect(vaultTextOf('plain')).toBeUndefined();
    expect(vaultTextOf(42)).toBeUndefined();
  });
});
