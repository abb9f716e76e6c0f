import type { HostKeyCheckResult, HostKeyTarget } from './host-key-types.js';
import { join } from 'node:path';
import { knownHostsName } from './known-hosts-file.js';

/** `acp-play keyscan INVENTORY --limit HOST`, quoted for a POSIX shell where needed. */
export function pinCommandFor(target: HostKeyTarget): string {
  return `acp-play keyscan ${shellQuote(target.inventoryDir)} --limit ${shellQuote(target.hostName)}`;
}

/** The text of a refusal; empty for `ok`. Changed keys get OpenSSH's loud banner, on purpose. */
export function formatHostKeyRefusal(result: HostKeyCheckResult, target: HostKeyTarget): string {
  const where = `${target.hostName} (${knownHostsName(target.address, target.port ?? 22)})`;
  switch (result.status) {
    case 'ok':
      return '';
    case 'unknown': {
      const lines = [
        `host key for ${where} is not known: ${result.keyType} ${result.fingerprint}`,
        `  Check this fingerprint against the host (ssh-keygen -lf /etc/ssh/ssh_host_${shortType(result.keyType)}_key.pub on it), then pin it with:`,
        `    ${result.pinCommand}`,
        `  or connect once with --accept-new to pin it on first use.`,
      ];
      for (const skip of result.ignored) lines.push(`  note: ${skip.file}:${skip.line}: ${skip.reason}`);
      return lines.join('\n');
    }
    case 'revoked':
      return [
        `host key for ${where} is REVOKED: ${result.keyType} ${result.fingerprint}`,
        `  It is marked @revoked at ${result.file}:${result.line}. Refusing to connect.`,
      ].join('\n');
    case 'changed': {
      const bar = '@'.repeat(59);
      const lines = [
        bar,
        '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
        bar,
        'IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!',
        'Someone could be eavesdropping on you right now (man-in-the-middle attack)!',
        'It is also possible that the host key has just been changed (host reinstalled).',
        `The ${result.keyType} host key sent by ${where} has fingerprint`,
        `  ${result.fingerprint}`,
        'but the pinned key(s) are:',
        ...result.expected.map((e) => `  ${e.file}:${e.line}: ${e.keyType} ${e.fingerprint}`),
        `Refusing to connect; no option turns this into a warning.`,
        `If the change is expected, verify the new fingerprint on the host's console, then replace the old key:`,
        ...removalHints(result.expected, target),
      ];
      return lines.join('\n');
    }
  }
}

function removalHints(expected: readonly { file: string; line: number }[], target: HostKeyTarget): string[] {
  const ownFile = join(target.inventoryDir, 'known_hosts');
  const name = knownHostsName(target.address, target.port ?? 22);
  const hints: string[] = [];
  if (expected.some((e) => e.file === ownFile))
    hints.push(`  ${pinCommandFor(target)} --replace   (rewrites ${ownFile})`);
  for (const file of new Set(expected.map((e) => e.file).filter((f) => f !== ownFile))) {
    hints.push(
      `  ssh-keygen -R ${shellQuote(name)} -f ${shellQuote(file)}   (then pin the new key with ${pinCommandFor(target)})`,
    );
  }
  return hints;
}

function shortType(keyType: string): string {
  if (keyType === 'ssh-ed25519') return 'ed25519';
  if (keyType.startsWith('ecdsa-')) return 'ecdsa';
  if (keyType === 'ssh-rsa') return 'rsa';
  return '*';
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
