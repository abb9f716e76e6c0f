import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from 'acp-play/core/errors.js';
import type { SimulatorLogin } from 'acp-play/core/simulator.js';
import type { SimPlatformId } from '../sim/sim-types.js';
import { defaultPlatforms } from 'acp-play/platforms/platform-list.js';
import type { RegisterCommand } from 'acp-play/cli/register-command.js';
import { addSwitchFlags, lldpFlags, switchSettings, type SwitchFlags } from './lab-switch-flags.js';
import { simulatedSwitch, simulatedSwitches } from './simulated-switch.js';

interface SimFlags extends SwitchFlags {
  readonly lldp?: readonly string[];
  readonly platform: string;
  readonly config?: string;
  readonly port: string;
  readonly host: string;
  readonly hostname: string;
  readonly user: string;
  readonly passwordEnv?: string;
  readonly authorizedKeys?: string;
  readonly hostKey?: string;
  readonly timeScale: string;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError({
      severity: 'error',
      message: `cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    });
  }
}

/** The login of `lab sim`: a password from --password-env, keys from --authorized-keys, else a fresh password. */
function simUser(flags: SimFlags): { user: SimulatorLogin; generated?: string } {
  const keys = flags.authorizedKeys
    ? readText(flags.authorizedKeys, '--authorized-keys')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
    : undefined;
  let password: string | undefined;
  if (flags.passwordEnv !== undefined) {
    password = process.env[flags.passwordEnv];
    if (password === undefined)
      throw new ConfigError({
        severity: 'error',
        message: `--password-env ${flags.passwordEnv}: the variable is not set`,
        fix: `export ${flags.passwordEnv}=...`,
      });
  }
  const generated = password === undefined && keys === undefined ? randomBytes(9).toString('base64url') : undefined;
  const user: SimulatorLogin = {
    username: flags.user,
    ...((password ?? generated) !== undefined ? { password: (password ?? generated)! } : {}),
    ...(keys ? { publicKeys: keys } : {}),
  };
  return { user, ...(generated !== undefined ? { generated } : {}) };
}

/**
 * `acp-play lab ...`: the local simulated site. `lab sim` runs one switch simulator in the foreground (until Ctrl-C)
 * and prints how to connect and the known_hosts line that pins its host key.
 */
export const registerLabCommand: RegisterCommand = (program, setExit) => {
  const platforms = defaultPlatforms();
  const simulated = simulatedSwitches(platforms).map((p) => p.id);
  const lab = program.commands.find((c) => c.name() === 'lab') ?? program.command('lab');
  const sim = lab
    .command('sim')
    .description('run one switch simulator (NX-OS, EOS or IOS CLI over SSH) in the foreground')
    .requiredOption('--platform <platform>', `device to simulate: ${simulated.join(' | ')}`)
    .option('--config <file>', 'initial running-config (default: an empty config with 48 ports)')
    .option('--port <n>', 'TCP port (0 = any free port)', '0')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--hostname <name>', 'device hostname (shown in prompts)', 'switch1')
    .option('--user <name>', 'login name', 'admin')
    .option('--password-env <var>', 'environment variable holding the login password')
    .option('--authorized-keys <file>', 'OpenSSH public keys accepted for the login')
    .option('--host-key <file>', 'host private key (default: a new ed25519 key each run)')
    .option(
      '--time-scale <factor>',
      'device time factor for commit/revert timers (1/60: a minute lasts a second)',
      '1',
    );
  addSwitchFlags(sim, { miswire: false }).action(async (flags: SimFlags) => {
    const spec = simulatedSwitch(platforms, flags.platform);
    const port = Number(flags.port);
    const timeScale = flags.timeScale.includes('/')
      ? Number(flags.timeScale.split('/')[0]) / Number(flags.timeScale.split('/')[1])
      : Number(flags.timeScale);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new ConfigError({ severity: 'error', message: `--port ${flags.port} is not a TCP port` });
    if (!(timeScale > 0))
      throw new ConfigError({
        severity: 'error',
        message: `--time-scale ${flags.timeScale} must be a positive number`,
      });
    const settings = switchSettings(flags, spec.id as SimPlatformId);
    const lldpNeighbors = lldpFlags(flags.lldp);
    const { user: login, generated } = simUser(flags);
    const user: SimulatorLogin = {
      ...login,
      ...(settings.privilege !== undefined ? { privilege: settings.privilege } : {}),
    };
    const startSimulator = await spec.simulator();
    const sim = await startSimulator({
      hostname: flags.hostname,
      host: flags.host,
      port,
      users: [user],
      timeScale,
      ...(settings.sshLegacy ? { sshLegacy: true } : {}),
      ...(settings.ignoreRollback ? { ignoreRollback: true } : {}),
      ...(settings.islCapable ? { islCapable: true } : {}),
      ...(settings.enableSecret !== undefined ? { enableSecret: settings.enableSecret } : {}),
      ...(settings.rejectCommands ? { rejectCommands: settings.rejectCommands.map((re) => new RegExp(re)) } : {}),
      ...(Object.keys(lldpNeighbors).length > 0 ? { lldpNeighbors } : {}),
      ...(flags.config !== undefined ? { config: readText(flags.config, '--config') } : {}),
      ...(flags.hostKey !== undefined ? { hostKey: readText(flags.hostKey, '--host-key') } : {}),
    });
    const target = sim.port === 22 ? sim.host : `[${sim.host}]:${sim.port}`;
    process.stdout.write(
      [
        `${flags.platform} simulator "${flags.hostname}" listening on ${sim.host}:${sim.port}`,
        `connect:      ssh -p ${sim.port} ${user.username}@${sim.host}`,
        ...(generated !== undefined
          ? [`password:     ${generated}   (generated for this run; set --password-env to choose one)`]
          : []),
        `fingerprint:  ${sim.fingerprint}`,
        `known_hosts:  ${target} ${sim.hostKeyPublic}`,
        ...(settings.sshLegacy
          ? [
              'ssh:          an old switch: ssh -o KexAlgorithms=+diffie-hellman-group14-sha1 -o HostKeyAlgorithms=+ssh-rsa ...',
            ]
          : []),
        'Ctrl-C stops the simulator.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await sim.close();
    setExit(0);
  });
};
