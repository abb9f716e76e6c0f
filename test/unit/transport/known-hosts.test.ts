import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { hostKeyAlgorithmsFor, restrictHostKeyAlgorithms } from '../../../src/transport/host-key.js';
import { matchGlob, parseKnownHosts } from '../../../src/transport/known-hosts-file.js';
import {
  checkHostKey,
  createHostKeyPolicy,
  fingerprint,
  formatHostKeyRefusal,
  keyTypeOf,
  lookupHostKeys,
  type HostKeyTarget,
} from '../../../src/transport/known-hosts.js';
import { generateEd25519Key } from '../../../packages/lab/src/ed25519-key.js';

type KeyType = 'ed25519' | 'ecdsa' | 'rsa';
/** A fresh public key: its known_hosts text (`type base64`) and blob. */
function newKey(type: KeyType = 'ed25519'): { text: string; blob: Buffer } {
  // ed25519 through the lab's generator: ssh2 writes about 1 key in 256 wrongly, and ssh-keygen refuses those.
  const pub =
    type === 'ed25519'
      ? generateEd25519Key('test').publicLine
      : ssh2.utils.generateKeyPairSync(type, type === 'rsa' ? { bits: 1024 } : { bits: 256 }).public;
  const [keyType, base64] = pub.split(' ');
  return { text: `${keyType} ${base64}`, blob: Buffer.from(base64 ?? '', 'base64') };
}
function hashedName(name: string, salt = randomBytes(20)): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

