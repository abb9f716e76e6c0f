import { existsSync, mkdtempSync as makeTemp, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { removeLabInventory, writeLabInventory } from '../../../packages/lab/src/hosts/lab-inventory.js';
import {
  readLabState,
  writeLabState,
  type LabHostState,
  type LabState,
} from '../../../packages/lab/src/hosts/lab-state.js';

const hosts: LabHostState[] = [1, 2, 3].map((i) => ({
  name: `h${i}`,
  netns: `acp-abc123-h${i}`,
  port: 24_000 + i - 1,
  sshdPid: 1000 + i,
  socatPid: 2000 + i,
  dir: `/tmp/acp-lab-x/h${i}`,
  hostKeyPub: `ssh-ed25519 AAAAkey${i}`,
}));
const clientKey = {
  privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----\n',
  publicLine: 'ssh-ed25519 AAAAclient lab',
};

const temps: string[] = [];
function mkdtempSync(prefix: string): string {
  const dir = makeTemp(prefix);
  temps.push(dir);
  return dir;
}

describe('the namespace lab inventory', () => {
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
  it('is an acp-play inventory: group linux, user acplab, the client key, every host key pinned', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'acp-lab-inv-')), 'inventory');
    writeLabInventory(dir, 'abc123', hosts, clientKey);
    const inv = await loadInventory(dir);
    expect([...inv.groups.get('linux')!.hosts]).toEqual(['h1', 'h2', 'h3']);
    const h2 = inv.hosts.get('h2')!;
    expect([h2.address, h2.port, h2.user, h2.vars['ssh_private_key_file']]).toEqual([
      '127.0.0.1',
      24_001,
      'acplab',
      'id_ed25519',
    ]);
    expect(readFileSync(join(dir, 'known_hosts'), 'utf8')).toBe(
      '[127.0.0.1]:24000 ssh-ed25519 AAAAkey1\n[127.0.0.1]:24001 ssh-ed25519 AAAAkey2\n[127.0.0.1]:24002 ssh-ed25519 AAAAkey3\n',
    );
    expect(statSync(join(dir, 'id_ed25519')).mode & 0o777).toBe(0o600);
  });

  it('a host appended to hosts.yaml joins the linux group (how the scale test adds unreachable hosts)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'acp-lab-inv-')), 'inventory');
    writeLabInventory(dir, 'abc123', hosts, clientKey);
    writeFileSync(
      join(dir, 'hosts.yaml'),
      `${readFileSync(join(dir, 'hosts.yaml'), 'utf8')}        down1: {address: 127.0.0.1, port: 1}\n`,
    );
    const inv = await loadInventory(dir);
    expect(inv.groups.get('linux')!.hosts).toContain('down1');
    expect(inv.hosts.get('down1')!.user).toBe('acplab');
  });

  it('teardown removes only the files the lab wrote', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'acp-lab-inv-')), 'inventory');
    writeLabInventory(dir, 'abc123', hosts, clientKey);
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    removeLabInventory(dir);
    expect(existsSync(join(dir, 'hosts.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    removeLabInventory(join(dir, '..', 'never-made'));
  });

  it('lab.json round-trips and refuses a file of another format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acp-lab-state-'));
    const state: LabState = {
      format: 'acp-play/lab-hosts@1',
      id: 'abc123',
      status: 'up',
      createdAt: '2026-01-01T00:00:00.000Z',
      keeperPid: 42,
      namespaces: hosts.map((h) => h.netns),
      hosts,
    };
    expect(readLabState(dir)).toBeUndefined();
    writeLabState(dir, state);
    expect(readLabState(dir)).toEqual(state);
    writeFileSync(join(dir, 'lab.json'), '{"format":"something-else"}');
    expect(() => readLabState(dir)).toThrow(/not an acp-play lab state file/);
  });
});
