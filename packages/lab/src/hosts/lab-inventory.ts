import { mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyPair } from './host-files.js';
import { LAB_USER } from './lab-prereqs.js';
import type { LabHostState } from './lab-state.js';

/** Files the lab writes into its inventory folder (and removes again on teardown). */
export const LAB_INVENTORY_FILES = ['hosts.yaml', 'known_hosts', 'id_ed25519', 'id_ed25519.pub'] as const;

/** The client key file name inside the inventory (ssh_private_key_file is resolved against the inventory folder). */
export const LAB_CLIENT_KEY = 'id_ed25519';

/**
 * Writes an acp-play inventory for the lab: hosts.yaml (group `linux`: every host at 127.0.0.1 on its forwarder
 * port, user acplab, the lab's client key), known_hosts pinning each host key, and the client key itself.
 * Host lines end the file, so a caller can append more hosts to the `linux` group.
 */
export function writeLabInventory(
  dir: string,
  labId: string,
  hosts: readonly LabHostState[],
  clientKey: KeyPair,
): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, LAB_CLIENT_KEY), clientKey.privateKey, { mode: 0o600 });
  writeFileSync(join(dir, `${LAB_CLIENT_KEY}.pub`), `${clientKey.publicLine}\n`, { mode: 0o644 });
  writeFileSync(join(dir, 'known_hosts'), hosts.map((h) => `[127.0.0.1]:${h.port} ${h.hostKeyPub}\n`).join(''));
  const lines = [
    `# Written by \`acp-play lab up\` for lab ${labId} (${hosts.length} namespace hosts); removed by \`acp-play lab down\`.`,
    'all:',
    '  children:',
    '    linux:',
    '      vars:',
    `        user: ${LAB_USER}`,
    `        ssh_private_key_file: ${LAB_CLIENT_KEY}`,
    '      hosts:',
    ...hosts.map((h) => `        ${h.name}: {address: 127.0.0.1, port: ${h.port}}`),
  ];
  writeFileSync(join(dir, 'hosts.yaml'), `${lines.join('\n')}\n`);
}

/** Removes the files writeLabInventory wrote, and the folder when nothing else is left in it. */
export function removeLabInventory(dir: string): void {
  for (const file of LAB_INVENTORY_FILES) rmSync(join(dir, file), { force: true });
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // already gone
  }
}
