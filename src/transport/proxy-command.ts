import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';

/** A running `ProxyCommand`: its stdin/stdout as one duplex stream for ssh2's `sock`. */
export interface ProxyProcess {
  readonly sock: Duplex;
  /** The last lines the command wrote to stderr (for error messages). */
  stderrTail(): string;
  kill(): void;
}

/** Spawns `command` (already %-substituted) with `sh -c`, as OpenSSH does. */
export function spawnProxyCommand(command: string): ProxyProcess {
  const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const sock = new Duplex({
    read() {
      child.stdout.resume();
    },
    write(chunk: Buffer, _enc, cb) {
      if (child.stdin.writable) child.stdin.write(chunk, cb);
      else cb(new Error('ProxyCommand stdin closed'));
    },
    final(cb) {
      child.stdin.end();
      cb();
    },
    destroy(err, cb) {
      child.kill();
      cb(err);
    },
  });
  child.stdout.on('data', (d: Buffer) => {
    if (!sock.push(d)) child.stdout.pause();
  });
  child.stdout.on('end', () => sock.push(null));
  child.stdin.on('error', () => {});
  child.on('error', (err) => sock.destroy(err));
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null)
      sock.destroy(new Error(`ProxyCommand exited with ${code}: ${stderr.trim().split('\n').pop() ?? ''}`));
  });
  return {
    sock,
    stderrTail: () => stderr.trim(),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}
