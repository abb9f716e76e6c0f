import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ssh2 from 'ssh2';
import type { Connection, ServerChannel } from 'ssh2';
import { CommandError } from '../../../src/core/errors.js';
import { connectHost } from '../../../src/transport/ssh-transport.js';
import type { Transport } from '../../../src/core/transport.js';
import { generateEd25519Key } from '../../../packages/lab/src/ed25519-key.js';

const { Server, utils } = ssh2;
const PROMPT = /^sw1(\(config\))?# $/;

/** A tiny switch CLI: echoes typed characters (a pty was requested), answers a few commands, prints `sw1# `. */
function serveCli(channel: ServerChannel): void {
  let mode = '';
  let line = '';
  let lastWasCr = false;
  const prompt = (): string => `sw1${mode}# `;
  channel.write('Cisco NX-OS simulator\r\nsw1# banner line that looks like a prompt\r\n' + prompt());
  channel.on('data', (data: Buffer) => {
    for (const ch of data.toString()) {
      const enter = ch === '\r' || ch === '\n';
      if (ch === '\n' && lastWasCr) {
        lastWasCr = false;
        continue;
      }
      lastWasCr = ch === '\r';
      if (!enter) {
        line += ch;
        channel.write(ch);
        continue;
      }
      channel.write('\r\n');
      const cmd = line.trim();
      line = '';
      if (cmd === 'show version') channel.write('NX-OS 9.3(8)\r\nsw1# is only text inside output\r\n' + prompt());
      else if (cmd === 'configure terminal') {
        mode = '(config)';
        channel.write(prompt());
      } else if (cmd === 'slow') {
        channel.write('step 1\r\n');
        setTimeout(() => channel.write('step 2\r\nsw1'), 50);
        setTimeout(() => channel.write(`${mode}# `), 100);
      } else if (cmd === 'hang') channel.write('working...\r\n');
      else if (cmd === '') channel.write(prompt());
      else channel.write(`% Invalid command at '^' marker.\r\n${prompt()}`);
    }
  });
}

describe('CliSession over an ssh2 shell channel (switch simulator)', () => {
  let server: InstanceType<typeof Server>;
  const clients: Connection[] = [];
  let conn: Transport;

  beforeAll(async () => {
    const made = generateEd25519Key('sw1');
    const hostKey = { private: made.privateKey, public: made.publicLine };
    const hostBlob = utils.parseKey(hostKey.public);
    if (hostBlob instanceof Error || Array.isArray(hostBlob)) throw new Error('bad host key');
    server = new Server({ hostKeys: [hostKey.private] }, (client) => {
      clients.push(client);
      (client as unknown as { _sock?: { setNoDelay?: (b: boolean) => void } })._sock?.setNoDelay?.(true);
      client.on('authentication', (ctx) =>
        ctx.method === 'password' && ctx.username === 'admin' && ctx.password === 'pw'
          ? ctx.accept()
          : ctx.reject(['password']),
      );
      client.on('session', (accept) => {
        const session = accept();
        session.on('pty', (acceptPty) => acceptPty?.());
        session.on('window-change', (acceptWc) => acceptWc?.());
        session.on('env', (acceptEnv) => acceptEnv?.());
        session.on('shell', (acceptShell) => serveCli(acceptShell()));
      });
      client.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const expected = hostBlob.getPublicSSH().toString('base64');
    conn = await connectHost(
      {
        name: 'sw1',
        address: '127.0.0.1',
        port,
        user: 'admin',
        auth: { password: 'pw', agentSocket: false, identityFiles: [] },
        hostKeyCheck: (blob) => blob.toString('base64') === expected || 'unexpected key',
        hostKeyAlgorithms: ['ssh-ed25519'],
      },
      { sshConfigPath: false },
    );
  });
  afterAll(async () => {
    await conn?.close();
    clients.forEach((c) => c.end());
    await new Promise((r) => server.close(r));
  });

  it('reads the banner up to the first prompt, matching the prompt on the last line only', async () => {
    const session = await conn.shell();
    const banner = await session.readUntil(PROMPT, 2_000);
    expect(banner).toBe('Cisco NX-OS simulator\nsw1# banner line that looks like a prompt\nsw1# ');
    await session.close();
  });

  it('strips the echo and the trailing prompt, normalises CRLF, ignores prompt-like text mid-output', async () => {
    const session = await conn.shell();
    await session.readUntil(PROMPT);
    expect(await session.send('show version', { prompt: PROMPT })).toBe(
      'NX-OS 9.3(8)\nsw1# is only text inside output',
    );
    expect(await session.send('configure terminal', { prompt: PROMPT })).toBe('');
    expect(await session.send('slow', { prompt: PROMPT })).toBe('step 1\nstep 2');
    expect(await session.send('bogus', { prompt: PROMPT })).toBe("% Invalid command at '^' marker.");
    await session.close();
  });

  it('times out a command whose prompt never comes, with CommandError carrying the output so far', async () => {
    const session = await conn.shell();
    await session.readUntil(PROMPT);
    const err = await session.send('hang', { prompt: PROMPT, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).output).toMatch(/no prompt matching .* within 300 ms[\s\S]*working\.\.\./);
    await session.close();
  });

  it('runs sends on several shells at once, each on its own channel', async () => {
    const sessions = await Promise.all([1, 2, 3].map(() => conn.shell()));
    await Promise.all(sessions.map((s) => s.readUntil(PROMPT)));
    const outs = await Promise.all(sessions.map((s) => s.send('show version', { prompt: PROMPT })));
    expect(new Set(outs).size).toBe(1);
    await Promise.all(sessions.map((s) => s.close()));
  });
});
