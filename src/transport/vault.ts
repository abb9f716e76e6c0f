import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { AcpError } from '../core/errors.js';

/**
 * Ansible Vault format 1.1 / 1.2 (AES256), byte-compatible with `ansible-vault`:
 *   `$ANSIBLE_VAULT;1.1;AES256` or `$ANSIBLE_VAULT;1.2;AES256;label`, then hex lines (80 columns) of
 *   hex(salt) "\n" hex(hmac) "\n" hex(ciphertext);
 *   PBKDF2-HMAC-SHA256(password, salt, 10000) -> 80 bytes = cipher key (32) + HMAC key (32) + CTR IV (16);
 *   ciphertext = AES-256-CTR(PKCS#7-padded plaintext); hmac = HMAC-SHA256(HMAC key, ciphertext).
 */

const HEADER = '$ANSIBLE_VAULT';
const ITERATIONS = 10_000;
const LINE_WIDTH = 80;

/** Why vault text could not be opened: not vault text at all, or the password does not fit. */
export class VaultError extends AcpError {
  constructor(
    readonly reason: 'format' | 'password',
    message: string,
  ) {
    super(message);
  }
}

/** The header fields of a vault text. */
export interface VaultEnvelope {
  readonly version: '1.1' | '1.2';
  readonly cipher: 'AES256';
  /** The vault id label of a 1.2 envelope. */
  readonly label?: string;
}

/** A password: text (as UTF-8) or raw bytes. */
export type VaultPassword = string | Buffer;

/** True when the text starts like vault text (leading whitespace allowed, as in YAML block scalars). */
export function isVaultText(text: string): boolean {
  return text.trimStart().startsWith(`${HEADER};`);
}

export function parseVaultEnvelope(
  text: string,
): VaultEnvelope & { readonly salt: Buffer; readonly hmac: Buffer; readonly ciphertext: Buffer } {
  const [headerLine = '', ...bodyLines] = text.trim().split(/\r?\n/);
  const [magic, version, cipher, label] = headerLine.trim().split(';');
  if (magic !== HEADER)
    throw new VaultError('format', `not Ansible Vault text (expected a first line starting with ${HEADER};)`);
  if (version !== '1.1' && version !== '1.2')
    throw new VaultError(
      'format',
      `unsupported vault format version ${version ?? '(none)'} (1.1 and 1.2 are supported)`,
    );
  if (cipher !== 'AES256')
    throw new VaultError('format', `unsupported vault cipher ${cipher ?? '(none)'} (only AES256)`);
  const outer = bodyLines.join('').replace(/\s+/g, '');
  const inner = hexToBuffer(outer, 'vault body').toString('latin1').split('\n');
  if (inner.length !== 3) throw new VaultError('format', 'vault body does not hold salt, HMAC and ciphertext');
  const [salt, hmac, ciphertext] = inner.map((part, i) =>
    hexToBuffer(part, ['salt', 'HMAC', 'ciphertext'][i] ?? 'field'),
  ) as [Buffer, Buffer, Buffer];
  return { version, cipher, ...(version === '1.2' && label ? { label } : {}), salt, hmac, ciphertext };
}

/** Decrypts vault text; throws VaultError('password') when the HMAC does not match (a wrong password). */
export function decryptVault(text: string, password: VaultPassword): Buffer {
  const { salt, hmac, ciphertext } = parseVaultEnvelope(text);
  const { cipherKey, hmacKey, iv } = deriveKeys(password, salt);
  const actual = createHmac('sha256', hmacKey).update(ciphertext).digest();
  if (hmac.length !== actual.length || !timingSafeEqual(hmac, actual)) {
    throw new VaultError('password', 'HMAC check failed: wrong vault password, or the vault text was altered');
  }
  const decipher = createDecipheriv('aes-256-ctr', cipherKey, iv);
  return unpad(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}

/** Encrypts like `ansible-vault encrypt` (1.1) or `--vault-id label@…` (1.2 when a label is given). */
export function encryptVault(
  plaintext: string | Buffer,
  password: VaultPassword,
  opts: { label?: string; salt?: Buffer } = {},
): string {
  const salt = opts.salt ?? randomBytes(32);
  const { cipherKey, hmacKey, iv } = deriveKeys(password, salt);
  const cipher = createCipheriv('aes-256-ctr', cipherKey, iv);
  const ciphertext = Buffer.concat([cipher.update(pad(Buffer.from(plaintext))), cipher.final()]);
  const hmac = createHmac('sha256', hmacKey).update(ciphertext).digest();
  const body = Buffer.from([salt, hmac, ciphertext].map((b) => b.toString('hex')).join('\n'), 'latin1').toString('hex');
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += LINE_WIDTH) lines.push(body.slice(i, i + LINE_WIDTH));
  const header = opts.label ? `${HEADER};1.2;AES256;${opts.label}` : `${HEADER};1.1;AES256`;
  return `${[header, ...lines].join('\n')}\n`;
}

function deriveKeys(password: VaultPassword, salt: Buffer): { cipherKey: Buffer; hmacKey: Buffer; iv: Buffer } {
  const derived = pbkdf2Sync(Buffer.from(password), salt, ITERATIONS, 80, 'sha256');
  return { cipherKey: derived.subarray(0, 32), hmacKey: derived.subarray(32, 64), iv: derived.subarray(64, 80) };
}

function pad(data: Buffer): Buffer {
  const n = 16 - (data.length % 16);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

function unpad(data: Buffer): Buffer {
  const n = data[data.length - 1] ?? 0;
  if (n < 1 || n > 16 || n > data.length || !data.subarray(data.length - n).every((b) => b === n)) {
    throw new VaultError('format', 'bad padding after decryption');
  }
  return data.subarray(0, data.length - n);
}

function hexToBuffer(hex: string, what: string): Buffer {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex))
    throw new VaultError('format', `vault ${what} is not hex`);
  return Buffer.from(hex, 'hex');
}

/**
 * The vault text of a variable's value, if it is vaulted: the inventory's `!vault` value object (anything whose
 * `toJSON()` is `{ __ansible_vault: text }`, ansible-inventory's shape), that plain object itself, or a string
 * starting with `$ANSIBLE_VAULT;`. Duck-typed so the transport layer does not import the inventory's class.
 */
export function vaultTextOf(value: unknown): string | undefined {
  if (typeof value === 'string') return isVaultText(value) ? value : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const json =
    typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  const text = (json as { __ansible_vault?: unknown } | null)?.__ansible_vault;
  return typeof text === 'string' && isVaultText(text) ? text : undefined;
}
