import ssh2 from 'ssh2';

const { utils } = ssh2;

/** An OpenSSH key pair made in process: the private key text and the `ssh-ed25519 AAAA… comment` line. */
export interface Ed25519Key {
  readonly privateKey: string;
  readonly publicLine: string;
}

/**
 * A fresh ed25519 key pair without ssh-keygen. ssh2 1.17 now and then (about 1 in 256: a public key starting with
 * a zero byte) writes a 31-byte public key that OpenSSH refuses; such a key is thrown away and made again, so the
 * lab's keys work with `ssh -i` too.
 */
export function generateEd25519Key(comment: string): Ed25519Key {
  for (;;) {
    const pair = utils.generateKeyPairSync('ed25519', { comment });
    const parsed = utils.parseKey(pair.public);
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (!key || key instanceof Error) continue;
    const blob = key.getPublicSSH();
    // string "ssh-ed25519" (4 + 11) + string key (4 + 32)
    if (blob.length !== 51) continue;
    return { privateKey: pair.private, publicLine: `ssh-ed25519 ${blob.toString('base64')} ${comment}` };
  }
}

/** `type base64` of a public key line (the known_hosts form). */
export function keyTypeAndBlob(publicLine: string): string {
  return publicLine.split(/\s+/).slice(0, 2).join(' ');
}