const root = mkdtempSync(join(tmpdir(), 'acp-known-hosts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let inventoryDir: string;
let userFile: string;
let n = 0;
beforeEach(() => {
  inventoryDir = join(root, `inv${++n}`);
  mkdirSync(inventoryDir);
  userFile = join(root, `user${n}_known_hosts`);
});
const target = (over: Partial<HostKeyTarget> = {}): HostKeyTarget => ({
  inventoryDir,
  hostName: 'node1',
  address: '10.0.0.1',
  userKnownHostsFile: userFile,
  ...over,
});
const writeInventoryFile = (...lines: string[]) =>
  writeFileSync(join(inventoryDir, 'known_hosts'), `${lines.join('\n')}\n`);

const ed = newKey('ed25519');
const ed2 = newKey('ed25519');
const ecdsa = newKey('ecdsa');
const rsa = newKey('rsa');

describe('key blobs', () => {
  it('fingerprints like ssh-keygen -l', () => {
    writeFileSync(join(root, 'k.pub'), `${ed.text} c\n`);
    const out = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(root, 'k.pub')], { encoding: 'utf8' });
    expect(out.split(' ')[1]).toBe(fingerprint(ed.blob));
    expect(fingerprint(ed.blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('reads the key type from the blob', () => {
    expect([keyTypeOf(ed.blob), keyTypeOf(ecdsa.blob), keyTypeOf(rsa.blob)]).toEqual([
      'ssh-ed25519',
      'ecdsa-sha2-nistp256',
      'ssh-rsa',
    ]);
    expect(keyTypeOf(Buffer.from([0, 0]))).toBeUndefined();
  });

  it('maps pinned key types to ssh2 host key algorithms', () => {
    expect(hostKeyAlgorithmsFor(['ssh-rsa'])).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    expect(hostKeyAlgorithmsFor(['ssh-rsa', 'ssh-ed25519', 'ecdsa-sha2-nistp384'])).toEqual([
      'ssh-ed25519',
      'ecdsa-sha2-nistp384',
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect(hostKeyAlgorithmsFor(['sk-ssh-ed25519@openssh.com'])).toEqual([]);
  });

  it('restricts the configured host key algorithms to the pinned key types, in the configured order', () => {
    const defaults = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256'];
    // An RSA key: only its SHA-2 signatures unless ssh-rsa (SHA-1) is configured, as in OpenSSH 8.8+.
    expect(restrictHostKeyAlgorithms(defaults, ['ssh-rsa'])).toEqual(['rsa-sha2-512', 'rsa-sha2-256']);
    expect(restrictHostKeyAlgorithms([...defaults, 'ssh-rsa'], ['ssh-rsa'])).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect(restrictHostKeyAlgorithms(['ssh-rsa', 'ssh-ed25519'], ['ssh-ed25519', 'ssh-rsa'])).toEqual([
      'ssh-rsa',
      'ssh-ed25519',
    ]);
    expect(restrictHostKeyAlgorithms(['ssh-ed25519'], ['ssh-rsa'])).toEqual([]);
    expect(restrictHostKeyAlgorithms(defaults, undefined)).toEqual(defaults);
  });
});

describe('parsing and matching', () => {
  it('skips comments, blanks, malformed lines and says why @cert-authority is ignored', () => {
    const parsed = parseKnownHosts(
      [
        '# comment',
        '',
        `  node1 ${ed.text} root@node1`,
        '@cert-authority *.lab ' + ed.text,
        'node2 ssh-rsa AAAA',
        `node3 ssh-rsa ${ed.text.split(' ')[1]}`,
      ].join('\n'),
      'f',
    );
    expect(parsed.entries.map((e) => [e.line, e.hostField, e.keyType])).toEqual([[3, 'node1', 'ssh-ed25519']]);
    expect(parsed.skipped.map((s) => [s.line, s.reason])).toEqual([
      [4, expect.stringContaining('@cert-authority line ignored')],
      [5, 'not a valid ssh-rsa key'],
      [6, 'key type field says ssh-rsa but the key is ssh-ed25519'],
    ]);
  });

  it('matches globs', () => {
    expect(matchGlob('10.0.0.*', '10.0.0.15')).toBe(true);
    expect(matchGlob('node?', 'node12')).toBe(false);
    expect(matchGlob('*a*b', 'xxaybb')).toBe(true);
    expect(matchGlob('[*]:2222', '[sw1]:2222')).toBe(true);
  });

  it('finds plain, comma-list, [host]:port, wildcard, negated and hashed entries', () => {
    writeInventoryFile(
      `10.0.0.1,node1 ${ed.text}`,
      `[10.0.0.1]:2222 ${ecdsa.text}`,
      `10.0.0.* ${rsa.text}`,
      `10.0.0.*,!10.0.0.1 ${ed2.text}`,
      `${hashedName('10.0.0.1')} ${ecdsa.text}`,
      `${hashedName('[10.0.0.1]:2222')} ${rsa.text}`,
    );
    const files = [join(inventoryDir, 'known_hosts')];
    expect(lookupHostKeys(files, '10.0.0.1', 22).map((e) => e.line)).toEqual([1, 3, 5]);
    expect(lookupHostKeys(files, '10.0.0.1', 2222).map((e) => e.line)).toEqual([2, 6]);
    expect(lookupHostKeys(files, '10.0.0.2', 22).map((e) => e.line)).toEqual([3, 4]);
    expect(lookupHostKeys(files, 'NODE1', 22).map((e) => e.line)).toEqual([1]);
  });

  it('matches lines hashed by the real ssh-keygen -H', () => {
    const file = join(root, 'hashed_known_hosts');
    writeFileSync(file, `10.0.0.1 ${ed.text}\n[10.0.0.1]:2222 ${rsa.text}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('10.0.0.1');
    expect(lookupHostKeys([file], '10.0.0.1', 22).map((e) => e.keyType)).toEqual(['ssh-ed25519']);
    expect(lookupHostKeys([file], '10.0.0.1', 2222).map((e) => e.keyType)).toEqual(['ssh-rsa']);
    expect(lookupHostKeys([file], '10.0.0.2', 22)).toEqual([]);
  });
});

describe('checkHostKey', () => {
  it('accepts a pinned key, in either file, and any of several keys of a host', () => {
    writeInventoryFile(`10.0.0.1 ${rsa.text}`, `10.0.0.1 ${ed.text}`);
    writeFileSync(userFile, `10.0.0.1 ${ecdsa.text}\n`);
    expect(checkHostKey(target(), ed.blob)).toMatchObject({ status: 'ok', line: 2 });
    expect(checkHostKey(target(), ecdsa.blob)).toMatchObject({ status: 'ok', file: userFile, line: 1 });
    expect(checkHostKey(target(), rsa.blob)).toMatchObject({ status: 'ok', line: 1 });
  });

  it('refuses an unknown host with its fingerprint and the pin command, and notes ignored CA lines', () => {
    writeInventoryFile(`@cert-authority 10.0.0.* ${ecdsa.text}`);
    const result = checkHostKey(target({ inventoryDir: `${inventoryDir}` }), ed.blob);
    expect(result).toMatchObject({
      status: 'unknown',
      fingerprint: fingerprint(ed.blob),
      pinCommand: `acp-play keyscan ${inventoryDir} --limit node1`,
    });
    const message = formatHostKeyRefusal(result, target());
    expect(message).toContain(`node1 (10.0.0.1) is not known: ssh-ed25519 ${fingerprint(ed.blob)}`);
    expect(message).toContain(`acp-play keyscan ${inventoryDir} --limit node1`);
    expect(message).toContain('@cert-authority line ignored');
  });

  it('refuses a CHANGED key loudly, listing every pinned key by file:line, even with acceptNew', () => {
    writeInventoryFile(`# pinned`, `[10.0.0.1]:2222 ${ed.text}`);
    writeFileSync(userFile, `${hashedName('[10.0.0.1]:2222')} ${ed.text}\n`);
    const t = target({ port: 2222 });
    const result = checkHostKey(t, ed2.blob, { acceptNew: true });
    expect(result.status).toBe('changed');
    const message = formatHostKeyRefusal(result, t);
    expect(message).toContain('REMOTE HOST IDENTIFICATION HAS CHANGED');
    expect(message).toContain(`${join(inventoryDir, 'known_hosts')}:2: ssh-ed25519 ${fingerprint(ed.blob)}`);
    expect(message).toContain(`${userFile}:1: ssh-ed25519`);
    expect(message).toContain(`ssh-keygen -R '[10.0.0.1]:2222' -f ${userFile}`);
    expect(message).toContain(`acp-play keyscan ${inventoryDir} --limit node1 --replace`);
    expect(readFileSync(join(inventoryDir, 'known_hosts'), 'utf8')).not.toContain(ed2.text);
  });

  it('calls a key of another type from a pinned host changed, not unknown', () => {
    writeInventoryFile(`10.0.0.1 ${rsa.text}`);
    expect(checkHostKey(target(), ed.blob, { acceptNew: true }).status).toBe('changed');
  });

  it('refuses a @revoked key even when it is also pinned', () => {
    writeInventoryFile(`10.0.0.1 ${ed.text}`, `@revoked * ${ed.text}`);
    const result = checkHostKey(target(), ed.blob);
    expect(result).toMatchObject({ status: 'revoked', line: 2 });
    expect(formatHostKeyRefusal(result, target())).toContain('REVOKED');
    expect(checkHostKey(target({ address: '10.9.9.9' }), ed.blob, { acceptNew: true }).status).toBe('revoked');
  });

  it('acceptNew pins an unknown key in the inventory file, then accepts it', () => {
    writeFileSync(join(inventoryDir, 'known_hosts'), '# no newline at end');
    const t = target({ port: 2200 });
    expect(checkHostKey(t, ed.blob, { acceptNew: true })).toMatchObject({ status: 'ok', added: true, line: 2 });
    expect(readFileSync(join(inventoryDir, 'known_hosts'), 'utf8')).toBe(
      `# no newline at end\n[10.0.0.1]:2200 ${ed.text}\n`,
    );
    expect(checkHostKey(t, ed.blob)).toMatchObject({ status: 'ok', line: 2 });
    expect(() => readFileSync(userFile)).toThrow();
  });
});

describe('createHostKeyPolicy', () => {
  it('offers only the pinned key types and verifies with a reason', () => {
    writeInventoryFile(`10.0.0.1 ${rsa.text}`, `@revoked 10.0.0.1 ${ed.text}`);
    const policy = createHostKeyPolicy(target());
    expect(policy.hostKeyAlgorithms).toEqual(['ssh-rsa']);
    expect(policy.hostKeyCheck(rsa.blob)).toBe(true);
    expect(policy.hostKeyCheck(ed.blob)).toMatch(/REVOKED/);
    expect(policy.lastResult?.status).toBe('revoked');
  });

  it('leaves the algorithms to ssh2 when nothing is pinned', () => {
    expect(createHostKeyPolicy(target()).hostKeyAlgorithms).toBeUndefined();
  });
});
