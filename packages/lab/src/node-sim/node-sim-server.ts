import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { Connection, ParsedKey, ServerChannel } from 'ssh2';

const { Server, utils } = ssh2;

/** Options of {@link startNodeSshServer}. */
export interface NodeSshServerOptions {
  readonly host: string;
  readonly port: number;
  /** Host private key (OpenSSH text). */
  readonly hostKey: string;
  readonly username: string;
  /** OpenSSH public key lines accepted for `username`. */
  readonly publicKeys: readonly string[];
  /** Working directory of every command. */
  readonly cwd: string;
  /** Environment of every command (PATH with the node's bin folder first, the state file). */
  readonly env: NodeJS.ProcessEnv;
  /** Called with every command line, before it runs. */
  readonly onExec?: (command: string) => void;
  /** Answers a command line without a process, or undefined to run it through /bin/sh. */
  readonly answer?: (command: string) => AnsweredCommand | undefined;
}

/** What a command answered in the server's own process printed, and its exit status. */
export interface AnsweredCommand {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** A listening node server. */
export interface NodeSshServer {
  readonly port: number;
  close(): Promise<void>;
}

function parseKey(line: string): ParsedKey {
  const parsed = utils.parseKey(line);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error) throw new Error(`not a public key: ${line.slice(0, 40)}…`);
  return key;
}

/**
 * The node simulator's SSH server: publickey login for one user, and every `exec` request run by the real
 * `/bin/sh -c COMMAND` in the node's folder, stdin passed through, stdout/stderr back, the exit status (or signal)
 * returned; except the commands `answer` takes, answered in this process. No SFTP subsystem (clients fall back to
 * `cat > FILE`), no shell. Nagle is off on every connection.
 */
export async function startNodeSshServer(opts: NodeSshServerOptions): Promise<NodeSshServer> {
  const keys = opts.publicKeys.map(parseKey);
  const connections = new Set<Connection>();
  const children = new Set<ReturnType<typeof spawn>>();
  const server = new Server({ hostKeys: [opts.hostKey] }, (client) => {
    connections.add(client);
    (client as unknown as { _sock?: Socket })._sock?.setNoDelay(true);
    client.on('authentication', (ctx) => {
      if (ctx.method !== 'publickey' || ctx.username !== opts.username) return ctx.reject(['publickey']);
      const key = keys.find((k) => k.getPublicSSH().equals(ctx.key.data));
      if (!key) return ctx.reject(['publickey']);
      if (ctx.signature === undefined || ctx.blob === undefined) return ctx.accept();
      return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true ? ctx.accept() : ctx.reject(['publickey']);
    });
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      session.on('pty', (accept) => accept?.());
      session.on('window-change', (accept) => accept?.());
      session.on('env', (accept) => accept?.());
      session.on('sftp', (_accept, reject) => reject?.());
      session.on('subsystem', (_accept, reject) => reject?.());
      session.on('shell', (_accept, reject) => reject?.());
      session.on('exec', (accept, _reject, info) => {
        opts.onExec?.(info.command);
        const answered = opts.answer?.(info.command);
        if (answered === undefined) return runExec(accept(), info.command, opts, children);
        const channel = accept();
        channel.write(answered.stdout);
        channel.stderr.write(answered.stderr);
        channel.exit(answered.code);
        channel.end();
      });
    });
    client.on('error', () => undefined);
    client.on('close', () => connections.delete(client));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const child of children) killGroup(child);
        for (const c of connections) c.end();
        server.close(() => resolve());
        setTimeout(resolve, 1_000).unref();
      }),
  };
}

function killGroup(child: ReturnType<typeof spawn>): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function runExec(
  channel: ServerChannel,
  command: string,
  opts: NodeSshServerOptions,
  children: Set<ReturnType<typeof spawn>>,
): void {
  // Its own process group, so a command given up on is killed with everything it started (`sh -c 'sleep 30'`).
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  let finished = false;
  child.stdout.on('data', (d: Buffer) => channel.write(d));
  child.stderr.on('data', (d: Buffer) => channel.stderr.write(d));
  child.stdin.on('error', () => undefined);
  channel.on('data', (d: Buffer) => child.stdin.write(d));
  channel.on('end', () => child.stdin.end());
  // The client gave up (timeout, closed connection): the command must not outlive it.
  channel.on('close', () => {
    if (!finished) killGroup(child);
  });
  child.on('error', (error) => {
    finished = true;
    children.delete(child);
    channel.stderr.write(`node simulator: cannot run /bin/sh: ${error.message}\n`);
    channel.exit(127);
    channel.end();
  });
  // 'close' fires after stdout and stderr are drained, so the exit status follows all the output.
  child.on('close', (code, signal) => {
    finished = true;
    children.delete(child);
    if (code !== null) channel.exit(code);
    else channel.exit((signal ?? 'KILL').replace(/^SIG/, ''), false, '');
    channel.end();
  });
}
