import { timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import ssh2 from 'ssh2';
import type {
  Algorithms,
  AuthContext,
  KexAlgorithm,
  ServerHostKeyAlgorithm,
  Connection,
  ParsedKey,
  PseudoTtyInfo,
  ServerChannel,
  Session,
} from 'ssh2';
import type { SimUser } from './sim-types.js';

const { Server, utils } = ssh2;

/** What the server hands a new channel: who logged in, whether a pty was asked for, and the channel. */
export interface SimChannelRequest {
  readonly user: SimUser;
  readonly channel: ServerChannel;
  readonly pty: PseudoTtyInfo | undefined;
  /** `exec`: the command line; undefined for a shell. */
  readonly command?: string;
  /** Drops the whole connection at once (fault injection: no SSH disconnect message, as a cut link). */
  readonly drop: () => void;
}

/**
 * What an old switch's SSH server offers (an IOS 12.2/15.0 or NX-OS 7 era device): one SHA-1 Diffie-Hellman key
 * exchange and an ssh-rsa host key with SHA-1 signatures. Ciphers and MACs stay ssh2's defaults.
 */
export const LEGACY_ALGORITHMS = {
  kex: ['diffie-hellman-group14-sha1'],
  serverHostKey: ['ssh-rsa'],
} as const;

export interface SimSshServerOptions {
  /** Restricts the algorithms the server offers (ssh2's `algorithms` option). */
  readonly algorithms?: { readonly kex: readonly string[]; readonly serverHostKey: readonly string[] };
  readonly host: string;
  readonly port: number;
  /** Host private key (OpenSSH or PEM text). */
  readonly hostKey: string;
  readonly users: readonly SimUser[];
  readonly onShell: (req: SimChannelRequest) => void;
  readonly onExec: (req: SimChannelRequest) => void;
}

/** A listening simulator server. */
export interface SimSshServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * An ssh2 server for the device simulators: password, keyboard-interactive and publickey logins against the
 * configured users; `pty`, `window-change` and `env` requests accepted (OpenSSH warns otherwise); `shell` and `exec`
 * channels passed on. Nagle is off on every connection, and close() ends the open connections too.
 */
export async function startSimSshServer(opts: SimSshServerOptions): Promise<SimSshServer> {
  const connections = new Set<Connection>();
  const keys = new Map<string, ParsedKey[]>();
  for (const user of opts.users) keys.set(user.username, (user.publicKeys ?? []).map(parsePublicKey));
  const algorithms: Algorithms | undefined = opts.algorithms
    ? {
        kex: [...opts.algorithms.kex] as KexAlgorithm[],
        serverHostKey: [...opts.algorithms.serverHostKey] as ServerHostKeyAlgorithm[],
      }
    : undefined;
  const server = new Server({ hostKeys: [opts.hostKey], ...(algorithms ? { algorithms } : {}) }, (client) => {
    connections.add(client);
    const sock = (client as unknown as { _sock?: Socket })._sock;
    sock?.setNoDelay(true);
    const drop = (): void => void sock?.destroy();
    let user: SimUser | undefined;
    client.on('authentication', (ctx) => {
      const found = checkAuth(ctx, opts.users, keys);
      // keyboard-interactive accepts later, from its prompt callback: remember who is asking.
      if (found === 'pending') return void (user = opts.users.find((u) => u.username === ctx.username));
      if (found) {
        user = found;
        ctx.accept();
      } else ctx.reject(['publickey', 'password', 'keyboard-interactive']);
    });
    client.on('session', (acceptSession) => {
      const session: Session = acceptSession();
      let pty: PseudoTtyInfo | undefined;
      session.on('pty', (accept, _reject, info) => {
        pty = info;
        accept?.();
      });
      session.on('window-change', (accept) => accept?.());
      session.on('env', (accept) => accept?.());
      session.on('shell', (accept) => opts.onShell({ user: user!, channel: accept(), pty, drop }));
      session.on('exec', (accept, _reject, info) =>
        opts.onExec({ user: user!, channel: accept(), pty, command: info.command, drop }),
      );
    });
    client.on('error', () => undefined);
    client.on('close', () => connections.delete(client));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of connections) c.end();
        server.close(() => resolve());
        setTimeout(resolve, 1_000).unref();
      }),
  };
}

function parsePublicKey(line: string): ParsedKey {
  const parsed = utils.parseKey(line);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error) throw new Error(`not a public key: ${line.slice(0, 40)}…`);
  return key;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The user the attempt logs in, false to reject, 'pending' when keyboard-interactive is still asking. */
function checkAuth(
  ctx: AuthContext,
  users: readonly SimUser[],
  keys: ReadonlyMap<string, ParsedKey[]>,
): SimUser | false | 'pending' {
  const user = users.find((u) => u.username === ctx.username);
  if (!user) return false;
  switch (ctx.method) {
    case 'password':
      return user.password !== undefined && sameText(ctx.password, user.password) ? user : false;
    case 'keyboard-interactive':
      if (user.password === undefined) return false;
      ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
        if (answers[0] !== undefined && sameText(answers[0], user.password!)) ctx.accept();
        else ctx.reject(['publickey', 'password']);
      });
      return 'pending';
    case 'publickey': {
      const key =
        (keys.get(user.username) ?? []).find((k) => k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data)) ??
        (keys.get(user.username) ?? []).find((k) => k.getPublicSSH().equals(ctx.key.data));
      if (!key) return false;
      // Without a signature the client only asks whether the key would do; with one, it must verify.
      if (ctx.signature === undefined || ctx.blob === undefined) return user;
      return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true ? user : false;
    }
    default:
      return false;
  }
}
