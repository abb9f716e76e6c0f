import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/core/inventory.js';
import { YamlFile } from '../../../src/inventory/yaml-file.js';
import { maskSecrets } from '../../../src/report/mask.js';
import { resolveHostSecret, Secret } from '../../../src/transport/secrets.js';
import { VaultKeyring } from '../../../src/transport/vault-keyring.js';

const FIXTURES = new URL('../../fixtures/vault/', import.meta.url).pathname;
const keyring = () => new VaultKeyring({ passwordFile: `${FIXTURES}vault-password.txt`, env: {} });
const locate = () => ({ file: 'inv/host_vars/node1.yml', line: 4, col: 11 });

function host(vars: Record<string, unknown>): Host {
  const origins = Object.fromEntries(
    Object.keys(vars).map((k) => [k, { file: 'inv/host_vars/node1.yml', yamlPath: [k] }]),
  );
  return { name: 'node1', address: '10.0.0.1', groups: ['all'], vars, origins };
}

/** The inline fixture's vars as the inventory's YAML loader hands them over (its VaultValue objects). */
function inlineVars(): Record<string, unknown> {
  const yaml = YamlFile.parse('inline-values.yml', readFileSync(`${FIXTURES}inline-values.yml`, 'utf8'));
  return (yaml.doc.toJS() as { all: { vars: Record<string, unknown> } }).all.vars;
}

describe('Secret', () => {
  it('hides its value from every printing path', () => {
    const s = new Secret('hunter2', 'env X');
    const shown = [String(s), `${s}`, JSON.stringify({ s }), inspect(s), inspect({ nested: { s } }), s + ''].join(' ');
    expect(shown).not.toContain('hunter2');
    expect(shown).toContain('********');
    expect(s.reveal()).toBe('hunter2');
  });
});

describe('resolveHostSecret', () => {
  it('reads password_env from the environment', () => {
    const secret = resolveHostSecret(host({ password_env: 'NODE1_PW' }), 'password', {
      env: { NODE1_PW: 'pw1' },
      keyring: keyring(),
      locate,
    });
    expect(secret?.reveal()).toBe('pw1');
    expect(secret?.source).toBe('env NODE1_PW');
  });

  it('points at the inventory line when the variable is unset', () => {
    expect(() =>
      resolveHostSecret(host({ password_env: 'NODE1_PW' }), 'password', { env: {}, keyring: keyring(), locate }),
    ).toThrow(/^inv\/host_vars\/node1\.yml:4:11: node1: password_env names NODE1_PW, which is not set/);
  });

  it('decrypts inline !vault values loaded by the inventory YAML reader (1.1 and 1.2)', () => {
    const vars = inlineVars();
    const ctx = { env: {}, keyring: keyring(), locate };
    expect(resolveHostSecret(host({ ansible_password: vars.password }), 'password', ctx)?.reveal()).toBe('N0de-P@ss!');
    expect(resolveHostSecret(host({ become_password: vars.become_password }), 'become_password', ctx)?.reveal()).toBe(
      'sudo-pass-1.2',
    );
  });

  it("fails on a wrong vault password at the value's location", () => {
    const ctx = { env: {}, keyring: new VaultKeyring({ env: { ACP_PLAY_VAULT_PASSWORD: 'nope-nope' } }), locate };
    expect(() => resolveHostSecret(host({ password: inlineVars().password }), 'password', ctx)).toThrow(
      /node1\.yml:4:11: cannot decrypt/,
    );
  });

  it('returns undefined for key-only hosts and wraps plain passwords', () => {
    const ctx = { env: {}, keyring: keyring(), locate };
    expect(resolveHostSecret(host({}), 'password', ctx)).toBeUndefined();
    expect(resolveHostSecret(host({ ansible_ssh_pass: 'plain' }), 'password', ctx)?.reveal()).toBe('plain');
    expect(() => resolveHostSecret(host({ password: ['x'] }), 'password', ctx)).toThrow(
      /must be a string or a !vault value/,
    );
  });
});

describe('maskSecrets', () => {
  it('masks every occurrence, longest first, ignoring empty secrets', () => {
    const text = 'login pw=abc123 then sudo abc123xyz; echo abc';
    expect(maskSecrets(text, ['abc123', new Secret('abc123xyz'), ''])).toBe(
      'login pw=******** then sudo ********; echo abc',
    );
  });

  it('treats regex characters literally', () => {
    expect(maskSecrets('p.*$ and pXX', ['p.*$'])).toBe('******** and pXX');
  });
});
