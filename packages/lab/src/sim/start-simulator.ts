import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';
import { generateEd25519Key } from '../ed25519-key.js';
import { replayConfig } from './config-replay.js';
import { EOS_SIM } from './eos/eos-platform.js';
import { IOS_SIM } from './ios/ios-platform.js';
import { cloneSimState } from './model/switch-model.js';
import { NXOS_SIM } from './nxos/nxos-platform.js';
import { SimCli } from './sim-cli.js';
import type { SimPlatform } from './sim-cli-types.js';
import { SimDevice } from './sim-device.js';
import { LEGACY_ALGORITHMS, startSimSshServer, type SimChannelRequest } from './sim-ssh-server.js';
import { SimTerminal } from './sim-terminal.js';
import type { SimOptions, SimPlatformId, SimulatorHandle } from './sim-types.js';

const { utils } = ssh2;

/** The CLI definition of each simulated platform. */
export const SIM_PLATFORMS: Readonly<Record<SimPlatformId, SimPlatform>> = {
  cisco_nxos: NXOS_SIM,
  arista_eos: EOS_SIM,
  cisco_ios: IOS_SIM,
};

/** A device booted from `opts.config` (replayed through its own CLI) or from its empty factory config. */
export function bootDevice(opts: SimOptions): { device: SimDevice; platform: SimPlatform } {
  const platform = SIM_PLATFORMS[opts.platform];
  const device = new SimDevice(opts, platform.rules, platform.bootPorts);
  if (opts.config !== undefined) replayConfig(device, platform, opts.config);
  else device.booted(device.running);
  return { device, platform };
}

/** The host key: the given one, or a fresh ed25519 key (RSA 2048 for an old switch, which knows only ssh-rsa). */
function hostKeyFor(opts: SimOptions): string {
  if (opts.hostKey !== undefined) return opts.hostKey;
  if (opts.sshLegacy) return utils.generateKeyPairSync('rsa', { bits: 2048 }).private;
  return generateEd25519Key(`${opts.hostname}-host-key`).privateKey;
}

/**
 * Starts a switch simulator: an SSH server on `host:port` whose shell and exec channels speak the platform's CLI
 * against one simulated device (shared by every connection).
 */
export async function startSimulator(opts: SimOptions): Promise<SimulatorHandle> {
  const { device, platform } = bootDevice(opts);
  const hostKey = hostKeyFor(opts);
  const parsed = utils.parseKey(hostKey);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error)
    throw new Error(`simulator host key: ${key instanceof Error ? key.message : 'no key'}`);
  if (opts.sshLegacy && key.type !== 'ssh-rsa')
    throw new Error(`simulator host key: an old switch (sshLegacy) needs an RSA host key, not ${key.type}`);
  const blob = key.getPublicSSH();
  const newCli = (req: SimChannelRequest): SimCli =>
    new SimCli(device, platform, req.user.username, req.user.privilege ?? platform.defaultPrivilege);
  const host = opts.host ?? '127.0.0.1';
  const server = await startSimSshServer({
    host,
    port: opts.port ?? 0,
    hostKey,
    users: opts.users,
    ...(opts.sshLegacy ? { algorithms: LEGACY_ALGORITHMS } : {}),
    onShell: (req) => {
      const terminal = new SimTerminal(req.channel, newCli(req), {
        pty: req.pty !== undefined,
        rows: req.pty?.rows ?? 0,
        onDrop: req.drop,
        ...(opts.onCommand ? { onCommand: opts.onCommand } : {}),
      });
      req.channel.on('data', (d: Buffer) => terminal.receive(d));
      terminal.start();
    },
    onExec: (req) => {
      const command = req.command ?? '';
      opts.onCommand?.(command);
      const result = newCli(req).run(command, 0);
      if (result.drop) return req.drop();
      const out = result.output === '' ? '' : `${result.output.replace(/\n$/, '')}\n`;
      if (out !== '') req.channel.write(req.pty ? out.replace(/\n/g, '\r\n') : out);
      // Exit status 1 when the device printed an error, so `ssh switch "bad command"` fails like a shell command.
      req.channel.exit(result.failed ? 1 : 0);
      req.channel.end();
    },
  });
  return {
    port: server.port,
    host,
    hostKeyPublic: `${key.type} ${blob.toString('base64')}`,
    fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
    state: () => cloneSimState(device.running),
    startupState: () => cloneSimState(device.startup),
    runningConfig: () => platform.renderRunning(device, device.running),
    dumpState: () => dumpDevice(device, platform),
    mirrorErrors: () => device.mirror?.errors() ?? [],
    mirrorIdle: () => device.mirror?.idle() ?? Promise.resolve(),
    rewire: (neighbors) => {
      device.lldpTable = { ...neighbors };
    },
    close: async () => {
      device.close();
      await server.close();
    },
  };
}

function dumpDevice(device: SimDevice, platform: SimPlatform): Record<string, unknown> {
  return {
    platform: device.platform,
    hostname: device.hostname,
    runningConfig: platform.renderRunning(device, device.running),
    startupConfig: platform.renderRunning(device, device.startup),
    checkpoints: [...device.checkpoints.keys()],
    sessions: Object.fromEntries([...device.sessions].map(([name, s]) => [name, s.status])),
    archive: device.running.archive ?? null,
    pendingRevert: device.pendingRevert
      ? { session: device.pendingRevert.session ?? null, firesAt: new Date(device.pendingRevert.firesAt).toISOString() }
      : null,
  };
}
