import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { ConfigError } from '../core/errors.js';

/** Files larger than this are refused before reading: no inventory, vars file or template is anywhere near it. */
export const MAX_USER_FILE_BYTES = 8 * 1024 * 1024;

/** A user's file as text, and where its bytes stopped being UTF-8 (if they did). */
export interface UserText {
  readonly text: string;
  /** Character offset in `text` of the first byte sequence that is not UTF-8 (shown as U+FFFD); absent when clean. */
  readonly invalidAt?: number;
}

/** What a path turned out to be, in words for a message ("a directory", "a FIFO (named pipe)", ...). */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A located ConfigError about a whole file (line 1, column 1). */
export function fileError(path: string, message: string, fix: string): ConfigError {
  return new ConfigError({ severity: 'error', location: { file: path, line: 1, col: 1 }, message, fix });
}

/**
 * Reads a file the user gave (an inventory, a vars file, a playbook, a template), refusing what is not a
 * regular file or is too large before reading a byte, and turning every OS error into a located ConfigError
 * that names the path and what is wrong with it (missing, a dangling or looping symbolic link, a directory, a
 * FIFO or device, unreadable, too large). Symbolic links to regular files are followed. The file is opened
 * non-blocking, so a FIFO swapped in after the check cannot hang the read. A UTF-8 byte order mark is dropped;
 * UTF-16 is refused (as Ansible does: it decodes inventories as UTF-8).
 */
export function readUserFile(path: string, what = 'file', maxBytes = MAX_USER_FILE_BYTES): UserText {
  let fd: number;
  try {
    // Devices and FIFOs are refused before they are opened (opening some has effects of its own).
    const stats = statSync(path);
    if (!stats.isFile()) throw notRegular(path, what, stats);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw error instanceof ConfigError ? error : openError(path, what, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(path, what, stats);
    const bytes = readAtMost(fd, maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw fileError(
        path,
        `${what} ${path} is larger than the ${formatBytes(maxBytes)} limit (${formatBytes(Math.max(stats.size, bytes.length))})`,
        'split it into smaller files, or check that this is the file you meant',
      );
    }
    return decode(path, what, bytes);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw openError(path, what, error);
  } finally {
    closeSync(fd);
  }
}

function notRegular(path: string, what: string, stats: Stats): ConfigError {
  return fileError(path, `${what} ${path} is ${describeFileType(stats)}, not a regular file`, fileFix(what));
}

function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

function decode(path: string, what: string, bytes: Buffer): UserText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileError(path, `${what} ${path} is UTF-16 text`, 'save it as UTF-8 (Ansible reads inventories as UTF-8)');
  }
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const text = lenientUtf8.decode(bytes);
    return { text, invalidAt: Math.max(0, text.indexOf('\ufffd')) };
  }
}

function openError(path: string, what: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return danglingTarget(path) !== undefined
        ? fileError(
            path,
            `${what} ${path} is a dangling symbolic link: its target ${danglingTarget(path)} does not exist`,
            'point the link at an existing file, or remove it',
          )
        : fileError(path, `${what} ${path} does not exist`, 'check the path');
    case 'ELOOP':
      return fileError(
        path,
        `${what} ${path} is a symbolic link loop (it never reaches a file)`,
        'point the link at a real file',
      );
    case 'EISDIR':
      return fileError(path, `${what} ${path} is a directory, not a regular file`, fileFix(what));
    case 'EACCES':
    case 'EPERM':
      return fileError(path, `${what} ${path} cannot be read: permission denied`, 'make it readable by this user');
    case 'ENOTDIR':
      return fileError(
        path,
        `${what} ${path} does not exist (a part of its path is a file, not a folder)`,
        'check the path',
      );
    case 'ENAMETOOLONG':
      return fileError(path, `${what} ${path}: the path is too long`, 'shorten the path or remove a link loop');
    default:
      return new ConfigError(
        {
          severity: 'error',
          location: { file: path, line: 1, col: 1 },
          message: `${what} ${path} cannot be read (${code ?? (error as Error).message})`,
          fix: 'check the file',
        },
        { cause: error },
      );
  }
}

/** What has the name `path` (a link itself, not followed), or undefined when nothing has it. */
export function entryAt(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The target of `path` when it is a symbolic link, else undefined. */
function danglingTarget(path: string): string | undefined {
  try {
    return entryAt(path)?.isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function fileFix(what: string): string {
  return `give a regular ${what === 'file' ? '' : `${what} `}file here (a symbolic link to one is fine)`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${n} bytes`;
}
